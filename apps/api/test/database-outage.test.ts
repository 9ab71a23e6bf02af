// A stalled or refusing PostgreSQL: the real app on a real PostgreSQL reached through a TCP proxy
// that the test freezes (connections stay open, no byte passes), refuses, and heals. Every answer
// comes within a few seconds as 503 problem+json, never 500; the app recovers by itself; no booking
// is left half-written. Runs when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { openDatabase } from "@venue-booking/db";
import type { DatabaseHandle, OpenOptions } from "@venue-booking/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../src/config.ts";
import { memoryState } from "../src/deps.ts";
import { startHarness } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem } from "./helpers.ts";
import { scratchDatabase } from "./scratch.ts";
import { startTcpProxy } from "./tcp-proxy.ts";
import type { TcpProxy } from "./tcp-proxy.ts";

// Small database limits, so an outage is noticed in about a second; the bound asserted is far
// above them (a loaded machine), and far below the minutes a request used to hang. The request
// deadline is set beyond that bound here, so these answers are the database limits' own (the
// deadline has a suite of its own below).
const LIMITS: Partial<Config> = { databaseConnectTimeoutMs: 500, databaseStatementTimeoutMs: 1_000, requestTimeoutMs: 30_000 };
const PROMPT_MS = 5_000;

const DAY = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

const { DATABASE_URL } = process.env;
const suites = DATABASE_URL ? [{ name: "PostgreSQL behind a breakable proxy", databaseUrl: DATABASE_URL }] : [];

/** `fn`'s result and how long it took. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** A new migrated database on the server at `serverUrl`: its URL, and how to drop it. */
async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const scratch = scratchDatabase(serverUrl, "outage");
  await scratch.create();
  const migrator = await openDatabase({ url: scratch.url });
  await migrator.migrate();
  await migrator.close();
  return scratch;
}

/** A proxy in front of the server that `url` names. */
function proxyFor(url: string): Promise<TcpProxy> {
  const target = new URL(url);
  return startTcpProxy(target.hostname, Number(target.port || 5432));
}

type Setup = { testDb: { url: string; drop(): Promise<void> }; proxy: TcpProxy; direct: pg.Pool; h: Harness };

/**
 * A migrated database of its own, reached by the app through a breakable proxy and by the test
 * directly (`direct`, `directMax` connections), with an admin's venue and a player's token.
 */
async function behindProxy(
  databaseUrl: string,
  opts: { directMax: number; open: Omit<OpenOptions, "url">; config: Partial<Config> },
): Promise<Setup & { player: string; adminToken: string; venueId: number }> {
  const testDb = await createDatabase(databaseUrl);
  const direct = new pg.Pool({ connectionString: testDb.url, max: opts.directMax });
  const proxy = await proxyFor(testDb.url);
  const database = await openDatabase({ url: proxy.url(testDb.url), ...opts.open });
  const h = startHarness(database, memoryState(), opts.config);
  // A first request, so that the app's connections exist before a test breaks the way to them.
  expect((await h.request("/api/venues/?search=warm-up")).status).toBe(200);
  const adminToken = (await h.tokensFor(newPhone(), { admin: true })).access;
  const player = (await h.tokensFor(newPhone())).access;
  const venueId = await createVenue(h, adminToken);
  return { testDb, direct, proxy, h, player, adminToken, venueId };
}

/** Undoes behindProxy, whatever part of it was done. */
async function tearDown(setup: Partial<Setup>) {
  await setup.proxy?.heal();
  await setup.h?.close();
  await setup.proxy?.close();
  await setup.direct?.end();
  await setup.testDb?.drop();
}

