// The read cache seen from outside: a player reads, an admin or another player writes, the player
// reads again and sees the change at once; junk in the URL never makes a copy of its own; and on
// Redis a write through one replica reaches the copies of another.
import { randomBytes } from "node:crypto";
import { AvailabilitySchema, pageSchema, VenueSchema } from "@venue-booking/contract";
import { openTestPostgres } from "@venue-booking/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisState } from "../src/deps.ts";
import type { InvalidationBus } from "../src/infra/bus.ts";
import { runLifecycleOnce } from "../src/services/lifecycle.ts";
import { startHarness, testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, sqlRows } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21; the days read below are the next one.
const NOW = new Date("2026-11-21T05:00:00Z");
const DAY = "2026-11-22";
const VenuePageSchema = pageSchema(VenueSchema, "VenuePage");

const publicly = (lang = "en"): RequestInit => ({ headers: { "accept-language": lang } });
const tag = () => `cache${randomBytes(4).toString("hex")}`;
const named = (t: string) => ({ name: { ru: `Поле ${t}`, uz: `Maydon ${t}`, en: `Pitch ${t}` } });

async function venueAs(h: Harness, id: number, lang = "en") {
  const res = await h.request(`/api/venues/${id}/`, publicly(lang));
  return res.status === 200 ? VenueSchema.parse(await res.json()) : res.status;
}

async function listAs(h: Harness, query: string) {
  const res = await h.request(`/api/venues/?${query}`, publicly());
  expect(res.status).toBe(200);
  return VenuePageSchema.parse(await res.json());
}

/** Start times of the day's slots that cannot be booked. */
async function takenAs(h: Harness, id: number, query = "") {
  const res = await h.request(`/api/venues/${id}/availability/?date=${DAY}${query}`);
  expect(res.status).toBe(200);
  return AvailabilitySchema.parse(await res.json())
    .slots.filter((s) => !s.available)
    .map((s) => s.start_time);
}

