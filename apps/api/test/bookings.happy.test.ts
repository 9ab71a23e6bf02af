import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AdminBookingDetailSchema, BookingSchema } from "@venue-booking/contract";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, patch, signIn, signInAdmin } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const DAY = "2026-11-25";

describe.each(testBackends())("bookings, happy paths, on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let player: { access: string; user: { id: number }; phone: string };
  let venueId: number;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
    player = await signIn(h);
    venueId = await createVenue(h, admin, { price_per_hour: "99.99", name: { ru: "Зал Бронь", uz: "Bron zali", en: "Booking Hall" } });
  });
  afterAll(async () => h.close());

  const book = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h.request("/api/bookings/", authed(token, json({ venue_id: venueId, booking_date: DAY, ...body }, headers)));
  const slots = async (date = DAY) =>
    (
      (await (await h.request(`/api/venues/${venueId}/availability/?date=${date}`)).json()) as {
        slots: { start_time: string; available: boolean }[];
      }
    ).slots
      .filter((s) => !s.available)
      .map((s) => s.start_time);

  it("books a slot: pending, priced exactly from the duration, in the caller's language", async () => {
    const res = await book(player.access, { start_time: "09:00", end_time: "12:00:00" }, { "accept-language": "en" });
    expect(res.status).toBe(201);
    const b = BookingSchema.parse(await res.json());
    expect(b).toMatchObject({
      venue_id: venueId,
      venue: { id: venueId, name: "Booking Hall" },
      booking_date: DAY,
      start_time: "09:00",
      end_time: "12:00",
      duration_minutes: 180,
      total_price: "299.97",
      status: "pending",
      can_cancel: true,
    });
    const mine = await h.request(`/api/bookings/${b.id}/`, authed(player.access, {}, "uz"));
    expect(await mine.json()).toMatchObject({ id: b.id, venue: { name: "Bron zali" } });
    expect(await slots()).toEqual(["09:00", "10:00", "11:00"]);
  });

  it("availability changes with bookings and cancellations; touching ranges are fine", async () => {
    const a = BookingSchema.parse(await (await book(player.access, { start_time: "14:00", end_time: "16:00" })).json());
    expect((await book(player.access, { start_time: "16:00", end_time: "17:00" })).status).toBe(201);
    expect((await book(player.access, { start_time: "13:00", end_time: "14:00" })).status).toBe(201);
    expect(await slots()).toEqual(["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]);
    const cancelled = await h.request(`/api/bookings/${a.id}/cancel/`, authed(player.access, { method: "PATCH" }));
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id: a.id, status: "cancelled", can_cancel: false });
    expect(await slots()).toEqual(["09:00", "10:00", "11:00", "13:00", "16:00"]);
    const again = await book(player.access, { start_time: "14:00", end_time: "15:00" });
    expect(again.status).toBe(201);
  });

  it("lists only the caller's bookings, newest first, filtered by status", async () => {
    const other = await signIn(h);
    expect((await book(other.access, { start_time: "20:00", end_time: "21:00", booking_date: "2026-11-26" })).status).toBe(201);
    const list = (await (await h.request("/api/bookings/", authed(player.access))).json()) as {
      count: number;
      results: { id: number; status: string }[];
    };
    expect(list.count).toBe(5);
    const ids = list.results.map((b) => b.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    const cancelled = (await (await h.request("/api/bookings/?status=cancelled", authed(player.access))).json()) as { count: number };
    expect(cancelled.count).toBe(1);
    const theirs = (await (await h.request("/api/bookings/", authed(other.access))).json()) as { count: number };
    expect(theirs.count).toBe(1);
  });

  it("an admin confirms and, once it has ended, completes a booking; the owner can then no longer cancel it", async () => {
    const b = BookingSchema.parse(await (await book(player.access, { start_time: "18:00", end_time: "19:00" })).json());
    const confirmed = await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status: "confirmed" })));
    expect(confirmed.status).toBe(200);
    expect(AdminBookingDetailSchema.parse(await confirmed.json())).toMatchObject({
      status: "confirmed",
      can_cancel: true,
      user: { id: player.user.id, phone: player.phone },
    });
    // 19:00 in Tashkent on DAY is 14:00 UTC: the booking has just ended.
    h.setNow(new Date(`${DAY}T14:00:00Z`));
    let completed: Response;
    try {
      completed = await h.request(`/api/admin/bookings/${b.id}`, authed(admin, patch({ status: "completed", reason: "played" })));
    } finally {
      h.setNow(NOW);
    }
    const detail = AdminBookingDetailSchema.parse(await completed.json());
    expect(detail.status).toBe("completed");
    expect(detail.history.map((e) => [e.from_status, e.to_status, e.actor, e.reason])).toEqual([
      [null, "pending", "user", null],
      ["pending", "confirmed", "admin", null],
      ["confirmed", "completed", "admin", "played"],
    ]);
    const cancel = await h.request(`/api/bookings/${b.id}/cancel/`, authed(player.access, { method: "PATCH" }));
    expect(cancel.status).toBe(409);
  });

  it("admins list everything with filters and read one booking with its history", async () => {
    const all = (await (await h.request(`/api/admin/bookings/?venue_id=${venueId}&date=${DAY}`, authed(admin))).json()) as {
      count: number;
    };
    expect(all.count).toBeGreaterThanOrEqual(5);
    const byPhone = (await (
      await h.request(`/api/admin/bookings/?phone=${encodeURIComponent(player.phone)}&status=completed`, authed(admin))
    ).json()) as {
      count: number;
      results: { user: { phone: string } }[];
    };
    expect(byPhone.count).toBe(1);
    expect(byPhone.results[0]!.user.phone).toBe(player.phone);
    const byUser = (await (await h.request(`/api/admin/bookings/?user_id=${player.user.id}`, authed(admin))).json()) as {
      count: number;
      results: { id: number }[];
    };
    expect(byUser.count).toBe(6);
    const one = await h.request(`/api/admin/bookings/${byUser.results[0]!.id}/`, authed(admin));
    expect(AdminBookingDetailSchema.parse(await one.json()).history.length).toBeGreaterThan(0);
  });

  it("authenticates once per request, with and without the trailing slash, reading the user at most once", async () => {
    const authentications = vi.spyOn(h.deps.cache, "user");
    const lookups = vi.spyOn(h.deps.repos.users, "get");
    try {
      for (const path of ["/api/bookings", "/api/bookings/", "/api/admin/bookings/", "/api/admin/users"]) {
        authentications.mockClear();
        lookups.mockClear();
        const token = path.includes("admin") ? admin : player.access;
        expect((await h.request(path, authed(token))).status, path).toBe(200);
        expect(authentications, path).toHaveBeenCalledTimes(1);
        // the user's copy is kept for a while: a request reads the row once, or not at all
        expect(lookups.mock.calls.length, path).toBeLessThanOrEqual(1);
      }
    } finally {
      authentications.mockRestore();
      lookups.mockRestore();
    }
  });

  it("an Idempotency-Key retry returns the first response and books once", async () => {
    const key = `retry-${Date.now()}`;
    const first = await book(player.access, { start_time: "21:00", end_time: "22:00" }, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const retry = await book(player.access, { start_time: "21:00", end_time: "22:00" }, { "idempotency-key": key });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(firstBody);
    const reused = await book(player.access, { start_time: "20:00", end_time: "21:00" }, { "idempotency-key": key });
    expect(reused.status).toBe(422);
    // the same key of another user is another key
    const other = await signIn(h);
    const theirs = await book(other.access, { start_time: "20:00", end_time: "21:00" }, { "idempotency-key": key });
    expect(theirs.status).toBe(201);
  });

  it("an Idempotency-Key retry answers in the retry's language, not the first request's", async () => {
    const key = `lang-${Date.now()}`;
    const first = await book(
      player.access,
      { start_time: "19:00", end_time: "20:00", booking_date: "2026-11-28" },
      { "idempotency-key": key, "accept-language": "ru" },
    );
    expect(BookingSchema.parse(await first.json()).venue.name).toBe("Зал Бронь");
    const retry = await book(
      player.access,
      { start_time: "19:00", end_time: "20:00", booking_date: "2026-11-28" },
      { "idempotency-key": key, "accept-language": "en" },
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get("content-language")).toBe("en");
    expect(BookingSchema.parse(await retry.json()).venue.name).toBe("Booking Hall");
  });

  it("parallel retries with one Idempotency-Key make one booking and all get it", async () => {
    const key = `parallel-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        book(player.access, { start_time: "10:00", end_time: "11:00", booking_date: "2026-11-27" }, { "idempotency-key": key }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: number }).id)));
    expect(ids.size).toBe(1);
  });
});