describe.each(suites)("$name", ({ databaseUrl }) => {
  let testDb: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let direct: pg.Pool;
  let h: Harness;
  let player: string;
  let venueId: number;
  const statuses: number[] = [];

  const request = async (path: string, init?: RequestInit) => {
    const res = await h.request(path, init);
    statuses.push(res.status);
    return res;
  };
  const book = (start: string) =>
    request(
      "/api/bookings/",
      authed(
        player,
        json({
          venue_id: venueId,
          booking_date: DAY,
          start_time: start,
          end_time: `${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}:00`,
        }),
      ),
    );
  // A search no other request made, so the answer cannot come from the read cache.
  const listVenues = () => request(`/api/venues/?search=${randomBytes(4).toString("hex")}`);

  /** Answered within PROMPT_MS as 503 SERVICE_UNAVAILABLE problem+json with Retry-After. */
  async function expectUnavailable(call: () => Promise<Response>) {
    const { value: res, ms } = await timed(call);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
    expect(ms).toBeLessThan(PROMPT_MS);
  }

  beforeAll(async () => {
    ({ testDb, direct, proxy, h, player, venueId } = await behindProxy(databaseUrl, {
      directMax: 2,
      open: { poolMax: 4, connectTimeoutMs: LIMITS.databaseConnectTimeoutMs, statementTimeoutMs: LIMITS.databaseStatementTimeoutMs },
      config: LIMITS,
    }));
  });

  afterAll(async () => tearDown({ testDb, direct, proxy, h }));

  it("answers normally while the database is healthy", async () => {
    expect((await listVenues()).status).toBe(200);
    expect((await request("/ready")).status).toBe(200);
    expect((await book("09:00")).status).toBe(201);
  });

  it("a frozen database: lists, bookings and /ready answer 503 within seconds", async () => {
    proxy.freeze();
    await expectUnavailable(listVenues);
    await expectUnavailable(() => book("11:00"));
    await expectUnavailable(() => request(`/api/venues/${venueId}/availability/?date=${DAY}`));
    // more requests than the pool has connections: none may keep a connection for good
    const many = await timed(() => Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? listVenues() : book("12:00")))));
    expect(many.value.map((r) => r.status)).toEqual(Array(6).fill(503));
    expect(many.ms).toBeLessThan(2 * PROMPT_MS);
    const ready = await timed(() => request("/ready"));
    expect(ready.value.status).toBe(503);
    expect(await ready.value.json()).toMatchObject({ status: "unavailable", database: "unavailable" });
    expect(ready.ms).toBeLessThan(PROMPT_MS);
  });

  it("heals by itself once the database answers again", async () => {
    await proxy.heal();
    await expect.poll(async () => (await listVenues()).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect((await request("/ready")).status).toBe(200);
    expect((await book("13:00")).status).toBe(201);
  });

  it("a refusing database: 503 at once, and back to 200 after it returns", async () => {
    await proxy.refuse();
    await expectUnavailable(listVenues);
    await expectUnavailable(() => book("15:00"));
    expect((await timed(() => request("/ready"))).value.status).toBe(503);
    await proxy.heal();
    await expect.poll(async () => (await listVenues()).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect((await book("16:00")).status).toBe(201);
  });

  it("answered no request with 500, and left no booking half-written", async () => {
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const { rows } = await direct.query<{ start: string; events: number }>(
      `select to_char(lower(b.during), 'HH24:MI') as start, (select count(*)::int from booking_events e where e.booking_id = b.id) as events
         from bookings b order by lower(b.during)`,
    );
    // exactly the bookings answered 201, each with its "created" event; none of those answered 503
    expect(rows).toEqual([
      { start: "09:00", events: 1 },
      { start: "13:00", events: 1 },
      { start: "16:00", events: 1 },
    ]);
  });
});

describe.each(suites)("$name, transactions", ({ databaseUrl }) => {
  let proxy: TcpProxy;
  let database: DatabaseHandle;

  beforeAll(async () => {
    proxy = await proxyFor(databaseUrl);
    database = await openDatabase({ url: proxy.url(databaseUrl), poolMax: 2, connectTimeoutMs: 500, statementTimeoutMs: 500 });
  });
  afterAll(async () => {
    await proxy?.heal();
    await database?.close();
    await proxy?.close();
  });

  it("transactions that failed on a frozen connection give their connections back to the pool", async () => {
    // two pooled connections, open before the freeze
    await Promise.all([database.db.transaction(async (tx) => tx.execute("select pg_sleep(0.05)")), database.ping()]);
    proxy.freeze();
    for (let i = 0; i < 4; i++) await expect(database.db.transaction(async (tx) => tx.execute("select 1"))).rejects.toThrow();
    await proxy.heal();
    await expect(database.db.transaction(async (tx) => tx.execute("select 1"))).resolves.toBeDefined();
    expect(database.poolStats().waiting).toBe(0);
  });
});

