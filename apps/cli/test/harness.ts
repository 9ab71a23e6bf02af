// A real API (embedded database) on a loopback port, and ways to run the CLI against it:
// through action functions with a captured output, and through the real (bundled) binary.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Config } from "@venue-booking/api";
import { testBackends } from "@venue-booking/api/testing";
import type { Harness } from "@venue-booking/api/testing";
import { createContext } from "../src/context.ts";
import type { CliContext } from "../src/context.ts";
import { createOutput } from "../src/output.ts";
import { createProgram, runProgram } from "../src/program.ts";
import { scriptedPrompter } from "../src/prompts.ts";
import { present } from "../src/runner.ts";
import type { Outcome } from "../src/runner.ts";

const CLI_DIR = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(CLI_DIR, "bin/venue-admin.js");

/** Builds dist/ from the current source, as `pnpm --filter @venue-booking/cli build` does; the binary runs it. */
export function buildBinary(): void {
  const pkg = createRequire(join(CLI_DIR, "package.json")).resolve("tsup/package.json");
  const tsup = join(dirname(pkg), (JSON.parse(readFileSync(pkg, "utf8")) as { bin: { tsup: string } }).bin.tsup);
  execFileSync(process.execPath, [tsup, "--silent"], { cwd: CLI_DIR, stdio: ["ignore", "ignore", "pipe"] });
}

/** What the runner does with an action's outcome: prints it (as JSON with `json`) and gives its data. */
export async function perform<T>(ctx: CliContext, pending: Promise<Outcome<T>>, json = false): Promise<T> {
  return present(ctx.out, await pending, json);
}

export type CliHarness = {
  api: Harness;
  baseUrl: string;
  adminToken: string;
  configDir: string;
  env: Record<string, string>;
  /** A context for calling action functions; `lines` collects what they print. */
  context(opts?: {
    answers?: (string | boolean)[];
    interactive?: boolean;
    token?: string | null;
    env?: Record<string, string | undefined>;
  }): {
    ctx: CliContext;
    lines: string[];
    asked: string[];
    /** Notes written to stderr. */
    notes: string[];
  };
  /** Runs argv through the commander program in process (prompts answered from `answers`). */
  program(
    argv: string[],
    opts?: { answers?: (string | boolean)[]; interactive?: boolean; env?: Record<string, string | undefined> },
  ): Promise<{ code: number; stdout: string; stderr: string; asked: string[] }>;
  /** Runs the real venue-admin binary. */
  bin(args: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
};

let phoneSeq = 700_000_000;
export const nextPhone = () => `+998${++phoneSeq}`;

/** `config` changes the API's settings (a quick webhook dispatcher, say) from those of the tests. */
export async function startCliHarness(config: Partial<Config> = {}): Promise<CliHarness> {
  const api = await testBackends()[0]!.start(config);
  let server!: ReturnType<typeof serve>;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: api.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const adminPhone = nextPhone();
  api.deps.config.adminPhones.push(adminPhone);
  const { access: adminToken } = await api.tokensFor(adminPhone, { admin: true });
  const configDir = mkdtempSync(join(tmpdir(), "venue-admin-test-"));
  const env = { VENUE_API_URL: baseUrl, VENUE_API_TOKEN: adminToken, VENUE_ADMIN_CONFIG_DIR: configDir, NO_COLOR: "1" };

  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    const output = createOutput({ write: (s) => out.push(s), writeErr: (s) => err.push(s), isTTY: false, env: { NO_COLOR: "1" } });
    return { out, err, output };
  };

  return {
    api,
    baseUrl,
    adminToken,
    configDir,
    env,
    context({ answers = [], interactive = false, token, env: extraEnv = {} } = {}) {
      const { out, err, output } = capture();
      const prompter = scriptedPrompter(answers);
      const ctx = createContext({
        env: { ...env, VENUE_API_TOKEN: token === null ? undefined : (token ?? adminToken), ...extraEnv },
        out: output,
        prompter,
        interactive,
        writeErr: (s) => err.push(s),
      });
      return { ctx, lines: out, asked: prompter.asked, notes: err };
    },
    async program(argv, { answers = [], interactive = false, env: extraEnv = {} } = {}) {
      const { out, err, output } = capture();
      const prompter = scriptedPrompter(answers);
      let code = 0;
      const io = {
        env: { ...env, ...extraEnv },
        out: output,
        writeErr: (s: string) => err.push(s),
        prompter,
        interactive,
        setExitCode: (c: number) => (code = c),
      };
      await runProgram(createProgram(io), argv, io);
      return { code, stdout: out.join(""), stderr: err.join(""), asked: prompter.asked };
    },
    bin(args, extraEnv = {}) {
      return new Promise((resolve) => {
        execFile(
          process.execPath,
          [BIN, ...args],
          { env: { ...process.env, ...env, ...extraEnv }, timeout: 60_000 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      });
    },
    async close() {
      await new Promise((r) => server.close(r));
      await api.close();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
