// The server process as an operator meets it: a port in use is one clear line and exit 1; the log
// says what migrations did; SEED_DEMO fills an empty PostgreSQL once; SIGTERM lets a request in
// flight finish, telling its keep-alive client to close the connection.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { request as httpRequest, Agent } from "node:http";
import type { IncomingMessage } from "node:http";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { SEED_VENUES } from "@venue-booking/db";
import { scratchDatabase } from "./scratch.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SERVER = fileURLToPath(new URL("../src/server.ts", import.meta.url));

type Proc = { child: ChildProcess; output: () => string; base: string; port: number };

function spawnServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: { ...process.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", REDIS_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return { child, stdout: () => out, stderr: () => err };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

/** Starts the server and waits until it has opened the database (its "ready:" line). */
function start(env: Record<string, string>): Promise<Proc> {
  const { child, stdout, stderr } = spawnServer(env);
  const output = () => stdout() + stderr();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), 45_000);
    const check = () => {
      const m = /http:\/\/localhost:(\d+)/.exec(stdout());
      if (m && /ready: /.test(stdout())) {
        clearTimeout(timer);
        resolve({ child, output, base: `http://127.0.0.1:${m[1]}`, port: Number(m[1]) });
      }
    };
    child.stdout.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output()}`));
    });
  });
}

async function stop(p: Proc): Promise<number | null> {
  const exited = exitOf(p.child);
  p.child.kill("SIGTERM");
  return exited;
}

describe("the server process", () => {
  it("a port in use: one line naming the port and what to set, exit 1, no stack", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const { child, stdout, stderr } = spawnServer({ PORT: String(port) });
      expect(await exitOf(child)).toBe(1);
      expect(stderr().trim().split("\n")).toEqual([`port ${port} is already in use; stop what uses it or set PORT to a free port`]);
      expect(stdout() + stderr()).not.toMatch(/^\s+at /m);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

const { DATABASE_URL } = process.env;
const suites = DATABASE_URL ? [{ name: "the server process on PostgreSQL", databaseUrl: DATABASE_URL }] : [];

describe.each(suites)("$name", ({ databaseUrl }) => {
  const db = scratchDatabase(databaseUrl, "server");
  const env = { DATABASE_URL: db.url, SEED_DEMO: "true", LIFECYCLE_INTERVAL_SECONDS: "0", AUTH_IP_LIMIT_PER_MINUTE: "10000" };
  let server: Proc | undefined;

  beforeAll(() => db.create());
  afterAll(async () => {
    if (server && server.child.exitCode === null) await stop(server);
    await db.drop();
  });

  const venueCount = async (p: Proc) => ((await (await fetch(`${p.base}/api/venues/`)).json()) as { count: number }).count;

  it("a new database: says how many migrations it applied, and SEED_DEMO adds the demo venues", async () => {
    server = await start(env);
    expect(server.output()).toMatch(/database migrations applied: [1-9]\d*/);
    expect(await venueCount(server)).toBe(SEED_VENUES.length);
    expect(await stop(server)).toBe(0);
  });

  it("a restart: the schema is up to date, and the demo venues are not added twice", async () => {
    server = await start(env);
    expect(server.output()).toContain("database schema up to date");
    expect(server.output()).not.toContain("database migrations applied");
    expect(await venueCount(server)).toBe(SEED_VENUES.length);
  });

  it("SIGTERM: a request in flight finishes with 200 and Connection: close, then the process exits 0", async () => {
    const p = server!;
    const agent = new Agent({ keepAlive: true });
    const body = JSON.stringify({ phone: "+998915000001" });
    // `Expect: 100-continue` makes the server say when it has taken the request: only then is the
    // signal sent, and the body after it, so the request is in flight while the server drains.
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port: p.port,
          method: "POST",
          path: "/api/auth/send-otp/",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
        },
        resolve,
      );
      req.on("error", reject);
      req.on("continue", () => {
        p.child.kill("SIGTERM");
        const sendWhenDraining = () =>
          p.output().includes("SIGTERM: finishing in-flight requests") ? req.end(body) : setTimeout(sendWhenDraining, 10);
        sendWhenDraining();
      });
    });
    const res = await response;
    res.resume();
    expect(res.statusCode).toBe(200);
    expect(res.headers.connection).toBe("close");
    expect(await exitOf(p.child)).toBe(0);
    expect(p.output()).toContain("stopped");
    agent.destroy();
  });
});
