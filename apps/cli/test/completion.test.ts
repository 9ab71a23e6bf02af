// Tab completion: the script `completion bash|zsh` prints, sourced in a real bash.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { runInProcess } from "./in-process.ts";

const dir = mkdtempSync(join(tmpdir(), "venue-admin-completion-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const r = await runInProcess(["completion", shell]);
  expect(r.code).toBe(EXIT.OK);
  expect(r.stderr).toBe("");
  expect(r.requests).toEqual([]);
  const file = join(dir, `venue-admin.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

/** The words bash offers for the command line `line` with the cursor at its end. */
function offered(file: string, line: string, prelude = ""): string[] {
  const words = line.split(" ");
  const program = `${prelude}
source "$1"
COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})
COMP_CWORD=${words.length - 1}
_venue_admin
printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync("bash", ["-c", program, "bash", file], { encoding: "utf8" }).split("\n").filter(Boolean).sort();
}

describe("completion", () => {
  it("bash: registers for venue-admin and offers the commands of each level", async () => {
    const file = await script("bash");
    const registered = execFileSync("bash", ["-c", 'source "$1" && complete -p venue-admin', "bash", file], { encoding: "utf8" });
    expect(registered.trim()).toBe("complete -o default -F _venue_admin venue-admin");

    expect(offered(file, "venue-admin ven")).toEqual(["venues"]);
    expect(offered(file, "venue-admin ")).toEqual(
      expect.arrayContaining(["bookings", "completion", "config", "export", "help", "import", "login", "users", "venues", "whoami"]),
    );
    expect(offered(file, "venue-admin venues ")).toEqual(
      expect.arrayContaining(["availability", "create", "delete", "images", "list", "show", "translate", "update"]),
    );
    expect(offered(file, "venue-admin venues images r")).toEqual(["remove"]);
    expect(offered(file, "venue-admin bookings list --st")).toEqual(["--status"]);
    expect(offered(file, "venue-admin venues list --a")).toEqual(["--all", "--api-url"]);
    // an option's value is skipped when finding the command, and after a value option nothing is forced on it
    expect(offered(file, "venue-admin --profile prod users l")).toEqual(["list"]);
    expect(offered(file, "venue-admin venues list --search ")).toEqual([]);
    expect(offered(file, "venue-admin --v")).toEqual(["--version"]);
    expect(offered(file, "venue-admin venues list --v")).toEqual([]);
    expect(offered(file, "venue-admin completion ")).toEqual(expect.arrayContaining(["bash", "zsh"]));
  });

  it("zsh: the same completion through zsh's bash compatibility", async () => {
    const file = await script("zsh");
    const stubs = "autoload() { :; }\nbashcompinit() { :; }\ncompinit() { :; }\n";
    expect(offered(file, "venue-admin ven", stubs)).toEqual(["venues"]);
    expect(offered(file, "venue-admin bookings s", stubs)).toEqual(["set-status", "show"]);
  });

  it("refuses an unknown shell with exit code 2", async () => {
    const r = await runInProcess(["completion", "fish"]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toMatch(/^error: command-argument value 'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh\./);
  });
});
