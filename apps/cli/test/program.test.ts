// The top level of the command line: the version, `help <command>`, and a suggestion for a typo.
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import cliPackage from "../package.json" with { type: "json" };
import { EXIT } from "../src/exit-codes.ts";
import { createOutput } from "../src/output.ts";
import { createProgram } from "../src/program.ts";
import { scriptedPrompter } from "../src/prompts.ts";
import { runInProcess } from "./in-process.ts";

describe("the top level", () => {
  it("prints the version with --version and -V", async () => {
    for (const flag of ["--version", "-V"]) {
      const r = await runInProcess([flag]);
      expect(r.code, flag).toBe(EXIT.OK);
      expect(r.stdout, flag).toBe(`${cliPackage.version}\n`);
    }
  });

  it("answers `help <group>` (and `<group> help <command>`) with its help, and `help` with the program's", async () => {
    const venues = await runInProcess(["help", "venues"]);
    expect(venues.code).toBe(EXIT.OK);
    expect(venues.stdout).toMatch(/^Usage: venue-admin venues \[options\] \[command\]/);
    const leaf = await runInProcess(["venues", "help", "list"]);
    expect(leaf.stdout).toMatch(/^Usage: venue-admin venues list \[options\]/);
    const top = await runInProcess(["help"]);
    expect(top.code).toBe(EXIT.OK);
    expect(top.stdout).toMatch(/^Usage: venue-admin \[options\] \[command\][\s\S]*help \[command\]/);
  });

  it("suggests the command a typo was probably meant to be, with exit code 2", async () => {
    for (const [typo, meant] of [
      ["venus", "venues"],
      ["logni", "login"],
      ["boookings", "bookings"],
      ["confg", "config"],
    ]) {
      const r = await runInProcess([typo!, "list"]);
      expect(r.code, typo).toBe(EXIT.USAGE);
      expect(r.stderr, typo).toMatch(new RegExp(`^error: unknown command '${typo}'\\n\\(Did you mean ${meant}\\?\\)\\n`));
      expect(r.requests).toEqual([]);
    }
    const far = await runInProcess(["nonsense"]);
    expect(far.code).toBe(EXIT.USAGE);
    expect(far.stderr).toMatch(/^error: unknown command 'nonsense'\n\nUsage: venue-admin/);
  });

  it("shows at least one example in the help of every command", async () => {
    const program = createProgram({
      env: {},
      out: createOutput({ write: () => {}, writeErr: () => {}, isTTY: false, env: {} }),
      writeErr: () => {},
      prompter: scriptedPrompter([]),
      interactive: false,
      setExitCode: () => {},
    });
    const all = (cmd: Command, path: string[] = []): string[][] => [path, ...cmd.commands.flatMap((c) => all(c, [...path, c.name()]))];
    const paths = all(program);
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths) {
      const r = await runInProcess([...path, "--help"]);
      expect(r.code, path.join(" ")).toBe(EXIT.OK);
      expect(r.stdout, path.join(" ")).toMatch(/\nExamples?:\n {2}(venue-admin|source <\(venue-admin)/);
    }
  });
});