describe.each(suites)("$name, the request deadline", ({ databaseUrl }) => {
  let testDb: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let direct: pg.Pool;
  let h: Harness;
  let player: string;
  let adminToken: string;
  let venueId: number;

  const booking = (start: string) =>
    authed(player, json({ venue_id: venueId, booking_date: DAY, start_time: start, end_time: `${Number(start.slice(0, 2)) + 1}:00` }));
  /** The bookings of the test venue and their audit rows, as the database has them. */
  const stored = async () =>
    (
      await direct.query<{ start: string; events: number }>(
        `select to_char(lower(b.during), 'HH24:MI') as start, (select count(*)::int from booking_events e where e.booking_id = b.id) as events
           from bookings b where b.venue_id = $1 order by lower(b.during)`,
        [venueId],
      )
    ).rows;
  /** The app's transactions still open on the server (the test's own connection left out). */
  const openTransactions = async () =>
    (
      await direct.query<{ state: string; wait: string | null }>(
        `select state, wait_event_type as wait from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null and application_name <> 'locker'`,
      )
    ).rows;
  /** A transaction outside the app holding the test venue's row lock, as a booking in progress would. */
  async function lockVenue(): Promise<{ release(): Promise<void> }> {
    const locker = await direct.connect();
    await locker.query("set application_name = 'locker'");
    await locker.query("begin");
    await locker.query("select id from venues where id = $1 for update", [venueId]);
    return {
      async release() {
        await locker.query("commit");
        locker.release();
      },
    };
  }

  beforeAll(async () => {
    // no database limits at all: only the request deadline stands between a caller and a hang
    ({ testDb, direct, proxy, h, player, adminToken, venueId } = await behindProxy(databaseUrl, {
      directMax: 3,
      open: { poolMax: 2 },
      config: { requestTimeoutMs: 1_000 },
    }));
  });
  afterAll(async () => tearDown({ testDb, direct, proxy, h }));

  it("a venue change answered 503 by the deadline is never committed afterwards", async () => {
    const price = async () =>
      (await direct.query<{ p: string }>("select price_per_hour::text as p from venues where id = $1", [venueId])).rows[0]?.p;
    const before = await price();
    const lock = await lockVenue();
    const pending = h.request(`/api/venues/${venueId}/`, authed(adminToken, patch({ price_per_hour: "123456.00" })));
    await expect.poll(async () => (await openTransactions()).map((t) => t.wait), { timeout: 5_000, interval: 20 }).toEqual(["Lock"]);
    proxy.freeze();
    await lock.release();
    expect((await pending).status).toBe(503);
    await proxy.heal();
    await expect.poll(openTransactions, { timeout: 5_000, interval: 20 }).toEqual([]);
    expect(await price()).toBe(before);
  });

  it("a booking answered 503 by the deadline is never committed afterwards, and its retry books it", async () => {
    // The booking waits inside its transaction for the venue's lock; the lock is given while the
    // network is frozen, so the transaction is still open when the deadline answers.
    const lock = await lockVenue();
    const pending = timed(() => h.request("/api/bookings/", booking("10:00")));
    await expect.poll(async () => (await openTransactions()).map((t) => t.wait), { timeout: 5_000, interval: 20 }).toEqual(["Lock"]);
    proxy.freeze();
    await lock.release();
    const { value: res, ms } = await pending;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
    expect(ms).toBeLessThan(PROMPT_MS);
    // the booking's transaction has its lock and waits for the app's next statement
    expect(await openTransactions()).toEqual([{ state: "idle in transaction", wait: "Client" }]);

    await proxy.heal();
    // the handler carries on now; its transaction ends (without a COMMIT) once it reaches the end
    await expect.poll(openTransactions, { timeout: 5_000, interval: 20 }).toEqual([]);
    expect(await stored()).toEqual([]);

    // the client does as told and retries: its slot is free, not SLOT_TAKEN by its own booking
    expect((await h.request("/api/bookings/", booking("10:00"))).status).toBe(201);
    expect(await stored()).toEqual([{ start: "10:00", events: 1 }]);
  });

  it("a booking stuck on a lock past the deadline stops waiting then, giving its connection back", async () => {
    const lock = await lockVenue();
    try {
      const res = await h.request("/api/bookings/", booking("12:00"));
      expect(res.status).toBe(503);
      // the server ends the lock wait at the deadline (statement_timeout), while the lock is still held
      await expect.poll(openTransactions, { timeout: 2_000, interval: 20 }).toEqual([]);
    } finally {
      await lock.release();
    }
    expect(await stored()).toEqual([{ start: "10:00", events: 1 }]);
    expect((await h.request("/api/bookings/", booking("12:00"))).status).toBe(201);
  });

  it("a request still waiting for the database after REQUEST_TIMEOUT_MS is answered 503", async () => {
    proxy.freeze();
    const { value: res, ms } = await timed(() => h.request(`/api/venues/?search=${randomBytes(4).toString("hex")}`));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
    expect(ms).toBeLessThan(PROMPT_MS);
  });
});
