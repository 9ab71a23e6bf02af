// The real server process: configuration errors stop it with a readable message, and several
// replicas on one PostgreSQL and one Redis behave as one API (run when DATABASE_URL and REDIS_URL are set).
import { spawn } from "node:child_process";
import { call, exitOf, SERVER, signIn, start } from "./server-proc.ts";
import type { Proc } from "./server-proc.ts";
import { clearRedisPrefix, scratchDatabase, scratchPrefix } from "./scratch.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("the server process", () => {
  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ NODE_ENV: "production", JWT_SECRET: "" }, "JWT_SECRET: is required in production"],
    [{ APP_TIMEZONE: "Mars/Olympus" }, "APP_TIMEZONE: must be an IANA time zone"],
    [{ ADMIN_PHONES: "+998901234567, 12345" }, "ADMIN_PHONES"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgres:// URL"],
  ])("refuses to start with %j", async (env, message) => {
    const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(err).toContain("Invalid configuration:");
    expect(err).toContain(message);
  });
});

const { DATABASE_URL, REDIS_URL } = process.env;
const replicaSuites =
  DATABASE_URL && REDIS_URL ? [{ name: "two replicas on PostgreSQL + Redis", databaseUrl: DATABASE_URL, redisUrl: REDIS_URL }] : [];

describe.each(replicaSuites)("$name", ({ databaseUrl, redisUrl }) => {
  const db = scratchDatabase(databaseUrl, "replicas");
  const prefix = scratchPrefix("replicas");
  const adminPhone = "+998911000001";
  let a: Proc;
  let b: Proc;

  beforeAll(async () => {
    await db.create();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      JWT_SECRET: "replica-secret-replica-secret-replica!",
      ADMIN_PHONES: adminPhone,
      AUTH_IP_LIMIT_PER_MINUTE: "10000",
      LIFECYCLE_INTERVAL_SECONDS: "0",
    };
    [a, b] = await Promise.all([start(env), start(env)]);
  }, 120_000);

  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill("SIGTERM");
    await Promise.all([a, b].map((p) => (p && p.child.exitCode === null ? exitOf(p.child) : Promise.resolve(null))));
    await clearRedisPrefix(redisUrl, prefix);
    await db.drop();
  });

  it("a race for one slot split across both replicas gives exactly one booking", async () => {
    const admin = await signIn(a, b, adminPhone);
    const venue = await call(b, "/api/venues/", {
      token: admin.access,
      body: { name: { ru: "Реплики" }, address: { ru: "ул. 1" }, price_per_hour: "100000" },
    });
    expect(venue.status).toBe(201);
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const taken = async (p: Proc) =>
      (
        (await call(p, `/api/venues/${String(venue.body!.id)}/availability/?date=${day}`)).body as {
          slots: { start_time: string; available: boolean }[];
        }
      ).slots
        .filter((s) => !s.available)
        .map((s) => s.start_time);
    // both replicas have read (and cached) the empty day before the race
    expect(await taken(a)).toEqual([]);
    expect(await taken(b)).toEqual([]);
    const players = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(i % 2 ? a : b, i % 2 ? b : a, `+99891200${String(i).padStart(4, "0")}`)),
    );
    const results = await Promise.all(
      players.map((p, i) =>
        call(i % 2 ? a : b, "/api/bookings/", {
          token: p.access,
          body: { venue_id: venue.body!.id, booking_date: day, start_time: "18:00", end_time: "19:00" },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    // whichever replica took the booking, the other one's copy of the day was invalidated
    await expect.poll(() => taken(a), { timeout: 2000, interval: 20 }).toEqual(["18:00"]);
    await expect.poll(() => taken(b), { timeout: 2000, interval: 20 }).toEqual(["18:00"]);
  });

  it("three codes through one replica and a fourth through the other gives 429", async () => {
    const phone = "+998913000001";
    for (let i = 0; i < 3; i++) expect((await call(a, "/api/auth/send-otp/", { body: { phone } })).status).toBe(200);
    const fourth = await call(b, "/api/auth/send-otp/", { body: { phone } });
    expect(fourth.status).toBe(429);
    expect(fourth.body?.code).toBe("RATE_LIMITED");
  });

  it("a refresh token spent on one replica is spent for the other: it answers with the same pair, not a second one", async () => {
    const s = await signIn(a, b, "+998914000001");
    const first = await call(a, "/api/auth/refresh/", { body: { refresh: s.refresh } });
    expect(first.status).toBe(200);
    expect(await call(b, "/api/auth/refresh/", { body: { refresh: s.refresh } })).toEqual(first);
  });

  it("stops gracefully on SIGTERM", async () => {
    const exited = exitOf(a.child);
    a.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(a.output()).toContain("stopped");
    expect((await call(b, "/health")).status).toBe(200);
  });
});
