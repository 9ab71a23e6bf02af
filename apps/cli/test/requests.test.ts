// How a request goes: a time limit against an API that does not answer, a spinner while a slow one
// thinks, and how an error answer reads. Local servers stand in for the API.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { createOutput } from "../src/output.ts";
import { createProgram, runProgram } from "../src/program.ts";
import { scriptedPrompter } from "../src/prompts.ts";
import { createSpinner, spinnerFor } from "../src/spinner.ts";
import type { Spinner } from "../src/spinner.ts";
import { runInProcess } from "./in-process.ts";

const NOT_FOUND = JSON.stringify({
  type: "urn:venue-booking:problem:venue-not-found",
  title: "Not Found",
  status: 404,
  detail: "Venue not found.",
  code: "VENUE_NOT_FOUND",
  request_id: "r-1",
});

/** A local server answering with `handle`; requests it never answers are cut when it closes. */
async function localServer(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function run(argv: string[], opts: { spinner?: Spinner } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let code: number = EXIT.OK;
  const io = {
    env: { VENUE_API_TOKEN: "token", VENUE_ADMIN_CONFIG_DIR: "/nonexistent", NO_COLOR: "1" },
    out: createOutput({ write: (s) => out.push(s), writeErr: (s) => err.push(s), isTTY: false, env: { NO_COLOR: "1" } }),
    writeErr: (s: string) => err.push(s),
    prompter: scriptedPrompter([]),
    interactive: false,
    spinner: opts.spinner,
    setExitCode: (c: number) => (code = c),
  };
  await runProgram(createProgram(io), argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("an API that does not answer", () => {
  let silent: Awaited<ReturnType<typeof localServer>>;
  beforeAll(async () => {
    silent = await localServer(() => {});
  });
  afterAll(async () => silent.close());

  it("is given up after --timeout seconds, naming the request and the limit, with exit code 1", async () => {
    const started = Date.now();
    const r = await run(["--api-url", silent.url, "--timeout", "0.4", "venues", "show", "1"]);
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toBe(
      `error: no answer from GET ${silent.url}/api/venues/1/?translations=all within 0.4 s (is the API up? --timeout <seconds> waits longer)\n`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("says that a change sent without an answer may have been made", async () => {
    const r = await run(["--api-url", silent.url, "--timeout", "0.3", "login", "--phone", "+998901234567"]);
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toMatch(
      /^error: no answer from POST .*\/api\/auth\/send-otp\/ within 0\.3 s; the change may or may not have been made/,
    );
  });

  it("refuses a --timeout that is not a positive number of seconds", async () => {
    for (const value of ["0", "-1", "soon", "1e9"]) {
      const r = await run(["--api-url", silent.url, "--timeout", value, "venues", "show", "1"]);
      expect(r.code, value).toBe(EXIT.USAGE);
      expect(r.stderr, value).toMatch(/--timeout must be a number of seconds/);
    }
  });

  it("waits 15 seconds by default", async () => {
    const r = await run(["--help"]);
    // commander wraps the help to the terminal's width: read it as one line
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(/--timeout <seconds> how long to wait for each answer of the API \(default: 15\)/);
  });
});

describe("a slow answer", () => {
  let slow: Awaited<ReturnType<typeof localServer>>;
  beforeAll(async () => {
    slow = await localServer((req, res) => {
      const reply = () => res.writeHead(404, { "content-type": "application/problem+json" }).end(NOT_FOUND);
      if (req.url?.startsWith("/api/venues/2/")) setTimeout(reply, 700);
      else reply();
    });
  });
  afterAll(async () => slow.close());

  const spinnerOnto = (err: string[]) => createSpinner({ write: (s) => err.push(s) });

  it("shows a spinner naming the request on a terminal's stderr, erased before the result", async () => {
    const frames: string[] = [];
    const r = await run(["--api-url", slow.url, "venues", "show", "2"], { spinner: spinnerOnto(frames) });
    expect(r.stderr).toBe("error: Venue not found. [VENUE_NOT_FOUND]\n");
    expect(frames[0]).toBe(`\r\x1b[K⠋ GET ${slow.url}/api/venues/2/?translations=all`);
    expect(frames.at(-1)).toBe("\r\x1b[K");
  });

  it("shows no spinner for a quick answer", async () => {
    const frames: string[] = [];
    await run(["--api-url", slow.url, "venues", "show", "1"], { spinner: spinnerOnto(frames) });
    expect(frames).toEqual([]);
  });

  it("spins only on a terminal that can redraw a line", () => {
    const write = () => {};
    expect(spinnerFor({ isTTY: true, write }, {})).toBeTypeOf("function");
    expect(spinnerFor({ isTTY: false, write }, {})).toBeUndefined();
    expect(spinnerFor({ isTTY: true, write }, { TERM: "dumb" })).toBeUndefined();
  });
});

describe("an error answer", () => {
  const problem = (p: object) => ({
    status: 400,
    body: JSON.stringify({ type: "t", title: "Bad Request", status: 400, request_id: "r", ...p }),
  });

  it("names a field once when its message is the detail", async () => {
    const detail = "The price must be a positive amount.";
    const r = await runInProcess(
      ["venues", "show", "1"],
      problem({ detail, code: "INVALID_PRICE", errors: [{ field: "price_per_hour", message: detail }] }),
    );
    expect(r.stderr).toBe("error: The price must be a positive amount (price_per_hour) [INVALID_PRICE]\n");
  });

  it("lists each field's own message after the detail", async () => {
    const r = await runInProcess(
      ["venues", "show", "1"],
      problem({
        detail: "The request is not valid.",
        code: "VALIDATION_FAILED",
        errors: [
          { field: "name.ru", message: "Too short." },
          { field: "opening_time", message: "Expected HH:MM." },
        ],
      }),
    );
    expect(r.stderr).toBe("error: The request is not valid: name.ru: Too short; opening_time: Expected HH:MM [VALIDATION_FAILED]\n");
  });
});
