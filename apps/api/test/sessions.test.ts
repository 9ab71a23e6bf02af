import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminBookingDetailSchema, AvailabilitySchema, BookingSchema, SessionSchema, VenueSchema } from "@venue-booking/contract";
import { sql } from "drizzle-orm";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem, signInAdmin, sqlRows } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const FRIDAY = "2026-11-27";

describe.each(testBackends())("sessions on $name", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => h.close());

  const player = async () => (await h.tokensFor(newPhone())).access;
  const book = (token: string, body: Record<string, unknown>, lang?: string) =>
    h.request("/api/bookings/", authed(token, json(body), lang));
  const rows = <T>(query: ReturnType<typeof sql>) => sqlRows<T>(h, query);

  /** A venue of one unit and a session on it; returns both ids. */
  async function scheduled(over: Record<string, unknown> = {}) {
    const venueId = await createVenue(h, admin);
    const unitId = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`)).json()).units[0]!.id;
    const res = await h.request(
      `/api/venues/${venueId}/sessions/`,
      authed(
        admin,
        json({
          unit_id: unitId,
          title: { ru: "Открытая игра", en: "Open game" },
          booking_date: FRIDAY,
          start_time: "20:00",
          end_time: "21:30",
          capacity: 14,
          price_per_place: "30000",
          ...over,
        }),
        "en",
      ),
    );
    expect(res.status).toBe(201);
    const session = SessionSchema.parse(await res.json());
    return { venueId, unitId, session };
  }

  it("schedules a game, sells places priced per place, shows places left and the unit taken", async () => {
    const { venueId, unitId, session } = await scheduled();
    expect(session).toMatchObject({ title: "Open game", capacity: 14, places_left: 14, is_full: false, price_per_place: "30000.00" });
    const res = await book(await player(), { session_id: session.id, places: 3 }, "en");
    expect(res.status).toBe(201);
    expect(BookingSchema.parse(await res.json())).toMatchObject({
      session: { id: session.id, title: "Open game" },
      unit: { id: unitId },
      places: 3,
      seats: [],
      total_price: "90000.00",
      booking_date: FRIDAY,
      start_time: "20:00",
      end_time: "21:30",
    });
    expect(SessionSchema.parse(await (await h.request(`/api/sessions/${session.id}/`)).json()).places_left).toBe(11);
    const day = AvailabilitySchema.parse(await (await h.request(`/api/venues/${venueId}/availability/?date=${FRIDAY}`)).json());
    expect(day.sessions).toEqual([
      { id: session.id, title: "Открытая игра", unit_id: unitId, start_time: "20:00", end_time: "21:30", places_left: 11 },
    ]);
    expect(day.slots.filter((s) => !s.available).map((s) => s.start_time)).toEqual(["20:00", "21:00"]);
    // an hourly booking of the unit at its time is refused
    const hourly = await book(await player(), { venue_id: venueId, booking_date: FRIDAY, start_time: "21:00", end_time: "22:00" });
    expect((await problem(hourly)).code).toBe("SLOT_TAKEN");
    const list = (await (await h.request(`/api/sessions/?date=${FRIDAY}&venue_id=${venueId}&available=true`)).json()) as {
      count: number;
      results: unknown[];
    };
    expect(list.count).toBe(1);
  });

  it("is refused over a live booking of its unit, and outside the venue's hours", async () => {
    const venueId = await createVenue(h, admin);
    const unitId = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`)).json()).units[0]!.id;
    expect((await book(await player(), { venue_id: venueId, booking_date: FRIDAY, start_time: "18:00", end_time: "19:00" })).status).toBe(
      201,
    );
    const body = { unit_id: unitId, title: { ru: "Игра" }, booking_date: FRIDAY, capacity: 10, price_per_place: "1000" };
    const over = await h.request(
      `/api/venues/${venueId}/sessions/`,
      authed(admin, json({ ...body, start_time: "18:30", end_time: "19:30" })),
    );
    expect((await problem(over)).code).toBe("SLOT_TAKEN");
    const late = await h.request(
      `/api/venues/${venueId}/sessions/`,
      authed(admin, json({ ...body, start_time: "21:30", end_time: "22:30" })),
    );
    expect((await problem(late)).code).toBe("OUTSIDE_HOURS");
    const pool = await h.request(`/api/venues/${venueId}/units/`, authed(admin, json({ name: { ru: "Зал" }, capacity: 20 })));
    const poolId = ((await pool.json()) as { id: number }).id;
    const onPool = await h.request(
      `/api/venues/${venueId}/sessions/`,
      authed(admin, json({ ...body, unit_id: poolId, start_time: "10:00", end_time: "11:00" })),
    );
    expect((await problem(onPool)).code).toBe("SESSION_UNIT_POOLED");
    const noCapacity = await h.request(
      `/api/venues/${venueId}/sessions/`,
      authed(admin, json({ ...body, capacity: undefined, start_time: "10:00", end_time: "11:00" })),
    );
    expect(noCapacity.status).toBe(400);
  });

  it("sells seats once each; a player books a session once; started and cancelled sessions take nothing", async () => {
    const { session } = await scheduled({ capacity: undefined, seats: ["A1", "A2", "B1", "B2"] });
    expect(session.seats).toEqual(["A1", "A2", "B1", "B2"].map((label) => ({ label, available: true })));
    const me = await player();
    const two = BookingSchema.parse(await (await book(me, { session_id: session.id, seats: ["A1", "A2"] })).json());
    expect(two).toMatchObject({ places: 2, seats: ["A1", "A2"], total_price: "60000.00" });
    expect((await problem(await book(await player(), { session_id: session.id, seats: ["A2"] }))).code).toBe("SEAT_TAKEN");
    expect((await problem(await book(await player(), { session_id: session.id, seats: ["C9"] }))).code).toBe("UNKNOWN_SEAT");
    expect((await problem(await book(await player(), { session_id: session.id }))).code).toBe("SEATS_REQUIRED");
    expect((await problem(await book(await player(), { session_id: session.id, seats: ["B1"], places: 2 }))).code).toBe("SEATS_REQUIRED");
    // an invisible direction mark is no seat label
    expect((await book(await player(), { session_id: session.id, seats: ["B\u202e1"] })).status).toBe(400);
    expect((await problem(await book(me, { session_id: session.id, seats: ["B1"] }))).code).toBe("ALREADY_BOOKED");
    const seats = SessionSchema.parse(await (await h.request(`/api/sessions/${session.id}/`)).json()).seats;
    expect(seats?.filter((s) => !s.available).map((s) => s.label)).toEqual(["A1", "A2"]);
    // cancelling frees the seats
    expect((await h.request(`/api/bookings/${two.id}/cancel/`, authed(me, { method: "PATCH" }))).status).toBe(200);
    expect((await book(await player(), { session_id: session.id, seats: ["A2"] })).status).toBe(201);
    // a session and hourly fields together are refused
    const mixed = await book(me, { session_id: session.id, venue_id: 1, seats: ["B1"] });
    expect(mixed.status).toBe(400);
    // once started, it takes no booking
    h.setNow(new Date("2026-11-27T15:05:00Z"));
    try {
      expect((await problem(await book(await player(), { session_id: session.id, seats: ["B2"] }))).code).toBe("SESSION_STARTED");
    } finally {
      h.setNow(NOW);
    }
    expect((await book(me, { session_id: 999_999 })).status).toBe(404);
  });

  it("an Idempotency-Key replays a session booking instead of booking twice", async () => {
    const { session } = await scheduled({ capacity: 5 });
    const me = await player();
    const once = (places: number) =>
      h.request("/api/bookings/", authed(me, json({ session_id: session.id, places }, { "idempotency-key": `session-${session.id}` })));
    const first = BookingSchema.parse(await (await once(2)).json());
    const again = await once(2);
    expect(again.status).toBe(201);
    expect(BookingSchema.parse(await again.json()).id).toBe(first.id);
    expect((await problem(await once(3))).code).toBe("IDEMPOTENCY_KEY_REUSED");
    // retries racing each other get the one booking too
    const you = await player();
    const racing = await Promise.all(
      [0, 1, 2].map(() =>
        h.request("/api/bookings/", authed(you, json({ session_id: session.id, places: 1 }, { "idempotency-key": `race-${session.id}` }))),
      ),
    );
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = await Promise.all(racing.map(async (r) => BookingSchema.parse(await r.json()).id));
    expect(new Set(ids).size).toBe(1);
    expect(SessionSchema.parse(await (await h.request(`/api/sessions/${session.id}/`)).json()).places_left).toBe(2);
  });

  it("sessions of a deactivated venue are not offered; a cancelled or played session stays as it is", async () => {
    const { venueId, unitId, session } = await scheduled();
    expect((await h.request(`/api/venues/${venueId}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
    expect((await h.request(`/api/sessions/${session.id}/`)).status).toBe(404);
    const listed = (await (await h.request(`/api/sessions/?venue_id=${venueId}`)).json()) as { count: number };
    expect(listed.count).toBe(0);
    expect((await problem(await book(await player(), { session_id: session.id }))).code).toBe("SESSION_NOT_FOUND");
    const body = {
      unit_id: unitId,
      title: { ru: "Игра" },
      booking_date: FRIDAY,
      start_time: "10:00",
      end_time: "11:00",
      capacity: 2,
      price_per_place: "1",
    };
    expect((await h.request(`/api/venues/${venueId}/sessions/`, authed(admin, json(body)))).status).toBe(404);

    const other = (await scheduled()).session;
    expect((await h.request(`/api/sessions/${other.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
    const late = await h.request(`/api/sessions/${other.id}/`, authed(admin, patch({ price_per_place: "555" })));
    expect(late.status).toBe(404);
    const [price] = await rows<{ p: string }>(sql`select price_per_place::text as p from sessions where id = ${other.id}`);
    expect(price?.p).toBe("30000.00");

    const seated = (await scheduled({ capacity: undefined, seats: ["A1", "A2"] })).session;
    const seatedCapacity = await h.request(`/api/sessions/${seated.id}/`, authed(admin, patch({ capacity: 3 })));
    expect((await problem(seatedCapacity)).code).toBe("SEATED_CAPACITY");
    // started: no longer offered as available; played: not cancelled
    h.setNow(new Date("2026-11-27T15:10:00Z"));
    try {
      const available = (await (await h.request(`/api/sessions/?available=true&date=${FRIDAY}`)).json()) as { results: { id: number }[] };
      expect(available.results.map((x) => x.id)).not.toContain(seated.id);
      h.setNow(new Date("2026-11-27T17:00:00Z"));
      const played = await h.request(`/api/sessions/${seated.id}/`, authed(admin, { method: "DELETE" }));
      expect((await problem(played)).code).toBe("SESSION_STARTED");
    } finally {
      h.setNow(NOW);
    }
  });

  it("a full session refuses the next place; capacity never goes below places sold", async () => {
    const { session } = await scheduled({ capacity: 2 });
    expect((await book(await player(), { session_id: session.id, places: 2 })).status).toBe(201);
    const full = SessionSchema.parse(await (await h.request(`/api/sessions/${session.id}/`)).json());
    expect(full).toMatchObject({ places_left: 0, is_full: true });
    expect((await problem(await book(await player(), { session_id: session.id, seats: ["A1"] }))).code).toBe("NOT_SEATED");
    const next = await book(await player(), { session_id: session.id }, "ru");
    expect(next.status).toBe(409);
    expect(await problem(next)).toMatchObject({ code: "SESSION_FULL", detail: "В этом сеансе осталось недостаточно мест." });
    const below = await h.request(`/api/sessions/${session.id}/`, authed(admin, patch({ capacity: 1 })));
    expect((await problem(below)).code).toBe("CAPACITY_BELOW_SOLD");
    const more = await h.request(`/api/sessions/${session.id}/`, authed(admin, patch({ capacity: 5, price_per_place: "35000" })));
    expect(SessionSchema.parse(await more.json())).toMatchObject({ capacity: 5, places_left: 3, price_per_place: "35000.00" });
    const list = (await (await h.request(`/api/sessions/?available=true&date=${FRIDAY}`)).json()) as { results: { id: number }[] };
    expect(list.results.map((s) => s.id)).toContain(session.id);
  });

  it("cancelling a session cancels its bookings with audit rows and frees the unit", async () => {
    const { venueId, session } = await scheduled();
    const made = await Promise.all(
      [1, 2].map(async () => BookingSchema.parse(await (await book(await player(), { session_id: session.id })).json())),
    );
    expect((await h.request(`/api/sessions/${session.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
    for (const b of made) {
      const view = AdminBookingDetailSchema.parse(await (await h.request(`/api/admin/bookings/${b.id}/`, authed(admin))).json());
      expect(view.status).toBe("cancelled");
      expect(view.history.at(-1)).toMatchObject({ to_status: "cancelled", actor: "admin", reason: "session cancelled" });
    }
    expect((await h.request(`/api/sessions/${session.id}/`)).status).toBe(404);
    expect((await h.request(`/api/sessions/${session.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(404);
    // admins still read it, and list it when they ask for cancelled sessions
    const seen = SessionSchema.parse(await (await h.request(`/api/sessions/${session.id}/`, authed(admin))).json());
    expect(seen.status).toBe("cancelled");
    const withCancelled = (await (await h.request(`/api/sessions/?venue_id=${venueId}&include_cancelled=true`, authed(admin))).json()) as {
      results: { id: number; status: string }[];
    };
    expect(withCancelled.results).toEqual([expect.objectContaining({ id: session.id, status: "cancelled" })]);
    expect((await h.request(`/api/sessions/?include_cancelled=true`, authed(await player()))).status).toBe(403);
    expect((await h.request(`/api/sessions/?include_past=true`)).status).toBe(401);
    expect((await book(await player(), { session_id: session.id })).status).toBe(404);
    expect((await book(await player(), { venue_id: venueId, booking_date: FRIDAY, start_time: "20:00", end_time: "21:00" })).status).toBe(
      201,
    );
  });

  // PGlite queues these; on PostgreSQL they really race.
  it("100 parallel one-place requests for 30 places: exactly 30; places sold equals live places in SQL", async () => {
    const { session } = await scheduled({ capacity: 30 });
    const tokens = await Promise.all(Array.from({ length: 100 }, () => player()));
    const responses = await Promise.all(tokens.map((t) => book(t, { session_id: session.id })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(30);
    for (const r of responses.filter((x) => x.status !== 201)) expect((await problem(r)).code).toBe("SESSION_FULL");
    const [counts] = await rows<{ sold: number; live: number }>(sql`
      select s.places_sold as sold,
             (select coalesce(sum(places), 0)::int from bookings where session_id = s.id and status in ('pending', 'confirmed')) as live
        from sessions s where s.id = ${session.id}`);
    expect(counts).toEqual({ sold: 30, live: 30 });
  });

  it("20 players racing for seat A1 get one booking; one player twice in parallel gets one", async () => {
    const { session } = await scheduled({ capacity: undefined, seats: ["A1", "A2"] });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => player()));
    const seat = await Promise.all(tokens.map((t) => book(t, { session_id: session.id, seats: ["A1"] })));
    expect(seat.filter((r) => r.status === 201)).toHaveLength(1);
    const me = tokens[0]!;
    const other = (await scheduled()).session;
    const twice = await Promise.all([0, 1].map(() => book(me, { session_id: other.id })));
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    const [held] = await rows<{ n: number }>(sql`select count(*)::int as n from session_seats where session_id = ${session.id}`);
    expect(held?.n).toBe(1);
    // full, a sold seat is still SEAT_TAKEN
    // (new players: any of the 20 may have won A1, and a player books a session once)
    expect((await book(await player(), { session_id: session.id, seats: ["A2"] })).status).toBe(201);
    expect((await problem(await book(await player(), { session_id: session.id, seats: ["A2"] }))).code).toBe("SEAT_TAKEN");
    // admins list the bookings of one session
    const ofSession = (await (await h.request(`/api/admin/bookings/?session_id=${session.id}`, authed(admin))).json()) as {
      results: { seats: string[] }[];
    };
    expect(ofSession.results.map((b) => b.seats).sort()).toEqual([["A1"], ["A2"]]);
  });
});
