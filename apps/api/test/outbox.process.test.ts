// The outbox across real processes (PostgreSQL + Redis): events written by a process killed before
// it delivered them are delivered after a restart, and two running replicas deliver each event once.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearRedisPrefix, scratchDatabase, scratchPrefix } from "./scratch.ts";
import { call, exitOf, signIn, start } from "./server-proc.ts";
import type { Proc } from "./server-proc.ts";

const { DATABASE_URL, REDIS_URL } = process.env;
const suites =
  DATABASE_URL && REDIS_URL ? [{ name: "processes on PostgreSQL + Redis", databaseUrl: DATABASE_URL, redisUrl: REDIS_URL }] : [];

describe.each(suites)("outbox delivery by $name", ({ databaseUrl, redisUrl }) => {
  const db = scratchDatabase(databaseUrl, "outbox");
  const prefix = scratchPrefix("outbox");
  const adminPhone = "+998915000001";
  const got: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      got.push(String(req.headers["webhook-id"]));
      res.writeHead(200).end();
    });
  });
  let hookUrl = "";
  const procs: Proc[] = [];
  const env = () => ({
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    JWT_SECRET: "outbox-secret-outbox-secret-outbox-secret",
    ADMIN_PHONES: adminPhone,
    AUTH_IP_LIMIT_PER_MINUTE: "10000",
    LIFECYCLE_INTERVAL_SECONDS: "0",
  });
  const launch = async (extra: Record<string, string> = {}) => {
    const p = await start({ ...env(), ...extra });
    procs.push(p);
    return p;
  };

  beforeAll(async () => {
    await db.create();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }, 60_000);

  afterAll(async () => {
    const running = procs.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    for (const p of running) p.child.kill("SIGTERM");
    await Promise.all(running.map((p) => exitOf(p.child)));
    // the dispatchers' connections are kept alive: close them too
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await clearRedisPrefix(redisUrl, prefix);
    await db.drop();
  });

  /** Books `n` hours of a new venue through `p` as a new player each; returns how many events that wrote. */
  const bookHours = async (p: Proc, admin: string, n: number, playerBase: number) => {
    const venue = await call(p, "/api/venues/", {
      token: admin,
      body: { name: { ru: "Outbox" }, address: { ru: "ул. 1" }, price_per_hour: "100000", opening_time: "00:00", closing_time: "00:00" },
    });
    expect(venue.status).toBe(201);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < n; i++) {
      const player = await signIn(p, p, `+9989160${String(playerBase + i).padStart(5, "0")}`);
      const hour = String(i).padStart(2, "0");
      const next = String((i + 1) % 24).padStart(2, "0");
      const res = await call(p, "/api/bookings/", {
        token: player.access,
        body: { venue_id: venue.body!.id, booking_date: day, start_time: `${hour}:00`, end_time: `${next}:00` },
      });
      expect(res.status).toBe(201);
    }
    return n;
  };
  const waitFor = async (count: number) => {
    await expect.poll(() => got.length, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(count);
    // a little longer: a duplicate would arrive now
    await new Promise((r) => setTimeout(r, 1500));
  };

  it("delivers after a restart what a killed process wrote but never sent", async () => {
    const quiet = await launch({ DISPATCH_INTERVAL_MS: "0" });
    const admin = await signIn(quiet, quiet, adminPhone);
    const hook = await call(quiet, "/api/admin/webhooks/", { token: admin.access, body: { url: hookUrl, events: ["booking.created"] } });
    expect(hook.status).toBe(201);
    const written = await bookHours(quiet, admin.access, 6, 0);
    const killed = exitOf(quiet.child);
    quiet.child.kill("SIGKILL");
    await killed;
    expect(got).toEqual([]);
    await launch();
    await waitFor(written);
    expect(got).toHaveLength(written);
    expect(new Set(got).size).toBe(written);
  }, 120_000);

  it("two replicas with dispatchers deliver each event once", async () => {
    got.length = 0;
    const [a, b] = [procs.at(-1)!, await launch()];
    const admin = await signIn(a, b, adminPhone);
    const written = (await bookHours(a, admin.access, 8, 100)) + (await bookHours(b, admin.access, 8, 200));
    await waitFor(written);
    expect(got).toHaveLength(written);
    expect(new Set(got).size).toBe(written);
  }, 120_000);
});