async function bookAs(h: Harness, token: string, venueId: number, start: string, end: string): Promise<number> {
  const res = await h.request(
    "/api/bookings/",
    authed(token, json({ venue_id: venueId, booking_date: DAY, start_time: start, end_time: end })),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe.each(testBackends())("read cache over HTTP on $name", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await h.tokensFor(newPhone(), { admin: true })).access;
  });
  afterAll(async () => h.close());

  it("a venue read publicly is a copy, and every admin write replaces it in every language", async () => {
    const t = tag();
    const id = await createVenue(h, admin, named(t));
    expect(await venueAs(h, id)).toMatchObject({ name: `Pitch ${t}` });
    expect(await venueAs(h, id, "ru")).toMatchObject({ name: `Поле ${t}` });
    // A change that bypasses the service is not seen: the reads above are cached.
    await h.deps.repos.venues.update(id, { pricePerHour: "1.00" });
    expect(await venueAs(h, id)).toMatchObject({ price_per_hour: "150000.00" });

    const res = await h.request(`/api/venues/${id}/`, authed(admin, patch({ price_per_hour: "99000", ...named(`${t}b`) })));
    expect(res.status).toBe(200);
    expect(await venueAs(h, id)).toMatchObject({ name: `Pitch ${t}b`, price_per_hour: "99000.00" });
    expect(await venueAs(h, id, "ru")).toMatchObject({ name: `Поле ${t}b`, price_per_hour: "99000.00" });

    expect((await h.request(`/api/venues/${id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
    expect(await venueAs(h, id)).toBe(404);
    expect(await venueAs(h, id, "ru")).toBe(404);
  });

  it("a list read publicly follows every create, change and deactivation", async () => {
    const t = tag();
    const first = await createVenue(h, admin, named(t));
    const query = `search=${t}`;
    expect((await listAs(h, query)).results.map((v) => v.price_per_hour)).toEqual(["150000.00"]);
    await h.deps.repos.venues.update(first, { pricePerHour: "1.00" });
    expect((await listAs(h, query)).results.map((v) => v.price_per_hour)).toEqual(["150000.00"]);

    const second = await createVenue(h, admin, named(`${t}x`));
    expect((await listAs(h, query)).results.map((v) => v.id)).toEqual([first, second]);

    expect((await h.request(`/api/venues/${second}/`, authed(admin, patch({ price_per_hour: "70000" })))).status).toBe(200);
    expect((await listAs(h, query)).results.map((v) => v.price_per_hour)).toEqual(["1.00", "70000.00"]);

    expect((await h.request(`/api/venues/${first}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
    const after = await listAs(h, query);
    expect(after.count).toBe(1);
    expect(after.results.map((v) => v.id)).toEqual([second]);
  });

  it("a day's availability follows bookings, cancellations, status changes and new hours", async () => {
    const id = await createVenue(h, admin);
    const player = (await h.tokensFor(newPhone())).access;
    expect(await takenAs(h, id)).toEqual([]);

    const booking = await bookAs(h, player, id, "18:00", "20:00");
    expect(await takenAs(h, id)).toEqual(["18:00", "19:00"]);
    expect((await h.request(`/api/bookings/${booking}/cancel/`, authed(player, { method: "PATCH" }))).status).toBe(200);
    expect(await takenAs(h, id)).toEqual([]);

    const other = await bookAs(h, player, id, "10:00", "11:00");
    expect(await takenAs(h, id)).toEqual(["10:00"]);
    const set = await h.request(`/api/admin/bookings/${other}/`, authed(admin, patch({ status: "cancelled" })));
    expect(set.status).toBe(200);
    expect(await takenAs(h, id)).toEqual([]);

    const hours = await h.request(`/api/venues/${id}/`, authed(admin, patch({ opening_time: "12:00", closing_time: "14:00" })));
    expect(hours.status).toBe(200);
    const res = await h.request(`/api/venues/${id}/availability/?date=${DAY}`);
    expect(AvailabilitySchema.parse(await res.json()).slots.map((s) => s.start_time)).toEqual(["12:00", "13:00"]);
  });

  it("pending bookings the lifecycle job expires free their slots at once", async () => {
    const id = await createVenue(h, admin);
    const player = (await h.tokensFor(newPhone())).access;
    await bookAs(h, player, id, "10:00", "14:00");
    // 11:30 on the booked day: the booking started without a confirmation.
    h.setNow(new Date(`${DAY}T06:30:00Z`));
    try {
      expect(await takenAs(h, id)).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00"]);
      expect((await runLifecycleOnce(h.deps)).expired).toBeGreaterThanOrEqual(1);
      expect(await takenAs(h, id)).toEqual(["09:00", "10:00", "11:00"]);
    } finally {
      h.setNow(NOW);
    }
  });

  it("a user's copy goes with an admin's change: deactivated, demoted or renamed, the next request sees it", async () => {
    const player = await h.tokensFor(newPhone());
    const other = await h.tokensFor(newPhone(), { admin: true });
    expect((await h.request("/api/bookings/", authed(player.access))).status).toBe(200);
    expect((await h.request("/api/admin/users/", authed(other.access))).status).toBe(200);
    expect((await h.request(`/api/admin/users/${other.userId}/`, authed(admin, patch({ is_admin: false })))).status).toBe(200);
    expect((await h.request("/api/admin/users/", authed(other.access))).status).toBe(403);
    expect((await h.request("/api/auth/me/", authed(player.access, patch({ name: "Renamed" })))).status).toBe(200);
    expect(((await (await h.request("/api/auth/me/", authed(player.access))).json()) as { name: string }).name).toBe("Renamed");
    expect((await h.request(`/api/admin/users/${player.userId}/`, authed(admin, patch({ is_active: false })))).status).toBe(200);
    expect((await h.request("/api/bookings/", authed(player.access))).status).toBe(401);
  });

  it("a booking priced from an out-of-date copy of the venue is priced again from the venue as it is", async () => {
    const id = await createVenue(h, admin);
    const player = (await h.tokensFor(newPhone())).access;
    // the copy is read, then the price changes behind the cache's back (as a lost message between replicas would leave it)
    expect(await venueAs(h, id)).toMatchObject({ price_per_hour: "150000.00" });
    await h.deps.repos.venues.update(id, { pricePerHour: "99000.00" });
    const res = await h.request(
      "/api/bookings/",
      authed(player, json({ venue_id: id, booking_date: DAY, start_time: "08:00", end_time: "09:00" })),
    );
    // before opening on the stale copy as on the venue: refused alike
    expect(res.status).toBe(400);
    const booked = await h.request(
      "/api/bookings/",
      authed(player, json({ venue_id: id, booking_date: DAY, start_time: "16:00", end_time: "17:00" })),
    );
    expect(booked.status).toBe(201);
    expect(((await booked.json()) as { total_price: string }).total_price).toBe("99000.00");
  });

  it("a copy lives ten seconds at most, in case a message between replicas was lost", async () => {
    const t = tag();
    const id = await createVenue(h, admin, named(t));
    expect(await venueAs(h, id)).toMatchObject({ price_per_hour: "150000.00" });
    expect((await listAs(h, `search=${t}`)).count).toBe(1);
    await h.deps.repos.venues.update(id, { pricePerHour: "1.00" });
    h.setNow(new Date(NOW.getTime() + 9_000));
    try {
      expect(await venueAs(h, id)).toMatchObject({ price_per_hour: "150000.00" });
      h.setNow(new Date(NOW.getTime() + 10_001));
      expect(await venueAs(h, id)).toMatchObject({ price_per_hour: "1.00" });
      expect((await listAs(h, `search=${t}`)).results.map((v) => v.price_per_hour)).toEqual(["1.00"]);
    } finally {
      h.setNow(NOW);
    }
  });

  it("unknown query parameters and other spellings of a query share one copy", async () => {
    const t = tag();
    const id = await createVenue(h, admin, { ...named(t), price_per_hour: "120000" });
    const player = (await h.tokensFor(newPhone())).access;
    await bookAs(h, player, id, "15:00", "16:00");
    const query = `search=${t}&min_price=100000`;
    expect((await listAs(h, query)).results.map((v) => v.price_per_hour)).toEqual(["120000.00"]);
    expect(await venueAs(h, id)).toMatchObject({ price_per_hour: "120000.00" });
    expect(await takenAs(h, id)).toEqual(["15:00"]);
    const size = h.deps.cache.size;

    // Behind the cache's back: only a copy can still say 120000.00.
    await h.deps.repos.venues.update(id, { pricePerHour: "130000" });
    const junk = () => `&${randomBytes(3).toString("hex")}=${randomBytes(3).toString("hex")}`;
    for (let i = 0; i < 5_000; i += 100) {
      const batch = Array.from({ length: 100 }, async (_, j) => {
        const n = i + j;
        const spelling = n % 3 === 0 ? `search=%20${t.toUpperCase()}%20&min_price=100000.00` : query;
        const list = await listAs(h, `${spelling}${junk()}`);
        expect(list.results.map((v) => v.price_per_hour)).toEqual(["120000.00"]);
        expect(list.next).toBeNull();
        if (n % 2 === 0) {
          const res = await h.request(`/api/venues/${id}/?x=${n}${junk()}`, publicly());
          expect(VenueSchema.parse(await res.json()).price_per_hour).toBe("120000.00");
        } else expect(await takenAs(h, id, junk())).toEqual(["15:00"]);
      });
      await Promise.all(batch);
    }
    expect(h.deps.cache.size).toBe(size);
  });
});

const { DATABASE_URL: pgUrl, REDIS_URL: redisUrl } = process.env;
describe.each(pgUrl && redisUrl ? [{ pgUrl, redisUrl }] : [])("read caches of two apps on one Redis", (env) => {
  let a: Harness;
  let b: Harness;
  let busB: InvalidationBus;
  let admin: string;
  beforeAll(async () => {
    const database = await openTestPostgres(env.pgUrl);
    const prefix = `vb:test:${randomBytes(6).toString("hex")}:`;
    const [stateA, stateB] = [redisState(env.redisUrl, prefix), redisState(env.redisUrl, prefix)] as const;
    busB = stateB.bus;
    a = startHarness(database, stateA);
    // B shares A's database, which A's close() closes; B closes only its own Redis connections.
    b = { ...startHarness(database, stateB), close: () => stateB.close() };
    for (const h of [a, b]) h.setNow(NOW);
    await Promise.all([a.deps.cache.ready(), b.deps.cache.ready()]);
    admin = (await a.tokensFor(newPhone(), { admin: true })).access;
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /**
   * Resolves when B next hears a message that `match`es; B's cache listens first, so it has acted
   * on the message by then. Asked before the write, so the message cannot come first.
   */
  const received = (match: (message: string) => boolean) =>
    new Promise<void>((resolve) => {
      busB.onMessage((m) => {
        if (match(m)) resolve();
      });
    });
  const aVenueChanged = (m: string) => m.startsWith("venue:");

  it("a venue change through A replaces B's copies of the venue and of the lists", async () => {
    const t = tag();
    const created = received(aVenueChanged);
    const id = await createVenue(a, admin, named(t));
    await created;
    expect(await venueAs(b, id)).toMatchObject({ price_per_hour: "150000.00" });
    expect((await listAs(b, `search=${t}`)).results.map((v) => v.price_per_hour)).toEqual(["150000.00"]);
    await b.deps.repos.venues.update(id, { pricePerHour: "1.00" });
    expect(await venueAs(b, id)).toMatchObject({ price_per_hour: "150000.00" });

    const changed = received((m) => m === `venue:${id}`);
    expect((await a.request(`/api/venues/${id}/`, authed(admin, patch({ price_per_hour: "99000" })))).status).toBe(200);
    await changed;
    expect(await venueAs(b, id)).toMatchObject({ price_per_hour: "99000.00" });
    expect((await listAs(b, `search=${t}`)).results.map((v) => v.price_per_hour)).toEqual(["99000.00"]);
  });

  it("a booking through A replaces B's copy of the day", async () => {
    const created = received(aVenueChanged);
    const id = await createVenue(a, admin);
    await created;
    const player = (await a.tokensFor(newPhone())).access;
    expect(await takenAs(b, id)).toEqual([]);
    const booked = received((m) => m === `busy:${id}:${DAY}`);
    await bookAs(a, player, id, "18:00", "19:00");
    await booked;
    expect(await takenAs(b, id)).toEqual(["18:00"]);
  });

  it("a booking its cached copy refused, whose fresh copy is changed before the venue's lock, is booked from the venue as it is then", async () => {
    const id = await createVenue(a, admin, { opening_time: "09:00", closing_time: "22:00" });
    const player = (await a.tokensFor(newPhone())).access;
    // A keeps a copy open until 22:00; the venue then stays open an hour longer behind the cache's back
    expect(await venueAs(a, id)).toMatchObject({ closing_time: "22:00" });
    await a.deps.repos.venues.update(id, { closingTime: "23:00" });
    // Someone holds the venue while the booking is on its way: the booking's fresh read (open until
    // 23:00, 150000.00) is made, then its call waits for the lock; the holder changes the price.
    let letGo!: () => void;
    const holding = new Promise<void>((held) => {
      const released = new Promise<void>((r) => (letGo = r));
      void a.deps.database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from venues where id = ${id} for update`);
        held();
        await released;
        await tx.execute(sql`update venues set price_per_hour = '99000.00' where id = ${id}`);
      });
    });
    await holding;
    const pending = a.request(
      "/api/bookings/",
      authed(player, json({ venue_id: id, booking_date: DAY, start_time: "22:00", end_time: "23:00" })),
    );
    await expect
      .poll(
        async () =>
          (
            await sqlRows<{ n: number }>(
              a,
              sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%book_hours(%'`,
            )
          )[0]?.n,
        { timeout: 5_000, interval: 20 },
      )
      .toBe(1);
    letGo();
    const res = await pending;
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ start_time: "22:00", end_time: "23:00", total_price: "99000.00" });
  });

  it("a user deactivated or demoted through A is refused by B at once, though B kept a copy of them", async () => {
    const { access: other, userId: otherId } = await a.tokensFor(newPhone(), { admin: true });
    const player = await a.tokensFor(newPhone());
    // B authenticates both and keeps its copies
    expect((await b.request("/api/bookings/", authed(player.access))).status).toBe(200);
    expect((await b.request("/api/admin/users/", authed(other))).status).toBe(200);

    const demoted = received((m) => m === `user:${otherId}`);
    expect((await a.request(`/api/admin/users/${otherId}/`, authed(admin, patch({ is_admin: false })))).status).toBe(200);
    await demoted;
    expect((await b.request("/api/admin/users/", authed(other))).status).toBe(403);

    const deactivated = received((m) => m === `user:${player.userId}`);
    expect((await a.request(`/api/admin/users/${player.userId}/`, authed(admin, patch({ is_active: false })))).status).toBe(200);
    await deactivated;
    const res = await b.request("/api/bookings/", authed(player.access));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe("USER_INACTIVE");
  });
});
