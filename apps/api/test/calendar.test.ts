import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminBookingDetailSchema, AvailabilitySchema, BookingSchema, ClosureSchema, VenueSchema } from "@venue-booking/contract";
import { sql } from "drizzle-orm";
import { runLifecycleOnce } from "../src/services/lifecycle.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem, signInAdmin, sqlRows } from "./helpers.ts";

// 10:00 in Tashkent on Saturday 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const TODAY = "2026-11-21";
const FRIDAY = "2026-11-27";
const SATURDAY = "2026-11-28";
const THURSDAY = "2026-11-26";

let names = 0;
/** A name no other venue of the run has: free-at searches below look only at the test's own venues. */
const uniqueName = () => {
  const word = `Календарь${++names}x${Math.random().toString(36).slice(2, 8)}`;
  return { ru: word, en: word };
};

describe.each(testBackends())("venue calendar on $name", (backend) => {
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
  const day = async (venueId: number, date: string, lang = "en") =>
    AvailabilitySchema.parse(
      await (await h.request(`/api/venues/${venueId}/availability/?date=${date}`, { headers: { "accept-language": lang } })).json(),
    );
  /** A venue with a name of its own; returns its id and the name to search for it by. */
  const venue = async (over: Record<string, unknown> = {}) => {
    const name = uniqueName();
    return { id: await createVenue(h, admin, { name, ...over }), name: name.ru };
  };
  const freeAt = async (name: string, date: string, from: string, to: string, extra = "") => {
    const res = await h.request(`/api/venues/?search=${encodeURIComponent(name)}&date=${date}&start_time=${from}&end_time=${to}${extra}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { id: number; free_units: number }[] }).results;
  };

  describe("hours past midnight and evening prices", () => {
    it("a Friday open 18:00-02:00 with an evening price: 23:00-01:00 pays it for the evening hour only", async () => {
      const { id, name } = await venue({
        price_per_hour: "100000",
        weekly_hours: [{ weekday: 5, opening_time: "18:00", closing_time: "02:00" }],
        price_rules: [{ weekdays: [5], start_time: "22:00", end_time: "00:00", price_per_hour: "150000" }],
      });
      const read = VenueSchema.parse(await (await h.request(`/api/venues/${id}/`)).json());
      expect(read).toMatchObject({
        weekly_hours: [{ weekday: 5, opening_time: "18:00", closing_time: "02:00" }],
        slot_minutes: 60,
        price_rules: [{ weekdays: [5], start_time: "22:00", end_time: "00:00", price_per_hour: "150000.00", unit_id: null }],
      });

      const res = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "23:00", end_time: "01:00" });
      expect(res.status).toBe(201);
      const b = BookingSchema.parse(await res.json());
      expect(b).toMatchObject({ start_time: "23:00", end_time: "01:00", duration_minutes: 120, total_price: "250000.00" });
      expect(b.price_breakdown).toEqual([
        { start_time: "23:00", end_time: "24:00", price_per_hour: "150000.00", amount: "150000.00" },
        { start_time: "00:00", end_time: "01:00", price_per_hour: "100000.00", amount: "100000.00" },
      ]);
      // stored as charged: a later rule change does not alter it
      await h.request(`/api/venues/${id}/`, authed(admin, patch({ price_rules: [] })));
      const again = await h.request(`/api/admin/bookings/${b.id}/`, authed(admin));
      expect(AdminBookingDetailSchema.parse(await again.json())).toMatchObject({
        total_price: "250000.00",
        price_breakdown: b.price_breakdown,
      });

      const friday = await day(id, FRIDAY);
      expect(friday).toMatchObject({ opening_time: "18:00", closing_time: "02:00", closed: false });
      expect(friday.slots.map((s) => [s.start_time, s.available, s.next_day ?? false])).toEqual([
        ["18:00", true, false],
        ["19:00", true, false],
        ["20:00", true, false],
        ["21:00", true, false],
        ["22:00", true, false],
        ["23:00", false, false],
        ["00:00", false, true],
        ["01:00", true, true],
      ]);
      // the wall clock runs on: 01:00-02:00 is still Friday's to sell; 02:00 is past its closing
      const night = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "01:00", end_time: "02:00" });
      expect(night.status).toBe(201);
      const nightId = BookingSchema.parse(await night.json()).id;
      expect(BookingSchema.parse(await (await h.request(`/api/admin/bookings/${nightId}/`, authed(admin))).json())).toMatchObject({
        booking_date: FRIDAY,
        start_time: "01:00",
        after_midnight: true,
        total_price: "100000.00",
      });
      expect(await rows(sql`select lower(during)::text as at from bookings where id = ${nightId}`)).toEqual([
        { at: `${SATURDAY} 01:00:00` },
      ]);
      const late = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "01:00", end_time: "03:00" }, "en");
      expect(late.status).toBe(400);
      expect(await problem(late)).toMatchObject({ code: "OUTSIDE_HOURS", detail: "The venue is open from 18:00 to 02:00." });
      // other weekdays are closed
      const thursday = await book(await player(), { venue_id: id, booking_date: THURSDAY, start_time: "19:00", end_time: "20:00" });
      expect((await problem(thursday)).code).toBe("DAY_CLOSED");
      expect(await day(id, SATURDAY)).toMatchObject({ closed: true, opening_time: null, closing_time: null, slots: [] });
      // "free at": Friday 22:00-23:00 yes, 23:00-00:00 no (booked), Thursday no (closed)
      expect((await freeAt(name, FRIDAY, "22:00", "23:00")).map((v) => v.id)).toEqual([id]);
      expect(await freeAt(name, FRIDAY, "23:00", "00:00")).toEqual([]);
      expect(await freeAt(name, THURSDAY, "19:00", "20:00")).toEqual([]);
    });

    it("open around the clock, Friday 23:00-01:00 clashes with Saturday 00:00-01:00 on the same unit", async () => {
      const { id, name } = await venue({ opening_time: "00:00", closing_time: "00:00" });
      const first = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "23:00", end_time: "01:00" });
      expect(first.status).toBe(201);
      const clash = await book(await player(), { venue_id: id, booking_date: SATURDAY, start_time: "00:00", end_time: "01:00" });
      expect(clash.status).toBe(409);
      expect((await problem(clash)).code).toBe("SLOT_TAKEN");
      expect((await book(await player(), { venue_id: id, booking_date: SATURDAY, start_time: "01:00", end_time: "02:00" })).status).toBe(
        201,
      );
      // Saturday's day shows Friday's booking in its first hour
      const saturday = await day(id, SATURDAY);
      expect(saturday.slots.slice(0, 3).map((s) => s.available)).toEqual([false, false, true]);
      expect(saturday.slots).toHaveLength(24);
      expect(await freeAt(name, SATURDAY, "00:00", "01:00")).toEqual([]);
      expect((await freeAt(name, SATURDAY, "02:00", "03:00")).map((v) => v.free_units)).toEqual([1]);
      // and the database agrees: no two live bookings of a unit overlap, whatever their business days
      const pairs = await rows<{ n: number }>(sql`
        select count(*)::int as n from bookings a join bookings b
          on a.unit_id = b.unit_id and a.id < b.id and a.during && b.during
         where a.venue_id = ${id} and a.status in ('pending', 'confirmed') and b.status in ('pending', 'confirmed')`);
      expect(pairs[0]?.n).toBe(0);
    });

    it("a 30-minute grid with bounds: too short, too long and off the grid each say so", async () => {
      const { id } = await venue({ slot_minutes: 30, min_duration_minutes: 60, max_duration_minutes: 120 });
      const code = async (start: string, end: string) =>
        (await problem(await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: start, end_time: end }))).code;
      expect((await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "10:30", end_time: "11:30" })).status).toBe(201);
      expect(await code("12:00", "12:30")).toBe("TOO_SHORT");
      expect(await code("12:00", "14:30")).toBe("TOO_LONG");
      expect(await code("12:15", "13:15")).toBe("OFF_GRID");
      expect((await day(id, FRIDAY)).slots).toHaveLength(26);
    });
  });

  describe("closures", () => {
    it("are refused over live bookings, cancel them on request with audit rows, and refuse bookings in their time", async () => {
      const { id, name } = await venue();
      const made = [];
      for (const [start, end] of [
        ["18:00", "19:00"],
        ["19:00", "20:00"],
      ] as const) {
        const res = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: start, end_time: end });
        made.push(BookingSchema.parse(await res.json()).id);
      }
      const body = { date: FRIDAY, start_time: "17:00", end_time: "21:00", reason: { ru: "Ремонт", en: "Repairs" } };
      const refused = await h.request(`/api/venues/${id}/closures/`, authed(admin, json(body), "en"));
      expect(refused.status).toBe(409);
      const p = (await refused.json()) as { code: string; conflicts: { kind: string; id: number }[] };
      expect(p.code).toBe("CLOSURE_CONFLICTS");
      expect(p.conflicts.map((c) => [c.kind, c.id])).toEqual(made.map((b) => ["booking", b]));
      const none = (await (await h.request(`/api/venues/${id}/closures/`, authed(admin))).json()) as { results: unknown[] };
      expect(none.results).toEqual([]);

      const created = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ ...body, cancel_bookings: true })));
      expect(created.status).toBe(201);
      const closure = ClosureSchema.parse(await created.json());
      expect(closure).toMatchObject({ date: FRIDAY, start_time: "17:00", end_time: "21:00", whole_day: false, cancelled_bookings: made });
      for (const b of made) {
        const detail = AdminBookingDetailSchema.parse(await (await h.request(`/api/admin/bookings/${b}/`, authed(admin))).json());
        expect(detail.status).toBe("cancelled");
        expect(detail.history.at(-1)).toMatchObject({ to_status: "cancelled", actor: "admin", reason: "closure: Ремонт" });
      }

      const inside = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "17:00", end_time: "18:00" }, "en");
      expect(inside.status).toBe(409);
      expect(await problem(inside)).toMatchObject({ code: "VENUE_CLOSED", detail: "The venue is closed at that time: Repairs" });
      const inRussian = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "20:00", end_time: "22:00" }, "ru");
      expect((await problem(inRussian)).detail).toBe("В это время площадка закрыта: Ремонт");

      const friday = await day(id, FRIDAY);
      expect(friday.slots.find((s) => s.start_time === "17:00")).toMatchObject({
        closed: true,
        closed_reason: "Repairs",
        available: false,
      });
      expect(friday.slots.find((s) => s.start_time === "21:00")).toMatchObject({ closed: false, closed_reason: null, available: true });
      expect(await freeAt(name, FRIDAY, "17:00", "18:00")).toEqual([]);
      expect((await freeAt(name, FRIDAY, "21:00", "22:00")).map((v) => v.id)).toEqual([id]);

      // the invariant, in SQL: no live booking meets a closure on its unit
      const met = await rows<{ n: number }>(sql`
        select count(*)::int as n from bookings b join closures c on c.venue_id = b.venue_id and c.during && b.during
         where b.venue_id = ${id} and b.status in ('pending', 'confirmed')`);
      expect(met[0]?.n).toBe(0);

      expect((await h.request(`/api/venues/${id}/closures/${closure.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
      expect((await h.request(`/api/venues/${id}/closures/${closure.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(404);
      expect((await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "17:00", end_time: "18:00" })).status).toBe(201);
    });

    it("a whole-day holiday takes the venue out of free-at results; closing one court leaves the others", async () => {
      const { id, name } = await venue({
        units: [
          { name: { ru: "Корт 1" }, kind: "court" },
          { name: { ru: "Корт 2" }, kind: "court" },
        ],
      });
      const units = VenueSchema.parse(await (await h.request(`/api/venues/${id}/`)).json()).units;
      expect((await freeAt(name, FRIDAY, "19:00", "21:00")).map((v) => v.free_units)).toEqual([2]);
      const oneCourt = await h.request(
        `/api/venues/${id}/closures/`,
        authed(admin, json({ date: FRIDAY, start_time: "18:00", end_time: "22:00", unit_id: units[0]!.id })),
      );
      expect(oneCourt.status).toBe(201);
      expect((await freeAt(name, FRIDAY, "19:00", "21:00")).map((v) => v.free_units)).toEqual([1]);
      const slot = (await day(id, FRIDAY)).slots.find((s) => s.start_time === "19:00");
      expect(slot).toMatchObject({ available: true, free_units: 1, closed: false });

      const holiday = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ date: SATURDAY, reason: { ru: "Праздник" } })));
      expect(ClosureSchema.parse(await holiday.json())).toMatchObject({ whole_day: true, start_time: "09:00", end_time: "22:00" });
      expect(await freeAt(name, SATURDAY, "19:00", "21:00")).toEqual([]);
      const saturday = await day(id, SATURDAY, "ru");
      expect(saturday.slots.every((s) => s.closed && !s.available && s.closed_reason === "Праздник")).toBe(true);
      const listed = (await (await h.request(`/api/venues/${id}/closures/`, authed(admin))).json()) as { results: { date: string }[] };
      expect(listed.results.map((c) => c.date)).toEqual([FRIDAY, SATURDAY]);
    });

    it("close a pool: places sold are in the way, and a closed pool sells none", async () => {
      const { id } = await venue({ units: [{ name: { ru: "Зал" }, capacity: 10, price_per_hour: "20000" }] });
      const sold = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "10:00", end_time: "11:00", places: 2 });
      const soldId = BookingSchema.parse(await sold.json()).id;
      const body = { date: FRIDAY, start_time: "10:00", end_time: "12:00" };
      const refused = await h.request(`/api/venues/${id}/closures/`, authed(admin, json(body)));
      expect((await problem(refused)).code).toBe("CLOSURE_CONFLICTS");
      const made = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ ...body, cancel_bookings: true })));
      expect(ClosureSchema.parse(await made.json()).cancelled_bookings).toEqual([soldId]);
      const res = await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "11:00", end_time: "12:00" }, "en");
      expect(await problem(res)).toMatchObject({ code: "VENUE_CLOSED" });
      expect((await day(id, FRIDAY)).slots.find((s) => s.start_time === "10:00")).toMatchObject({ closed: true, places_left: 0 });
      expect((await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "12:00", end_time: "13:00" })).status).toBe(201);
    });

    it("a time already closed is ALREADY_CLOSED, listing the closure; ended or out-of-hours closures are refused", async () => {
      const { id } = await venue({
        units: [
          { name: { ru: "Корт 1" }, kind: "court" },
          { name: { ru: "Зал" }, capacity: 5 },
        ],
      });
      const [court, pool] = VenueSchema.parse(await (await h.request(`/api/venues/${id}/`)).json()).units;
      const first = ClosureSchema.parse(
        await (
          await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ date: FRIDAY, start_time: "10:00", end_time: "14:00" })))
        ).json(),
      );
      const inside = await h.request(
        `/api/venues/${id}/closures/`,
        authed(admin, json({ date: FRIDAY, start_time: "11:00", end_time: "12:00", unit_id: court!.id, cancel_bookings: true })),
      );
      expect(inside.status).toBe(409);
      const p = (await inside.json()) as { code: string; conflicts: { kind: string; id: number }[] };
      expect(p).toMatchObject({ code: "ALREADY_CLOSED", conflicts: [{ kind: "closure", id: first.id }] });
      // a pool's closures stack: closing it again inside the venue's closure is allowed
      const poolAgain = await h.request(
        `/api/venues/${id}/closures/`,
        authed(admin, json({ date: FRIDAY, start_time: "11:00", end_time: "12:00", unit_id: pool!.id })),
      );
      expect(poolAgain.status).toBe(201);
      const poolClosure = ClosureSchema.parse(await poolAgain.json());
      expect((await h.request(`/api/venues/${id}/closures/${first.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
      // the pool is still closed 11-12 by its own closure, open again 10-11
      expect((await day(id, FRIDAY)).units[1]!.slots.filter((s) => s.closed).map((s) => s.start_time)).toEqual(["11:00"]);
      expect((await h.request(`/api/venues/${id}/closures/${poolClosure.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
      const counters = await rows<{ n: number }>(
        sql`select count(*)::int as n from unit_usage where unit_id = ${pool!.id} and closures <> 0`,
      );
      expect(counters[0]?.n).toBe(0);

      const past = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ date: "2026-11-20" })));
      expect((await problem(past)).code).toBe("IN_THE_PAST");
      const night = await h.request(
        `/api/venues/${id}/closures/`,
        authed(admin, json({ date: FRIDAY, start_time: "03:00", end_time: "05:00" })),
      );
      expect((await problem(night)).code).toBe("OUTSIDE_HOURS");
    });

    it("refuses a whole-day closure of a day the venue does not open, and unknown units", async () => {
      const { id } = await venue({ weekly_hours: [{ weekday: 5, opening_time: "09:00", closing_time: "22:00" }] });
      const closedDay = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ date: THURSDAY })));
      expect((await problem(closedDay)).code).toBe("DAY_CLOSED");
      const unknown = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ date: FRIDAY, unit_id: 999_999 })));
      expect((await problem(unknown)).code).toBe("UNIT_NOT_FOUND");
      const half = await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ date: FRIDAY, start_time: "10:00" })));
      expect(half.status).toBe(400);
      expect((await h.request(`/api/venues/${id}/closures/`, authed(await player(), json({ date: FRIDAY })))).status).toBe(403);
    });
  });

  describe("policies", () => {
    it("a venue's own notice and horizon shape its availability; the server's apply where it set none", async () => {
      const own = await venue({ opening_time: "09:00", closing_time: "18:00", policy: { min_notice_minutes: 120, horizon_days: 3 } });
      const plain = await venue({ opening_time: "09:00", closing_time: "18:00" });
      const open = async (id: number, date: string) => {
        const res = await h.request(`/api/venues/${id}/availability/?date=${date}`);
        expect(res.status).toBe(200);
        return AvailabilitySchema.parse(await res.json())
          .slots.filter((s) => s.available)
          .map((s) => s.start_time);
      };
      // 10:00 now: two hours' notice opens 12:00; the server's (none) opens the hour under way
      expect((await open(own.id, TODAY))[0]).toBe("12:00");
      expect((await open(plain.id, TODAY))[0]).toBe("10:00");
      // four days ahead is past the venue's three, within the server's horizon
      expect(await open(own.id, "2026-11-25")).toEqual([]);
      expect(await open(plain.id, "2026-11-25")).toHaveLength(9);
    });

    it("notice, horizon, the cancellation window and a venue's own limit", async () => {
      const { id } = await venue({
        policy: { min_notice_minutes: 120, horizon_days: 3, cancel_until_minutes: 1440, max_live_bookings_per_user: 1 },
      });
      const read = VenueSchema.parse(await (await h.request(`/api/venues/${id}/`)).json());
      expect(read.policy).toEqual({
        min_notice_minutes: 120,
        horizon_days: 3,
        cancel_until_minutes: 1440,
        hold_minutes: 0,
        max_live_bookings_per_user: 1,
        defaults: ["hold_minutes"],
      });
      const me = await player();
      const soon = await book(me, { venue_id: id, booking_date: TODAY, start_time: "11:00", end_time: "12:00" }, "en");
      expect(await problem(soon)).toMatchObject({ code: "TOO_SOON", detail: "Bookings start at least 120 minutes from now." });
      const far = await book(me, { venue_id: id, booking_date: "2026-11-25", start_time: "11:00", end_time: "12:00" });
      expect((await problem(far)).code).toBe("TOO_FAR_AHEAD");
      const ok = await book(me, { venue_id: id, booking_date: TODAY, start_time: "12:00", end_time: "13:00" });
      expect(ok.status).toBe(201);
      const b = BookingSchema.parse(await ok.json());
      // one live booking here is this venue's limit; other venues still take the player
      expect(
        (await problem(await book(me, { venue_id: id, booking_date: "2026-11-23", start_time: "12:00", end_time: "13:00" }))).code,
      ).toBe("TOO_MANY_LIVE_BOOKINGS");
      const other = await venue();
      expect((await book(me, { venue_id: other.id, booking_date: FRIDAY, start_time: "12:00", end_time: "13:00" })).status).toBe(201);
      // two hours before the start, the player can no longer cancel; an admin can
      const cancel = await h.request(`/api/bookings/${b.id}/cancel/`, authed(me, { method: "PATCH" }, "en"));
      expect(cancel.status).toBe(409);
      expect(await problem(cancel)).toMatchObject({ code: "CANCEL_TOO_LATE" });
      const byAdmin = await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status: "cancelled" })));
      expect(byAdmin.status).toBe(200);

      // the policy is the venue PATCH's; null returns a field to the server default
      const changed = await h.request(
        `/api/venues/${id}/`,
        authed(admin, patch({ policy: { cancel_until_minutes: null, min_notice_minutes: 0 } })),
      );
      expect(VenueSchema.parse(await changed.json()).policy).toMatchObject({
        cancel_until_minutes: 0,
        min_notice_minutes: 0,
        defaults: ["cancel_until_minutes", "hold_minutes"],
      });
    });

    it("the lifecycle lets go of a hold the venue did not confirm in time, once, with replicas racing", async () => {
      const { id } = await venue({ policy: { hold_minutes: 30 } });
      const made: number[] = [];
      for (const start of ["10:00", "11:00", "12:00", "13:00"]) {
        const res = await book(await player(), {
          venue_id: id,
          booking_date: FRIDAY,
          start_time: start,
          end_time: `${Number(start.slice(0, 2)) + 1}:00`,
        });
        made.push(BookingSchema.parse(await res.json()).id);
      }
      const [confirmed] = made;
      await h.request(`/api/admin/bookings/${confirmed}/`, authed(admin, patch({ status: "confirmed" })));
      // the bookings were made at NOW on the app's clock
      await h.deps.database.db.execute(sql`update bookings set created_at = ${NOW.toISOString()}::timestamptz where venue_id = ${id}`);
      h.setNow(new Date(NOW.getTime() + 29 * 60_000));
      expect((await runLifecycleOnce(h.deps)).holdsExpired).toBe(0);
      h.setNow(new Date(NOW.getTime() + 31 * 60_000));
      try {
        const runs = await Promise.all([runLifecycleOnce(h.deps), runLifecycleOnce(h.deps)]);
        expect(runs.reduce((n, r) => n + r.holdsExpired, 0)).toBe(3);
      } finally {
        h.setNow(NOW);
      }
      const events = await rows<{ booking_id: number; n: number }>(sql`
        select booking_id, count(*)::int as n from booking_events
         where reason = 'hold_expired' and booking_id in (select id from bookings where venue_id = ${id})
         group by booking_id order by booking_id`);
      expect(events).toEqual(made.slice(1).map((b) => ({ booking_id: b, n: 1 })));
      const statuses = await rows<{ status: string }>(sql`select status from bookings where venue_id = ${id} order by id`);
      expect(statuses.map((s) => s.status)).toEqual(["confirmed", "cancelled", "cancelled", "cancelled"]);
      // their hours are free again
      expect((await book(await player(), { venue_id: id, booking_date: FRIDAY, start_time: "11:00", end_time: "12:00" })).status).toBe(201);
    });
  });
});
