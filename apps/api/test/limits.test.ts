// The limit on a player's upcoming bookings (MAX_LIVE_BOOKINGS_PER_USER): one player cannot hold a
// venue's whole window. Checked under a lock of the player's row, so parallel requests cannot pass it.
import { repositories, withTransaction } from "@venue-booking/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingSchema } from "@venue-booking/contract";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, problem, signIn, signInAdmin } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const LIMIT = 3;

describe.each(testBackends())("live bookings per player on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let venueId: number;
  beforeAll(async () => {
    h = await backend.start({ maxLiveBookingsPerUser: LIMIT });
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
    venueId = await createVenue(h, admin);
  });
  afterAll(async () => h.close());

  const book = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}, lang = "en") =>
    h.request("/api/bookings/", authed(token, json({ venue_id: venueId, booking_date: "2026-11-25", ...body }, headers), lang));

  const liveInSql = async (userId: number) => {
    const result: unknown = await h.deps.database.db.execute(
      sql`select count(*)::int as n from bookings where user_id = ${userId} and status in ('pending', 'confirmed')`,
    );
    return (result as { rows: { n: number }[] }).rows[0]?.n;
  };

  it("refuses the booking past the limit with 409 naming it; a cancellation frees a place", async () => {
    const player = await signIn(h);
    const made: number[] = [];
    for (const start of ["09:00", "10:00", "11:00"]) {
      const res = await book(player.access, {
        start_time: start,
        end_time: start.replace(/^(\d\d)/, (hh) => String(Number(hh) + 1).padStart(2, "0")),
      });
      expect(res.status).toBe(201);
      made.push(BookingSchema.parse(await res.json()).id);
    }
    const refused = await book(player.access, { start_time: "12:00", end_time: "13:00" });
    expect(refused.status).toBe(409);
    expect(await problem(refused)).toMatchObject({
      code: "TOO_MANY_LIVE_BOOKINGS",
      detail: "You already hold 3 upcoming bookings, the most one player may hold. Cancel one or wait until one has passed.",
    });
    const inRussian = await book(player.access, { start_time: "12:00", end_time: "13:00" }, {}, "ru");
    expect((await problem(inRussian)).detail).toContain("3 предстоящих");
    expect(await liveInSql(player.user.id)).toBe(LIMIT);

    // Another player is not affected.
    expect((await book((await signIn(h)).access, { start_time: "12:00", end_time: "13:00" })).status).toBe(201);

    expect((await h.request(`/api/bookings/${made[0]}/cancel/`, authed(player.access, { method: "PATCH" }))).status).toBe(200);
    expect((await book(player.access, { start_time: "13:00", end_time: "14:00" })).status).toBe(201);
    expect((await book(player.access, { start_time: "14:00", end_time: "15:00" })).status).toBe(409);
  });

  it("a booking that has ended no longer counts, even before the lifecycle job marks it", async () => {
    const player = await signIn(h);
    // Today 10:00-11:00, and two later days.
    for (const [date, start, end] of [
      ["2026-11-21", "10:00", "11:00"],
      ["2026-11-26", "10:00", "11:00"],
      ["2026-11-27", "10:00", "11:00"],
    ] as const) {
      expect((await book(player.access, { booking_date: date, start_time: start, end_time: end })).status).toBe(201);
    }
    expect((await book(player.access, { booking_date: "2026-11-28", start_time: "10:00", end_time: "11:00" })).status).toBe(409);
    try {
      // 11:00 in Tashkent: the first one is over (still pending in the table).
      h.setNow(new Date("2026-11-21T06:00:00Z"));
      expect((await book(player.access, { booking_date: "2026-11-28", start_time: "10:00", end_time: "11:00" })).status).toBe(201);
      expect((await book(player.access, { booking_date: "2026-11-29", start_time: "10:00", end_time: "11:00" })).status).toBe(409);
    } finally {
      h.setNow(NOW);
    }
  });

  it("an Idempotency-Key retry of the booking that reached the limit returns it instead of 409", async () => {
    const player = await signIn(h);
    for (const start of ["15:00", "16:00"]) {
      expect(
        (await book(player.access, { booking_date: "2026-11-30", start_time: start, end_time: `${Number(start.slice(0, 2)) + 1}:00` }))
          .status,
      ).toBe(201);
    }
    const key = { "idempotency-key": "limit-last-place" };
    const body = { booking_date: "2026-11-30", start_time: "17:00", end_time: "18:00" };
    // Sent together, so the retry finds no record yet and meets the limit inside its transaction.
    const [first, retry] = await Promise.all([book(player.access, body, key), book(player.access, body, key)]);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(BookingSchema.parse(await retry.json()).id).toBe(BookingSchema.parse(await first.json()).id);
    expect(await liveInSql(player.user.id)).toBe(LIMIT);
  });

  it("20 parallel bookings at 20 different venues: exactly the limit is booked", async () => {
    const player = await signIn(h);
    // Different venues, so the venue lock does not queue them: only the player's lock does.
    const venues = await Promise.all(Array.from({ length: 20 }, (_, i) => createVenue(h, admin, { name: { ru: `Лимит ${i}` } })));
    const answers = await Promise.all(
      venues.map((id) =>
        h.request(
          "/api/bookings/",
          authed(player.access, json({ venue_id: id, booking_date: "2026-12-01", start_time: "18:00", end_time: "19:00" })),
        ),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20 - LIMIT);
    for (const r of answers.filter((a) => a.status === 409)) expect((await problem(r)).code).toBe("TOO_MANY_LIVE_BOOKINGS");
    expect(await liveInSql(player.user.id)).toBe(LIMIT);
  });
});

// Only PostgreSQL runs two transactions at once: the booking must really wait behind the venue lock.
describe.each(testBackends().filter((b) => b.name.startsWith("PostgreSQL")))("a player deactivated mid-booking on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
  });
  afterAll(async () => h.close());

  it("books nothing when deactivated while the booking waited for the venue", async () => {
    const admin = (await signInAdmin(h)).access;
    const venueId = await createVenue(h, admin);
    const player = await signIn(h);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Someone else holds the venue's row while the player's booking arrives.
    const holder = withTransaction(h.deps.database.db, async (tx) => {
      await repositories(tx).venues.lockForBooking(venueId);
      locked();
      await held;
    });
    await isLocked;
    const booking = h.request(
      "/api/bookings/",
      authed(player.access, json({ venue_id: venueId, booking_date: "2026-11-25", start_time: "10:00", end_time: "11:00" })),
    );
    // The request has passed authentication and waits on the venue lock; now the admin deactivates the player.
    await expect
      .poll(async () => {
        const r: unknown = await h.deps.database.db.execute(
          sql`select count(*)::int as n from pg_locks where not granted and locktype in ('tuple', 'transactionid')`,
        );
        return (r as { rows: { n: number }[] }).rows[0]?.n;
      })
      .toBeGreaterThan(0);
    await h.deps.database.db.execute(sql`update users set is_active = false where id = ${player.user.id}`);
    release();
    await holder;
    const res = await booking;
    expect(res.status).toBe(401);
    expect((await problem(res)).code).toBe("USER_INACTIVE");
    const rows: unknown = await h.deps.database.db.execute(sql`select count(*)::int as n from bookings where user_id = ${player.user.id}`);
    expect((rows as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });
});
