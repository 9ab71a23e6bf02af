// A Redis that answers but cannot serve (a replica after a failover says READONLY, a full one OOM,
// a changed password NOAUTH): what needs Redis is a 503, not a 500. A stand-in server speaking the
// Redis protocol gives each refusal, since the real Redis of the other tests must stay untouched.
import { createServer } from "node:net";
import type { Server } from "node:net";
import { randomBytes } from "node:crypto";
import { openTestPglite } from "@venue-booking/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { buildDeps, redisState } from "../src/deps.ts";
import { MemorySmsSender } from "../src/infra/sms.ts";
import { TEST_JWT_SECRET } from "../src/testing.ts";
import { loadSwaggerAssets } from "../src/swagger-assets.ts";
import { json, newPhone, problem } from "./helpers.ts";

/** Answers the connection's set-up commands, and `refusal` to every other command. */
async function refusingRedis(refusal: () => string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((socket) => {
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      // Requests are RESP arrays: *<n>\r\n then n times $<len>\r\n<arg>\r\n.
      for (;;) {
        const m = /^\*(\d+)\r\n/.exec(buffer);
        if (!m) return;
        let at = m[0].length;
        const args: string[] = [];
        for (let i = 0; i < Number(m[1]); i++) {
          const len = /^\$(\d+)\r\n/.exec(buffer.slice(at));
          if (!len) return;
          const start = at + len[0].length;
          if (buffer.length < start + Number(len[1]) + 2) return;
          args.push(buffer.slice(start, start + Number(len[1])));
          at = start + Number(len[1]) + 2;
        }
        buffer = buffer.slice(at);
        const command = (args[0] ?? "").toUpperCase();
        if (command === "INFO") {
          const info = "# Server\r\nredis_version:7.0.0\r\nloading:0\r\n";
          socket.write(`$${info.length}\r\n${info}\r\n`);
        } else if (command === "PING") socket.write("+PONG\r\n");
        else if (command === "CLIENT" || command === "SELECT") socket.write("+OK\r\n");
        else socket.write(`-${refusal()}\r\n`);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `redis://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each([
  "READONLY You can't write against a read only replica.",
  "OOM command not allowed when used memory > 'maxmemory'.",
  "NOAUTH Authentication required.",
  "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk.",
])("a Redis answering %s", (refusal) => {
  let stub: Awaited<ReturnType<typeof refusingRedis>>;
  let request: (path: string, init?: RequestInit) => Promise<Response>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    stub = await refusingRedis(() => refusal);
    const config = loadConfig({ NODE_ENV: "test", AUTH_IP_LIMIT_PER_MINUTE: "100000" });
    const database = await openTestPglite();
    const state = redisState(stub.url, `vb:test:${randomBytes(4).toString("hex")}:`, { timeoutMs: 500 });
    const deps = buildDeps({ config, database, state, sms: new MemorySmsSender(), jwtSecret: TEST_JWT_SECRET });
    const app = createApp(deps, { swaggerAssets: loadSwaggerAssets() });
    request = async (path, init = {}) => app.request(path, init, { incoming: { socket: { remoteAddress: "10.9.9.9" } } });
    close = async () => {
      await state.close();
      await database.close();
      await stub.close();
    };
  });
  afterAll(async () => close());

  it("sign-in answers 503 SERVICE_UNAVAILABLE with Retry-After, never 500", async () => {
    const res = await request("/api/auth/send-otp/", json({ phone: newPhone() }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
  });
});
