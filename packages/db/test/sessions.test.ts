// What sessions hold (migration 0006's triggers), checked in SQL: a session claims its unit like a
// booking; its bookings hold places within capacity, seats once each, and one booking per player.
import { isDomainError } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories, withTransaction } from "../src/index.ts";
import type { DatabaseHandle, Repositories, Session } from "../src/index.ts";
import { testBackends } from "../src/testing.ts";
import { DAY, failure, insertBooking, newUser, rows, UNREAD, venueInput } from "./fixtures.ts";

describe.each(testBackends())("sessions on $name", (backend) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await backend.open();
    repos = repositories(handle.db);
  });
  afterAll(async () => handle.close());

  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(handle.db, query);
  const codeOf = async (p: Promise<unknown>) => {
    const e = await failure(p);
    if (!isDomainError(e)) throw e;
    return e.code;
  };

  async function venueWithUnit() {
    const venue = await repos.venues.create(venueInput());
    return { venueId: venue.id, unitId: venue.units[0]!.id };
  }

  const session = (venueId: number, unitId: number, over: Partial<Parameters<Repositories["sessions"]["create"]>[0]> = {}) =>
    repos.sessions.create({
      venueId,
      unitId,
      title: { ru: "Открытая игра", en: "Open game" },
      bookingDate: DAY,
      startTime: "20:00",
      endTime: "21:30",
      capacity: 3,
      pricePerPlace: "30000.00",
      ...over,
    });

  /** A place (or seats) in the session for a new player, as the booking service writes it. */
  async function place(s: Session, opts: { userId?: number; places?: number; seats?: string[] } = {}) {
    const userId = opts.userId ?? (await newUser(repos)).id;
    const seats = opts.seats ?? [];
    const places = opts.places ?? Math.max(1, seats.length);
    return repos.bookings.insertWithEvent(
      {
        userId,
        venueId: s.venueId,
        unitId: s.unitId,
        places,
        sessionId: s.id,
        seats,
        bookingDate: s.bookingDate,
        startTime: s.startTime,
        endTime: s.endTime,
        totalPrice: "30000.00",
      },
      { actor: "user", actorUserId: userId },
      UNREAD,
    );
  }

  /** Sessions whose places_sold is not the places of their live bookings: none when all is well. */
  const soldDrift = () =>
    q(sql`
      select s.id, s.places_sold, coalesce(sum(b.places) filter (where b.status in ('pending', 'confirmed')), 0)::int as live
        from sessions s left join bookings b on b.session_id = s.id
       group by s.id having s.places_sold <> coalesce(sum(b.places) filter (where b.status in ('pending', 'confirmed')), 0)`);

  it("holds its unit like a booking: not over a live booking, and no hourly booking over it", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const userId = (await newUser(repos)).id;
    const hourly = await insertBooking(repos, { userId, venueId, start: "20:00", end: "21:00" });
    expect(await codeOf(session(venueId, unitId))).toBe("SLOT_TAKEN");
    expect(await repos.bookings.setStatusIf(hourly.id, "pending", "cancelled")).toBe(true);
    const s = await session(venueId, unitId);
    expect(await codeOf(insertBooking(repos, { userId, venueId, start: "21:00", end: "22:00" }))).toBe("SLOT_TAKEN");
    // its own places claim nothing of the unit
    const booked = await place(s);
    expect(await q(sql`select 1 from unit_claims where booking_id = ${booked.id}`)).toEqual([]);
    // cancelled, it frees the unit and cancels its bookings with audit rows
    expect(await repos.sessions.cancel(s.id, { userId: null })).toEqual([booked.id]);
    expect(await repos.sessions.cancel(s.id, { userId: null })).toBeNull();
    expect((await repos.bookings.get(booked.id))?.status).toBe("cancelled");
    expect((await repos.bookings.history(booked.id)).at(-1)).toMatchObject({ toStatus: "cancelled", reason: "session cancelled" });
    expect(await q(sql`select 1 from unit_claims where session_id = ${s.id}`)).toEqual([]);
    expect((await insertBooking(repos, { userId, venueId, start: "20:00", end: "21:00" })).status).toBe("pending");
    expect(await soldDrift()).toEqual([]);
  });

  it("sells places up to its capacity; cancelling frees them; capacity never below places sold", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const s = await session(venueId, unitId, { capacity: 3 });
    const two = await place(s, { places: 2 });
    expect(await codeOf(place(s, { places: 2 }))).toBe("SESSION_FULL");
    await place(s);
    expect(await codeOf(place(s))).toBe("SESSION_FULL");
    expect(await codeOf(repos.sessions.update(s.id, { capacity: 2 }))).toBe("CAPACITY_BELOW_SOLD");
    expect(await repos.bookings.setStatusIf(two.id, "pending", "cancelled")).toBe(true);
    expect((await repos.sessions.get(s.id))?.placesSold).toBe(1);
    expect(await repos.sessions.update(s.id, { capacity: 2 })).toMatchObject({ capacity: 2 });
    expect(await soldDrift()).toEqual([]);
  });

  it("sells each seat once, only its own seats, a place per seat, and one booking per player", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const s = await session(venueId, unitId, { capacity: 3, seats: ["A1", "A2", "A3"] });
    const first = await place(s, { seats: ["A1"] });
    expect(await codeOf(place(s, { seats: ["A1", "A2"] }))).toBe("SEAT_TAKEN");
    expect(await codeOf(place(s, { seats: ["B7"] }))).toBe("UNKNOWN_SEAT");
    expect(await codeOf(place(s, { seats: ["A2"], places: 2 }))).toBe("UNKNOWN_SEAT");
    expect(await codeOf(place(s, { seats: ["A2"], userId: first.userId }))).toBe("ALREADY_BOOKED");
    expect(await repos.bookings.setStatusIf(first.id, "pending", "cancelled")).toBe(true);
    await place(s, { seats: ["A1"], userId: first.userId });
    expect(await soldDrift()).toEqual([]);
    expect(await q(sql`select label from session_seats where session_id = ${s.id}`)).toEqual([{ label: "A1" }]);
  });

  it("a cancel that waits on a booking being made cancels that booking too", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const s = await session(venueId, unitId, { capacity: 5 });
    const userId = (await newUser(repos)).id;
    let inserted!: () => void;
    const parked = new Promise<void>((resolve) => (inserted = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const booking = withTransaction(handle.db, async (tx) => {
      const made = await repositories(tx).bookings.insertWithEvent(placeValues(s, userId), userEvent(userId), UNREAD);
      inserted();
      await held;
      return made;
    });
    await parked;
    const cancel = withTransaction(handle.db, (tx) => repositories(tx).sessions.cancel(s.id, { userId: null }));
    // give the cancel time to reach the database and wait on the session's row
    await new Promise((r) => setTimeout(r, 200));
    release();
    const made = await booking;
    expect(await cancel).toEqual([made.id]);
    expect((await repos.bookings.get(made.id))?.status).toBe("cancelled");
    expect((await repos.sessions.get(s.id))?.placesSold).toBe(0);
    expect(await soldDrift()).toEqual([]);
  });

  it("takes no booking once cancelled", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const s = await session(venueId, unitId);
    await repos.sessions.cancel(s.id, { userId: null });
    expect(await codeOf(place(s))).toBe("SESSION_NOT_FOUND");
  });

  // PGlite queues these; on PostgreSQL they really race.
  it("100 parallel one-place requests for 30 places: exactly 30, and places sold equals live places", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const s = await session(venueId, unitId, { capacity: 30 });
    const players = await Promise.all(Array.from({ length: 100 }, () => newUser(repos)));
    const results = await Promise.allSettled(
      players.map((p) =>
        withTransaction(handle.db, (tx) => repositories(tx).bookings.insertWithEvent(placeValues(s, p.id), userEvent(p.id), UNREAD)),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    for (const r of results) if (r.status === "rejected") expect(isDomainError(r.reason, "SESSION_FULL")).toBe(true);
    expect((await repos.sessions.get(s.id))?.placesSold).toBe(30);
    expect(await soldDrift()).toEqual([]);
  });

  it("20 players racing for seat A1, and one player twice: one booking each time", async () => {
    const { venueId, unitId } = await venueWithUnit();
    const s = await session(venueId, unitId, { capacity: 2, seats: ["A1", "A2"] });
    const players = await Promise.all(Array.from({ length: 20 }, () => newUser(repos)));
    const seat = await Promise.allSettled(
      players.map((p) => repos.bookings.insertWithEvent({ ...placeValues(s, p.id), seats: ["A1"] }, userEvent(p.id), UNREAD)),
    );
    expect(seat.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of seat) if (r.status === "rejected") expect(isDomainError(r.reason, "SEAT_TAKEN")).toBe(true);

    const other = await session(venueId, unitId, { startTime: "18:00", endTime: "19:00", capacity: 5 });
    const me = (await newUser(repos)).id;
    const twice = await Promise.allSettled([0, 1].map(() => repos.bookings.insertWithEvent(placeValues(other, me), userEvent(me), UNREAD)));
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(twice.some((r) => r.status === "rejected" && isDomainError(r.reason, "ALREADY_BOOKED"))).toBe(true);
    expect(await soldDrift()).toEqual([]);
  });

  function placeValues(s: Session, userId: number) {
    return {
      userId,
      venueId: s.venueId,
      unitId: s.unitId,
      places: 1,
      sessionId: s.id,
      seats: [] as string[],
      bookingDate: s.bookingDate,
      startTime: s.startTime,
      endTime: s.endTime,
      totalPrice: s.pricePerPlace,
    };
  }

  const userEvent = (userId: number) => ({ actor: "user" as const, actorUserId: userId });
});
