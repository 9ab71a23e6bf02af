import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, patch, problem, signIn, signInAdmin } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21 (05:00 UTC): the server's own zone plays no part.
const NOW = new Date("2026-11-21T05:00:00Z");

describe.each(testBackends())("bookings, error paths, on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let player: string;
  let venueId: number;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
    player = (await signIn(h)).access;
    venueId = await createVenue(h, admin);
  });
  afterAll(async () => h.close());

  const book = (body: Record<string, unknown>, lang = "en", token = player) =>
    h.request(
      "/api/bookings/",
      authed(token, json({ venue_id: venueId, booking_date: "2026-11-25", start_time: "12:00", end_time: "13:00", ...body }), lang),
    );

  it("needs a signed-in user", async () => {
    expect((await h.request("/api/bookings/")).status).toBe(401);
    expect((await h.request("/api/bookings/", json({ venue_id: venueId }))).status).toBe(401);
    expect((await h.request("/api/bookings/1/")).status).toBe(401);
    expect((await h.request("/api/bookings/1/cancel/", { method: "PATCH" })).status).toBe(401);
  });

  it.each([
    [{ start_time: "08:00", end_time: "09:00" }, "OUTSIDE_HOURS", "start_time", "The venue is open from 09:00 to 22:00."],
    [{ start_time: "21:00", end_time: "23:00" }, "OUTSIDE_HOURS", "end_time", "The venue is open from 09:00 to 22:00."],
    [
      { start_time: "12:30", end_time: "13:30" },
      "OFF_GRID",
      "start_time",
      "Bookings start and end on the 60-minute grid counted from 09:00.",
    ],
    [{ start_time: "12:00", end_time: "12:30" }, "TOO_SHORT", "end_time", "A booking lasts at least 60 minutes."],
    // an end at or before the start is the next day's: past this venue's closing
    [{ start_time: "13:00", end_time: "12:00" }, "OUTSIDE_HOURS", "end_time", "The venue is open from 09:00 to 22:00."],
    [{ start_time: "12:00", end_time: "12:00" }, "OUTSIDE_HOURS", "end_time", "The venue is open from 09:00 to 22:00."],
    [{ booking_date: "2026-11-20" }, "IN_THE_PAST", "start_time", "This time has already passed."],
    [{ booking_date: "2026-11-21", start_time: "09:00", end_time: "10:00" }, "IN_THE_PAST", "start_time", "This time has already passed."],
    [{ booking_date: "2027-01-21" }, "TOO_FAR_AHEAD", "booking_date", "Bookings can be made at most 60 days ahead."],
  ])("refuses %j with %s", async (body, code, field, detail) => {
    const res = await book(body);
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code, detail, errors: [{ field, message: detail }] });
  });

  it("the rule errors come in Russian and Uzbek too", async () => {
    expect((await problem(await book({ start_time: "08:00", end_time: "09:00" }, "ru"))).detail).toBe(
      "Площадка работает с 09:00 до 22:00.",
    );
    expect((await problem(await book({ start_time: "08:00", end_time: "09:00" }, "uz"))).detail).toBe(
      "Maydon 09:00 dan 22:00 gacha ishlaydi.",
    );
  });

  it("today's slot that starts now can be booked; the one that started cannot", async () => {
    expect((await book({ booking_date: "2026-11-21", start_time: "10:00", end_time: "11:00" })).status).toBe(201);
  });

  it.each([
    [{ booking_date: "2026-02-30" }, "booking_date"],
    [{ booking_date: "25.11.2026" }, "booking_date"],
    [{ start_time: "9am" }, "start_time"],
    [{ end_time: "13:00:30" }, "end_time"],
    [{ venue_id: "abc" }, "venue_id"],
    [{ venue_id: -1 }, "venue_id"],
    [{ total_price: "1.00" }, "total_price"],
    [{ status: "confirmed" }, "status"],
    [{ user_id: 1 }, "user_id"],
  ])("validates %j", async (body, field) => {
    const res = await book(body);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.field)).toContain(field);
  });

  it("an unknown or inactive venue is 404", async () => {
    expect((await problem(await book({ venue_id: 999_999 }))).code).toBe("VENUE_NOT_FOUND");
    const closed = await createVenue(h, admin);
    await h.request(`/api/venues/${closed}/`, authed(admin, { method: "DELETE" }));
    const res = await book({ venue_id: closed });
    expect(res.status).toBe(404);
  });

  it("an overlap is 409 SLOT_TAKEN", async () => {
    expect((await book({ start_time: "15:00", end_time: "17:00" })).status).toBe(201);
    const clash = await book({ start_time: "16:00", end_time: "18:00" }, "ru");
    expect(clash.status).toBe(409);
    expect(await problem(clash)).toMatchObject({ code: "SLOT_TAKEN", detail: "Это время уже забронировано." });
  });

  it("someone else's booking is 404 to read and to cancel, and stays untouched", async () => {
    const mine = (await (await book({ start_time: "19:00", end_time: "20:00" })).json()) as { id: number };
    const stranger = (await signIn(h)).access;
    const read = await h.request(`/api/bookings/${mine.id}/`, authed(stranger));
    expect(read.status).toBe(404);
    expect((await problem(read)).code).toBe("BOOKING_NOT_FOUND");
    const missing = await h.request("/api/bookings/999999/", authed(stranger));
    // Only the request id tells the two answers apart.
    const withoutId = async (res: Response) => {
      const { request_id, ...rest } = await problem(res);
      expect(request_id).toMatch(/\S/);
      return rest;
    };
    expect(await withoutId(missing)).toEqual(await withoutId(await h.request(`/api/bookings/${mine.id}/`, authed(stranger))));
    expect((await h.request(`/api/bookings/${mine.id}/cancel/`, authed(stranger, { method: "PATCH" }))).status).toBe(404);
    expect(await (await h.request(`/api/bookings/${mine.id}/`, authed(player))).json()).toMatchObject({ status: "pending" });
  });

  it("cancelling twice is 409; the status machine rules admins too", async () => {
    const b = (await (await book({ start_time: "20:00", end_time: "21:00" })).json()) as { id: number };
    expect((await h.request(`/api/bookings/${b.id}/cancel/`, authed(player, { method: "PATCH" }))).status).toBe(200);
    const twice = await h.request(`/api/bookings/${b.id}/cancel/`, authed(player, { method: "PATCH" }, "en"));
    expect(twice.status).toBe(409);
    expect(await problem(twice)).toMatchObject({ code: "BAD_TRANSITION", detail: "A cancelled booking cannot become cancelled." });
    for (const status of ["confirmed", "pending", "completed"]) {
      const res = await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status })));
      expect(res.status).toBe(409);
    }
    const c = (await (await book({ start_time: "21:00", end_time: "22:00" })).json()) as { id: number };
    expect((await h.request(`/api/admin/bookings/${c.id}/`, authed(admin, patch({ status: "completed" })))).status).toBe(409);
    expect((await h.request(`/api/admin/bookings/${c.id}/`, authed(admin, patch({ status: "pending" })))).status).toBe(409);
    expect((await h.request(`/api/admin/bookings/${c.id}/`, authed(admin, patch({ status: "lost" })))).status).toBe(400);
    expect((await h.request("/api/admin/bookings/999999/", authed(admin, patch({ status: "confirmed" })))).status).toBe(404);
  });

  it("a confirmed booking is completed only once it has ended (venue time): 409 before", async () => {
    const owner = (await signIn(h)).access;
    const res = await book({ booking_date: "2026-11-26", start_time: "10:00", end_time: "11:00" }, "en", owner);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect((await h.request(`/api/admin/bookings/${id}/`, authed(admin, patch({ status: "confirmed" })))).status).toBe(200);
    const complete = () => h.request(`/api/admin/bookings/${id}/`, authed(admin, patch({ status: "completed" }), "en"));
    try {
      const early = await complete();
      expect(early.status).toBe(409);
      expect(await problem(early)).toMatchObject({
        code: "BOOKING_NOT_ENDED",
        detail: "A booking can be marked completed only after it ends (2026-11-26 11:00).",
      });
      // 10:59 in Tashkent: still playing.
      h.setNow(new Date("2026-11-26T05:59:00Z"));
      expect((await complete()).status).toBe(409);
      const history = (await (await h.request(`/api/admin/bookings/${id}/`, authed(admin))).json()) as {
        status: string;
        history: unknown[];
      };
      expect(history).toMatchObject({ status: "confirmed" });
      expect(history.history).toHaveLength(2);
      // 11:00 in Tashkent: over.
      h.setNow(new Date("2026-11-26T06:00:00Z"));
      const done = await complete();
      expect(done.status).toBe(200);
      expect(await done.json()).toMatchObject({ status: "completed" });
    } finally {
      h.setNow(NOW);
    }
  });

  it("admin booking routes need an admin", async () => {
    expect((await h.request("/api/admin/bookings/")).status).toBe(401);
    expect((await h.request("/api/admin/bookings/", authed(player))).status).toBe(403);
    expect((await h.request("/api/admin/bookings/1/", authed(player, patch({ status: "confirmed" })))).status).toBe(403);
    expect((await h.request("/api/admin/bookings/?date=2026-02-30", authed(admin))).status).toBe(400);
    expect((await h.request("/api/admin/bookings/?phone=123", authed(admin))).status).toBe(400);
    expect((await h.request("/api/admin/bookings/999999/", authed(admin))).status).toBe(404);
  });

  it("a bad status filter or page is 400; a page past the end 404", async () => {
    expect((await h.request("/api/bookings/?status=lost", authed(player))).status).toBe(400);
    expect((await h.request("/api/bookings/?page=0", authed(player))).status).toBe(400);
    expect((await h.request("/api/bookings/?page=99", authed(player))).status).toBe(404);
  });
});

