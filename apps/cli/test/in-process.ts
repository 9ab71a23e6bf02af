// The commander program run in this process against a fake API (a `fetch` that answers every
// request the same way), with stdout, stderr and the exit code captured. No server, no database.
import { EXIT } from "../src/exit-codes.ts";
import { createOutput } from "../src/output.ts";
import { createProgram, runProgram } from "../src/program.ts";
import { scriptedPrompter } from "../src/prompts.ts";

const FAKE_API = "http://api.test";

export type FakeAnswer = { status: number; body: string; contentType?: string };

export async function runInProcess(argv: string[], answer: FakeAnswer = { status: 500, body: "" }, env: Record<string, string> = {}) {
  const requests: string[] = [];
  const fakeFetch = (async (url: string | URL | Request) => {
    requests.push(url instanceof Request ? url.url : url.toString());
    return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType ?? "application/json" } });
  }) as typeof fetch;
  const out: string[] = [];
  const err: string[] = [];
  let code: number = EXIT.OK;
  const io = {
    env: { VENUE_API_URL: FAKE_API, VENUE_API_TOKEN: "token", VENUE_ADMIN_CONFIG_DIR: "/nonexistent", NO_COLOR: "1", ...env },
    out: createOutput({ write: (s) => out.push(s), writeErr: (s) => err.push(s), isTTY: false, env: { NO_COLOR: "1" } }),
    writeErr: (s: string) => err.push(s),
    prompter: scriptedPrompter([]),
    interactive: false,
    fetch: fakeFetch,
    setExitCode: (c: number) => (code = c),
  };
  await runProgram(createProgram(io), argv, io);
  return { code, stdout: out.join(""), stderr: err.join(""), requests };
}
