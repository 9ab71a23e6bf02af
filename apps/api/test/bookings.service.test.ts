// The booking verbs on both backends: rules, prices, the status machine, and races that really
// race on PostgreSQL, with the invariant checked in SQL afterwards.
import { isDomainError } from "@venue-booking/core";
import type { BookingCreate } from "@venue-booking/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeBookingStatus, createBooking } from "../src/services/bookings.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { newPhone } from "./helpers.ts";

/** 10:00 on 2026-11-21 in Tashkent; the bookings are on a later day. */
const NOW = new Date("2026-11-21T05:00:00Z");
const DAY = "2026-11-25";

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

const venueInput = (price = "150000.00") => ({
  name: { ru: "Стадион Пахтакор" },
  address: { ru: "ул. Навои, 1" },
  pricePerHour: price,
});

describe.each(testBackends())("booking service on $name", (backend) => {
  let h: Harness;
  let venueId: number;
  let userId: number;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    venueId = (await h.deps.repos.venues.create(venueInput("99.99"))).id;
    userId = (await h.tokensFor(newPhone())).userId;
  });
  afterAll(async () => h.close());

  const request = (start: string, end: string, over: Partial<BookingCreate> = {}): BookingCreate => ({
    venue_id: venueId,
    booking_date: DAY,
    start_time: start,
    end_time: end,
    ...over,
  });
  const book = async (start: string, end: string, over: Partial<BookingCreate> = {}, who = userId) =>
    (await createBooking(h.deps, { userId: who, request: request(start, end, over) })).booking;

  it("creates a pending booking priced from the venue and the duration, with its audit row", async () => {
    const b = await book("09:00", "12:00");
    expect(b).toMatchObject({
      venueId,
      userId,
      startTime: "09:00",
      endTime: "12:00",
      durationMinutes: 180,
      totalPrice: "299.97",
      status: "pending",
    });
    expect(await h.deps.repos.bookings.history(b.id)).toMatchObject([
      { fromStatus: null, toStatus: "pending", actor: "user", actorUserId: userId },
    ]);
  });

  it("applies the core rules and refuses unknown or inactive venues", async () => {
    expect(await codeOf(book("11:00", "13:00"))).toBe("SLOT_TAKEN");
    expect(await codeOf(book("08:00", "10:00"))).toBe("OUTSIDE_HOURS");
    expect(await codeOf(book("14:30", "15:30"))).toBe("OFF_GRID");
    expect(await codeOf(book("14:00", "14:00"))).toBe("OUTSIDE_HOURS");
    expect(await codeOf(book("14:00", "15:00", { booking_date: "2026-11-20" }))).toBe("IN_THE_PAST");
    expect(await codeOf(book("14:00", "15:00", { booking_date: "2027-03-01" }))).toBe("TOO_FAR_AHEAD");
    expect(await codeOf(book("14:00", "15:00", { venue_id: 999_999 }))).toBe("VENUE_NOT_FOUND");
    const closed = await h.deps.repos.venues.create(venueInput());
    await h.deps.repos.venues.deactivate(closed.id);
    expect(await codeOf(book("14:00", "15:00", { venue_id: closed.id }))).toBe("VENUE_NOT_FOUND");
  });

  it("a cancelled booking frees its slot; the machine and ownership rule status changes", async () => {
    const b = await book("16:00", "18:00");
    const other = (await h.tokensFor(newPhone())).userId;
    const change = (over: Partial<Parameters<typeof changeBookingStatus>[1]>) =>
      changeBookingStatus(h.deps, { id: b.id, to: "cancelled", actor: "user", ...over });
    expect(await codeOf(change({ ownerId: other }))).toBe("BOOKING_NOT_FOUND");
    expect(await change({ actorUserId: userId, ownerId: userId })).toMatchObject({ status: "cancelled", canCancel: false });
    expect(await codeOf(change({ to: "confirmed", actor: "admin" }))).toBe("BAD_TRANSITION");
    expect(await codeOf(change({ id: 888_888, to: "confirmed", actor: "admin" }))).toBe("BOOKING_NOT_FOUND");
    expect((await book("16:00", "18:00")).status).toBe("pending");
    const history = await h.deps.repos.bookings.history(b.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      [null, "pending", "user"],
      ["pending", "cancelled", "user"],
    ]);
  });

  it("two admins racing on one booking: exactly one wins, one audit row", async () => {
    const b = await book("19:00", "20:00");
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => changeBookingStatus(h.deps, { id: b.id, to: "confirmed", actor: "admin" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isDomainError(r.reason, "BAD_TRANSITION")).toBe(true);
    expect((await h.deps.repos.bookings.history(b.id)).filter((e) => e.toStatus === "confirmed")).toHaveLength(1);
  });

  it("50 parallel creates of one slot give one booking and 49 SLOT_TAKEN", async () => {
    const venue = await h.deps.repos.venues.create(venueInput());
    const players = await Promise.all(Array.from({ length: 50 }, async () => (await h.tokensFor(newPhone())).userId));
    const results = await Promise.allSettled(players.map((p) => book("18:00", "20:00", { venue_id: venue.id }, p)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    expect(codes).toEqual(Array(49).fill("SLOT_TAKEN"));
    const result: unknown = await h.deps.database.db.execute(
      sql`select count(*)::int as n from bookings where venue_id = ${venue.id} and status in ('pending', 'confirmed')`,
    );
    expect((result as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it("an Idempotency-Key replays the first booking and refuses a different request under it", async () => {
    const first = await createBooking(h.deps, { userId, request: request("13:00", "14:00"), idempotencyKey: "svc-key-1" });
    const again = await createBooking(h.deps, { userId, request: request("13:00", "14:00"), idempotencyKey: "svc-key-1" });
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, booking: { id: first.booking.id } });
    expect(await codeOf(createBooking(h.deps, { userId, request: request("14:00", "15:00"), idempotencyKey: "svc-key-1" }))).toBe(
      "IDEMPOTENCY_KEY_REUSED",
    );
  });
});
