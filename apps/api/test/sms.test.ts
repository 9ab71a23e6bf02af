// Sign-in codes through an HTTP SMS gateway (a local stub server here), and the configuration that
// keeps production from printing codes unless told to.
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { openTestPglite, openTestPostgres } from "@venue-booking/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { buildDeps, memoryState } from "../src/deps.ts";
import type { SharedState } from "../src/deps.ts";
import { silentLogger } from "../src/infra/logger.ts";
import { ConsoleSmsSender, HttpSmsSender, SmsDeliveryError, smsSenderFrom } from "../src/infra/sms.ts";
import { TEST_JWT_SECRET, testRedisState } from "../src/testing.ts";
import { json, newPhone, problem } from "./helpers.ts";

type Received = { method: string | undefined; authorization: string | undefined; contentType: string | undefined; body: unknown };

/** A gateway stand-in: records each request and answers as `reply` says (or never). */
async function startGateway() {
  const received: Received[] = [];
  let reply: "ok" | "fail" | "hang" = "ok";
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => {
      received.push({
        method: req.method,
        authorization: req.headers.authorization,
        contentType: req.headers["content-type"],
        body: JSON.parse(raw) as unknown,
      });
      if (reply === "hang") hanging.push(res);
      else if (reply === "fail") res.writeHead(500).end("gateway broke");
      else res.writeHead(202, { "content-type": "application/json" }).end('{"id":"m-1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    answer(next: typeof reply) {
      reply = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Gateway = Awaited<ReturnType<typeof startGateway>>;

describe("HttpSmsSender", () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => gw.close());

  it("posts {to, text} as JSON with the bearer token", async () => {
    gw.answer("ok");
    await new HttpSmsSender({ url: gw.url, token: "gw-token-1" }).send("+998901234567", "venue-booking code: 123456");
    expect(gw.received.at(-1)).toEqual({
      method: "POST",
      authorization: "Bearer gw-token-1",
      contentType: "application/json",
      body: { to: "+998901234567", text: "venue-booking code: 123456" },
    });
  });

  it("a non-2xx answer, no answer in time, and no gateway at all are delivery errors", async () => {
    gw.answer("fail");
    await expect(new HttpSmsSender({ url: gw.url }).send("+998901234567", "x")).rejects.toThrow(/answered 500/);
    gw.answer("hang");
    const started = Date.now();
    const hung = new HttpSmsSender({ url: gw.url, timeoutMs: 300 }).send("+998901234567", "x");
    await expect(hung).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(hung).rejects.toThrow(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(new HttpSmsSender({ url: "http://127.0.0.1:9/none" }).send("+998901234567", "x")).rejects.toBeInstanceOf(SmsDeliveryError);
  });
});

const backends: { name: string; open: () => Promise<{ database: Awaited<ReturnType<typeof openTestPglite>>; state: SharedState }> }[] = [
  { name: "embedded (PGlite + in-process store)", open: async () => ({ database: await openTestPglite(), state: memoryState() }) },
];
const { DATABASE_URL: pgUrl, REDIS_URL: redisUrl } = process.env;
if (pgUrl && redisUrl) {
  backends.push({
    name: "PostgreSQL + Redis",
    open: async () => ({ database: await openTestPostgres(pgUrl), state: testRedisState(redisUrl) }),
  });
}

describe.each(backends)("send-otp through the HTTP gateway on $name", (backend) => {
  let gw: Gateway;
  let app: ReturnType<typeof createApp>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    gw = await startGateway();
    const { database, state } = await backend.open();
    const config = loadConfig({
      NODE_ENV: "test",
      AUTH_IP_LIMIT_PER_MINUTE: "100000",
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: gw.url,
      SMS_HTTP_TOKEN: "gw-secret",
    });
    // The gateway's answer time is bounded; short here so the hanging case stays quick.
    const sms = new HttpSmsSender({ url: gw.url, token: "gw-secret", timeoutMs: 400 });
    const deps = buildDeps({ config, database, state, sms, jwtSecret: TEST_JWT_SECRET });
    app = createApp(deps);
    close = async () => {
      await state.clear();
      await state.close();
      await database.close();
      await gw.close();
    };
  });
  afterAll(async () => close());

  const send = (phone: string) => app.request("/api/auth/send-otp/", json({ phone }));
  const codeIn = (r: Received | undefined) => /\b(\d{6})\b/.exec((r?.body as { text: string }).text)?.[1];

  it("delivers the code to the gateway, and that code signs in", async () => {
    gw.answer("ok");
    const phone = newPhone();
    expect((await send(phone)).status).toBe(200);
    const got = gw.received.at(-1);
    expect(got).toMatchObject({ authorization: "Bearer gw-secret", body: { to: phone } });
    const verified = await app.request("/api/auth/verify-otp/", json({ phone, code: codeIn(got) }));
    expect(verified.status).toBe(200);
  });

  it("a failing gateway is 503 SERVICE_UNAVAILABLE, not 500; the next send works once it recovers", async () => {
    const phone = newPhone();
    gw.answer("fail");
    const res = await send(phone);
    expect(res.status).toBe(503);
    expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
    gw.answer("ok");
    expect((await send(phone)).status).toBe(200);
    const verified = await app.request("/api/auth/verify-otp/", json({ phone, code: codeIn(gw.received.at(-1)) }));
    expect(verified.status).toBe(200);
  });

  it("a gateway that never answers is 503 within a bounded time", async () => {
    gw.answer("hang");
    const started = Date.now();
    const res = await send(newPhone());
    expect(res.status).toBe(503);
    expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
    expect(Date.now() - started).toBeLessThan(3_000);
    gw.answer("ok");
  });
});

describe("choosing the SMS sender", () => {
  const production = { NODE_ENV: "production", JWT_SECRET: "production-secret-production-secret!" };

  it("production refuses to start without SMS_PROVIDER, and http without a URL", () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/SMS_PROVIDER: is required in production/);
    expect(() => loadConfig({ ...production, SMS_PROVIDER: "http" })).toThrow(/SMS_HTTP_URL: is required when SMS_PROVIDER=http/);
    expect(() => loadConfig({ ...production, SMS_PROVIDER: "carrier-pigeon" })).toThrow(/SMS_PROVIDER/);
  });

  it("the gateway when asked for; the console only when named explicitly in production, or outside it", () => {
    expect(smsSenderFrom(loadConfig({ ...production, SMS_PROVIDER: "http", SMS_HTTP_URL: "https://sms.example.uz/send" }))).toBeInstanceOf(
      HttpSmsSender,
    );
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (msg: string) => void warnings.push(msg) };
    expect(smsSenderFrom(loadConfig({ ...production, SMS_PROVIDER: "console" }), logger)).toBeInstanceOf(ConsoleSmsSender);
    expect(warnings).toEqual(["SMS_PROVIDER=console: sign-in codes are printed to stdout, for trials only"]);
    expect(smsSenderFrom(loadConfig({ NODE_ENV: "development" }), logger)).toBeInstanceOf(ConsoleSmsSender);
    expect(warnings).toHaveLength(1);
  });
});