describe.each(testBackends())("bookings under concurrency through HTTP on $name", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => h.close());

  it("30 players racing for one slot: exactly one 201, the rest 409", async () => {
    const venueId = await createVenue(h, admin);
    const players = await Promise.all(Array.from({ length: 30 }, () => signIn(h)));
    const responses = await Promise.all(
      players.map((p) =>
        h.request(
          "/api/bookings/",
          authed(p.access, json({ venue_id: venueId, booking_date: "2026-12-01", start_time: "18:00", end_time: "20:00" })),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(29).fill(409)]);
  });

  it("a swarm of random overlapping ranges leaves no overlapping pair", async () => {
    const venueId = await createVenue(h, admin);
    const player = await signIn(h);
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % n;
    };
    const hh = (x: number) => `${String(x).padStart(2, "0")}:00`;
    const ranges = Array.from({ length: 60 }, () => {
      const start = 9 + rand(12);
      return [start, start + 1 + rand(Math.min(3, 22 - start))] as const;
    });
    const responses = await Promise.all(
      ranges.map(([s, e]) =>
        h.request(
          "/api/bookings/",
          authed(player.access, json({ venue_id: venueId, booking_date: "2026-12-02", start_time: hh(s), end_time: hh(e) })),
        ),
      ),
    );
    const won: [number, number][] = [];
    for (const [i, r] of responses.entries()) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 201) won.push([ranges[i]![0], ranges[i]![1]]);
    }
    expect(won.length).toBeGreaterThan(0);
    for (let i = 0; i < won.length; i++) {
      for (let j = i + 1; j < won.length; j++) expect(won[i]![0] < won[j]![1] && won[j]![0] < won[i]![1]).toBe(false);
    }
    const day = (await (await h.request(`/api/venues/${venueId}/availability/?date=2026-12-02`)).json()) as {
      slots: { available: boolean }[];
    };
    const busy = day.slots.filter((s) => !s.available).length;
    expect(busy).toBe(won.reduce((n, [s, e]) => n + e - s, 0));
  });
});
