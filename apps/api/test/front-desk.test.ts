import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminBookingDetailSchema,
  BookingSchema,
  SeriesCancelledSchema,
  SeriesCreatedSchema,
  SeriesDetailSchema,
  VenueSchema,
  pageSchema,
  AdminBookingSchema,
  SeriesSchema,
} from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem, signInAdmin, sqlRows } from "./helpers.ts";

// 10:00 in Tashkent on Saturday 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const TODAY = "2026-11-21";
const TUESDAY = "2026-11-24";
/** The twelve Tuesdays of a series starting on TUESDAY. */
const TUESDAYS = Array.from({ length: 12 }, (_, i) => addDays(TUESDAY, 7 * i));

const REFERENCE = /^[2-9A-HJ-NP-Z]{8}$/;

describe.each(testBackends())("front desk on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let adminId: number;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    const signed = await h.tokensFor(newPhone(), { admin: true });
    admin = signed.access;
    adminId = signed.userId;
    await signInAdmin(h);
  });
  afterAll(async () => h.close());

  const rows = <T>(query: ReturnType<typeof sql>) => sqlRows<T>(h, query);
  const player = async () => h.tokensFor(newPhone());
  const staffBook = (body: Record<string, unknown>, headers: Record<string, string> = {}, lang?: string) =>
    h.request("/api/admin/bookings/", authed(admin, json(body, headers), lang));
  const book = (token: string, body: Record<string, unknown>) => h.request("/api/bookings/", authed(token, json(body)));
  const move = (token: string, id: number, body: Record<string, unknown>, lang?: string) =>
    h.request(`/api/bookings/${id}/`, authed(token, patch(body), lang));
  const adminMove = (id: number, body: Record<string, unknown>) => h.request(`/api/admin/bookings/${id}/`, authed(admin, patch(body)));
  const detail = async (id: number) =>
    AdminBookingDetailSchema.parse(await (await h.request(`/api/admin/bookings/${id}/`, authed(admin))).json());
  /** A venue open 08:00-23:00 with two courts; returns its id and the courts' ids. */
  const venue = async (over: Record<string, unknown> = {}) => {
    const id = await createVenue(h, admin, {
      opening_time: "08:00",
      closing_time: "23:00",
      price_per_hour: "100000",
      units: [
        { name: { ru: "Корт 1", en: "Court 1" }, kind: "court" },
        { name: { ru: "Корт 2", en: "Court 2" }, kind: "court" },
      ],
      ...over,
    });
    const read = VenueSchema.parse(await (await h.request(`/api/venues/${id}/`)).json());
    const [c1, c2] = read.units.map((u) => u.id) as [number, number];
    return { id, c1, c2 };
  };

  describe("staff bookings", () => {
    it("books a walk-in by phone: a new unverified customer, confirmed, source staff, a reference, the admin in the history", async () => {
      const v = await venue();
      const phone = newPhone();
      const res = await staffBook({
        venue_id: v.id,
        unit_id: v.c1,
        booking_date: TODAY,
        start_time: "10:00",
        end_time: "11:00",
        phone,
        name: "Aziz",
        note: "pays cash",
      });
      expect(res.status).toBe(201);
      const b = AdminBookingDetailSchema.parse(await res.json());
      expect(b).toMatchObject({ status: "confirmed", source: "staff", note: "pays cash", series_id: null, user: { phone } });
      expect(b.reference).toMatch(REFERENCE);
      expect(b.history).toEqual([
        expect.objectContaining({ event: "created", to_status: "confirmed", actor: "admin", actor_user_id: adminId }),
      ]);
      const [user] = await rows<{ name: string; is_verified: boolean }>(sql`select name, is_verified from users where phone = ${phone}`);
      expect(user).toEqual({ name: "Aziz", is_verified: false });

      // found by its reference, in any case
      for (const ref of [b.reference, b.reference.toLowerCase()]) {
        const found = pageSchema(AdminBookingSchema, "P").parse(
          await (await h.request(`/api/admin/bookings/?reference=${ref}`, authed(admin))).json(),
        );
        expect(found.results.map((x) => x.id)).toEqual([b.id]);
      }

      // the customer signs in later and sees it as theirs
      const mine = await h.tokensFor(phone);
      const own = BookingSchema.parse(await (await h.request(`/api/bookings/${b.id}/`, authed(mine.access))).json());
      expect(own).toMatchObject({ id: b.id, source: "staff", reference: b.reference });
    });

    it("passes the venue's notice and horizon and the player's limit, but not its hours or a clash", async () => {
      const v = await venue({ policy: { min_notice_minutes: 120, horizon_days: 7, max_live_bookings_per_user: 1 } });
      const phone = newPhone();
      // in an hour, and 100 days ahead: a player may not, staff may (twice: the player's limit of 1 is not theirs)
      const soon = { venue_id: v.id, unit_id: v.c1, booking_date: TODAY, start_time: "11:00", end_time: "12:00" };
      const { access } = await h.tokensFor(phone);
      expect((await problem(await book(access, soon))).code).toBe("TOO_SOON");
      expect((await staffBook({ ...soon, phone })).status).toBe(201);
      const far = { venue_id: v.id, booking_date: addDays(TODAY, 100), start_time: "18:00", end_time: "19:00" };
      expect((await problem(await book(access, far))).code).toBe("TOO_FAR_AHEAD");
      const pending = await staffBook({ ...far, phone, status: "pending" });
      expect(pending.status).toBe(201);
      expect(AdminBookingDetailSchema.parse(await pending.json()).status).toBe("pending");
      // hours and clashes hold for staff too: the second court takes the next booking, a third finds none
      const outside = await staffBook({ ...far, start_time: "06:00", end_time: "07:00", phone });
      expect(outside.status).toBe(400);
      expect((await problem(outside)).code).toBe("OUTSIDE_HOURS");
      expect((await staffBook({ ...far, phone: newPhone() })).status).toBe(201);
      const third = await staffBook({ ...far, phone: newPhone() }, {}, "ru");
      expect(third.status).toBe(409);
      expect(await problem(third)).toMatchObject({ code: "SLOT_TAKEN", detail: "Это время уже забронировано." });
    });

    it("answers a retry with the same Idempotency-Key with the first booking, and refuses a deactivated customer", async () => {
      const v = await venue();
      const phone = newPhone();
      const body = { venue_id: v.id, booking_date: addDays(TODAY, 2), start_time: "12:00", end_time: "13:00", phone };
      const key = { "idempotency-key": `desk-${Math.random()}` };
      const first = AdminBookingDetailSchema.parse(await (await staffBook(body, key)).json());
      const again = await staffBook(body, key);
      expect(again.status).toBe(201);
      expect(AdminBookingDetailSchema.parse(await again.json()).id).toBe(first.id);
      expect((await problem(await staffBook({ ...body, phone: newPhone() }, key))).code).toBe("IDEMPOTENCY_KEY_REUSED");

      const [user] = await rows<{ id: number }>(sql`select id from users where phone = ${phone}`);
      await h.request(`/api/admin/users/${user!.id}/`, authed(admin, patch({ is_active: false })));
      const refused = await staffBook({ ...body, start_time: "14:00", end_time: "15:00" });
      expect(refused.status).toBe(409);
      expect((await problem(refused)).code).toBe("CUSTOMER_INACTIVE");
    });

    it("takes a player's note, up to 500 characters", async () => {
      const v = await venue();
      const { access } = await player();
      const at = { venue_id: v.id, booking_date: addDays(TODAY, 3), start_time: "12:00", end_time: "13:00" };
      const made = BookingSchema.parse(await (await book(access, { ...at, note: "  we bring a ball  " })).json());
      expect(made).toMatchObject({ note: "we bring a ball", source: "app" });
      expect(made.reference).toMatch(REFERENCE);
      // a retry under the same key with another note is another request
      const key = { "idempotency-key": `note-${Math.random()}` };
      const at2 = { ...at, start_time: "16:00", end_time: "17:00" };
      expect((await h.request("/api/bookings/", authed(access, json({ ...at2, note: "one" }, key)))).status).toBe(201);
      const other = await h.request("/api/bookings/", authed(access, json({ ...at2, note: "two" }, key)));
      expect(other.status).toBe(422);
      const long = await book(access, { ...at, start_time: "14:00", end_time: "15:00", note: "x".repeat(501) });
      expect(long.status).toBe(400);
      expect((await problem(long)).errors?.[0]?.field).toBe("note");
    });
  });

  describe("moving a booking", () => {
    it("the owner moves it one hour later: repriced, the old hour free, a rescheduled row with both places", async () => {
      const v = await venue({
        price_rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start_time: "19:00", end_time: "23:00", price_per_hour: "150000" }],
      });
      const me = await player();
      const date = addDays(TODAY, 4);
      const made = BookingSchema.parse(
        await (await book(me.access, { venue_id: v.id, unit_id: v.c1, booking_date: date, start_time: "18:00", end_time: "20:00" })).json(),
      );
      expect(made.total_price).toBe("250000.00");
      const res = await move(me.access, made.id, { start_time: "19:00" });
      expect(res.status).toBe(200);
      const moved = BookingSchema.parse(await res.json());
      expect(moved).toMatchObject({ id: made.id, start_time: "19:00", end_time: "21:00", total_price: "300000.00", status: "pending" });
      expect(moved.reference).toBe(made.reference);
      const history = (await detail(made.id)).history;
      expect(history.at(-1)).toMatchObject({
        event: "rescheduled",
        from_status: "pending",
        to_status: "pending",
        actor: "user",
        actor_user_id: me.userId,
        details: {
          from: { booking_date: date, start_time: "18:00", end_time: "20:00", unit_id: v.c1, total_price: "250000.00" },
          to: { booking_date: date, start_time: "19:00", end_time: "21:00", unit_id: v.c1, total_price: "300000.00" },
        },
      });
      // 18:00-19:00 is free again, 20:00-21:00 is not
      const other = await player();
      const at = { venue_id: v.id, unit_id: v.c1, booking_date: date };
      expect((await book(other.access, { ...at, start_time: "18:00", end_time: "19:00" })).status).toBe(201);
      expect((await book(other.access, { ...at, start_time: "20:00", end_time: "21:00" })).status).toBe(409);
      // moving to where it is changes nothing
      expect((await move(me.access, made.id, { start_time: "19:00", end_time: "21:00" })).status).toBe(200);
      expect((await detail(made.id)).history).toHaveLength(history.length);
    });

    it("a refused move leaves the booking, its price and its history exactly as they were", async () => {
      const v = await venue();
      const me = await player();
      const date = addDays(TODAY, 5);
      const at = { venue_id: v.id, unit_id: v.c1, booking_date: date };
      const mine = BookingSchema.parse(await (await book(me.access, { ...at, start_time: "10:00", end_time: "11:00" })).json());
      const other = await player();
      expect((await book(other.access, { ...at, start_time: "12:00", end_time: "13:00" })).status).toBe(201);
      const snapshot = () =>
        rows(sql`select booking_date::text, start_time::text, end_time::text, unit_id, total_price::text, price_breakdown, updated_at::text,
                        (select count(*)::int from booking_events e where e.booking_id = b.id) as events,
                        (select count(*)::int from unit_claims c where c.booking_id = b.id) as claims
                   from bookings b where id = ${mine.id}`);
      const before = await snapshot();
      const taken = await move(me.access, mine.id, { start_time: "12:00", end_time: "13:00" }, "en");
      expect(taken.status).toBe(409);
      expect(await problem(taken)).toMatchObject({ code: "SLOT_TAKEN", detail: "This time is already booked." });
      const outside = await move(me.access, mine.id, { start_time: "22:00", end_time: "00:00" });
      expect((await problem(outside)).code).toBe("OUTSIDE_HOURS");
      const noUnit = await move(me.access, mine.id, { unit_id: 999_999 });
      expect((await problem(noUnit)).code).toBe("UNIT_NOT_FOUND");
      expect(await snapshot()).toEqual(before);
      // someone else's booking looks absent
      expect((await move(other.access, mine.id, { start_time: "15:00" })).status).toBe(404);
      // an empty move says what to send
      const empty = await move(me.access, mine.id, {});
      expect(empty.status).toBe(400);
    });

    it("a player moves only within the cancellation window and only a live hourly booking; staff move until it ends", async () => {
      const v = await venue({ policy: { cancel_until_minutes: 180 } });
      const me = await player();
      const at = { venue_id: v.id, unit_id: v.c1, booking_date: TODAY };
      // starts at 12:00, two hours from now: inside the 3-hour window
      const soon = BookingSchema.parse(await (await book(me.access, { ...at, start_time: "12:00", end_time: "13:00" })).json());
      const late = await move(me.access, soon.id, { start_time: "15:00" });
      expect(late.status).toBe(409);
      expect((await problem(late)).code).toBe("MOVE_TOO_LATE");
      // staff may, even to a date past the player's horizon, and to the other court
      const far = addDays(TODAY, 200);
      const res = await adminMove(soon.id, { booking_date: far, unit_id: v.c2 });
      expect(res.status).toBe(200);
      const moved = AdminBookingDetailSchema.parse(await res.json());
      expect(moved).toMatchObject({ booking_date: far, start_time: "12:00", end_time: "13:00", unit: { id: v.c2 } });
      expect(moved.history.at(-1)).toMatchObject({ event: "rescheduled", actor: "admin", actor_user_id: adminId });
      // a reason goes into the history row
      expect((await adminMove(soon.id, { start_time: "13:00", end_time: "14:00", reason: "the customer called" })).status).toBe(200);
      expect((await detail(soon.id)).history.at(-1)).toMatchObject({ event: "rescheduled", reason: "the customer called" });
      // a status and a move at once are refused
      const both = await adminMove(soon.id, { status: "confirmed", start_time: "13:00" });
      expect(both.status).toBe(400);
      // a cancelled booking does not move
      expect((await adminMove(soon.id, { status: "cancelled" })).status).toBe(200);
      const dead = await adminMove(soon.id, { start_time: "14:00" });
      expect(dead.status).toBe(409);
      expect((await problem(dead)).code).toBe("BOOKING_NOT_MOVABLE");
    });

    it("refuses a move whose new total would not fit, as a new booking would", async () => {
      const v = await venue({ units: [{ name: { ru: "Бассейн", en: "Pool" }, kind: "lane", capacity: 1000, price_per_hour: "5000000" }] });
      const poolId = VenueSchema.parse(await (await h.request(`/api/venues/${v.id}/`)).json()).units[0]!.id;
      const at = { venue_id: v.id, unit_id: poolId, booking_date: addDays(TODAY, 2), phone: newPhone(), places: 1000 };
      const made = AdminBookingDetailSchema.parse(await (await staffBook({ ...at, start_time: "10:00", end_time: "11:00" })).json());
      expect(made.total_price).toBe("5000000000.00");
      const res = await adminMove(made.id, { end_time: "13:00" });
      expect(res.status).toBe(400);
      expect((await problem(res)).code).toBe("TOTAL_TOO_HIGH");
      expect((await detail(made.id)).end_time).toBe("11:00");
    });

    it("moves across midnight on a venue open late, and clashes by real time whatever the business day", async () => {
      const v = await venue({
        weekly_hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opening_time: "18:00", closing_time: "02:00" })),
      });
      const date = addDays(TODAY, 6);
      const me = await player();
      const b = BookingSchema.parse(
        await (await book(me.access, { venue_id: v.id, unit_id: v.c1, booking_date: date, start_time: "20:00", end_time: "21:00" })).json(),
      );
      const res = await move(me.access, b.id, { start_time: "01:00", end_time: "02:00" });
      expect(res.status).toBe(200);
      expect(BookingSchema.parse(await res.json())).toMatchObject({ booking_date: date, start_time: "01:00", after_midnight: true });
      // the next business day's evening does not reach it; its own small hours are taken
      const other = await player();
      expect(
        (await book(other.access, { venue_id: v.id, unit_id: v.c1, booking_date: date, start_time: "01:00", end_time: "02:00" })).status,
      ).toBe(409);
      const [{ during }] = (await rows<{ during: string }>(sql`select during::text from bookings where id = ${b.id}`)) as [
        { during: string },
      ];
      expect(during).toBe(`["${addDays(date, 1)} 01:00:00","${addDays(date, 1)} 02:00:00")`);
    });
  });

  describe("moves racing", () => {
    it("two staff members moving two bookings at once: both move or one gets 409, never an overlap, never a lost booking", async () => {
      const v = await venue();
      const rounds = 12;
      const outcomes = new Set<string>();
      for (let i = 0; i < rounds; i++) {
        const date = addDays(TODAY, 10 + i);
        const at = { venue_id: v.id, unit_id: v.c1, booking_date: date };
        const one = AdminBookingDetailSchema.parse(
          await (await staffBook({ ...at, start_time: "18:00", end_time: "19:00", phone: newPhone() })).json(),
        );
        const two = AdminBookingDetailSchema.parse(
          await (await staffBook({ ...at, start_time: "19:00", end_time: "20:00", phone: newPhone() })).json(),
        );
        // one into two's old hour, two out of it; and a swap attempt on the other court
        const [a, b] = await Promise.all([
          adminMove(one.id, { start_time: "19:00", end_time: "20:00" }),
          adminMove(two.id, { start_time: "20:00", end_time: "21:00" }),
        ]);
        outcomes.add(`${a.status}/${b.status}`);
        expect(b.status).toBe(200);
        expect([200, 409]).toContain(a.status);
        if (a.status === 409) expect((await problem(a)).code).toBe("SLOT_TAKEN");
        // a swap on the other court: each target is held by the other until it moves, so neither moves
        const other = { ...at, unit_id: v.c2 };
        const three = AdminBookingDetailSchema.parse(
          await (await staffBook({ ...other, start_time: "10:00", end_time: "11:00", phone: newPhone() })).json(),
        );
        const four = AdminBookingDetailSchema.parse(
          await (await staffBook({ ...other, start_time: "11:00", end_time: "12:00", phone: newPhone() })).json(),
        );
        const swap = await Promise.all([
          adminMove(three.id, { start_time: "11:00", end_time: "12:00" }),
          adminMove(four.id, { start_time: "10:00", end_time: "11:00" }),
        ]);
        expect(swap.map((r) => r.status)).toEqual([409, 409]);
      }
      const overlaps = await rows<{ n: number }>(sql`
        select count(*)::int as n from bookings x join bookings y on x.id < y.id and x.unit_id = y.unit_id
         where x.venue_id = ${v.id} and y.venue_id = ${v.id} and x.status in ('pending', 'confirmed') and y.status in ('pending', 'confirmed')
           and x.during && y.during`);
      expect(overlaps).toEqual([{ n: 0 }]);
      const live = await rows<{ n: number }>(
        sql`select count(*)::int as n from bookings where venue_id = ${v.id} and status in ('pending', 'confirmed')`,
      );
      expect(live).toEqual([{ n: rounds * 4 }]);
      // each booking's claim matches its time
      const stray = await rows<{ n: number }>(sql`
        select count(*)::int as n from bookings b join unit_claims c on c.booking_id = b.id
         where b.venue_id = ${v.id} and c.during <> b.during`);
      expect(stray).toEqual([{ n: 0 }]);
      expect([...outcomes].every((o) => o === "200/200" || o === "409/200")).toBe(true);
    });

    it("a player's cancel racing an admin's move into the cancellation window never cancels inside it", async () => {
      const rounds = 10;
      const v = await venue({
        policy: { cancel_until_minutes: 240 },
        units: Array.from({ length: rounds }, (_, i) => ({ name: { ru: `Корт ${i + 1}`, en: `Court ${i + 1}` }, kind: "court" })),
      });
      const units = VenueSchema.parse(await (await h.request(`/api/venues/${v.id}/`)).json()).units.map((u) => u.id);
      for (const unit of units) {
        const me = await player();
        const at = { venue_id: v.id, unit_id: unit, booking_date: addDays(TODAY, 3) };
        const b = BookingSchema.parse(await (await book(me.access, { ...at, start_time: "12:00", end_time: "13:00" })).json());
        // today 12:00-13:00 (two hours away) is inside the 4-hour window
        const [cancel, moved] = await Promise.all([
          h.request(`/api/bookings/${b.id}/cancel/`, authed(me.access, { method: "PATCH" })),
          adminMove(b.id, { booking_date: TODAY }),
        ]);
        expect([200, 409]).toContain(cancel.status);
        expect([200, 409]).toContain(moved.status);
        const [row] = await rows<{ status: string; booking_date: string }>(
          sql`select status, booking_date::text from bookings where id = ${b.id}`,
        );
        // cancelled at the new time would mean the cancel checked the window against the old one
        expect(row?.status === "cancelled" && row.booking_date === TODAY).toBe(false);
      }
    });
  });

  describe("weekly series", () => {
    const seriesBody = (v: { id: number; c1: number }, phone: string, over: Record<string, unknown> = {}) => ({
      venue_id: v.id,
      unit_id: v.c1,
      phone,
      name: "FC Chilonzor",
      weekday: 2,
      start_time: "20:00",
      end_time: "22:00",
      first_date: TODAY,
      weeks: 12,
      ...over,
    });
    const createSeries = (body: Record<string, unknown>, lang?: string) => h.request("/api/admin/series/", authed(admin, json(body), lang));

    it("12 Tuesdays with one taken: fail creates nothing, skip creates 11 and names the date", async () => {
      const v = await venue();
      const phone = newPhone();
      const taken = TUESDAYS[4]!;
      expect(
        (await staffBook({ venue_id: v.id, unit_id: v.c1, booking_date: taken, start_time: "21:00", end_time: "22:00", phone: newPhone() }))
          .status,
      ).toBe(201);

      const failed = await createSeries(seriesBody(v, phone, { on_conflict: "fail" }), "en");
      expect(failed.status).toBe(409);
      const p = await problem(failed);
      expect(p.code).toBe("SERIES_CONFLICTS");
      expect(p.dates).toEqual([{ date: taken, code: "SLOT_TAKEN", message: "This time is already booked." }]);
      const none = await rows<{ n: number }>(sql`
        select (select count(*) from series s join users u on u.id = s.user_id where u.phone = ${phone})::int
             + (select count(*) from bookings b join users u on u.id = b.user_id where u.phone = ${phone})::int as n`);
      expect(none).toEqual([{ n: 0 }]);

      const res = await createSeries(seriesBody(v, phone, { on_conflict: "skip", note: "team of 14" }));
      expect(res.status).toBe(201);
      const made = SeriesCreatedSchema.parse(await res.json());
      expect(made.skipped).toEqual([{ date: taken, code: "SLOT_TAKEN", message: expect.any(String) }]);
      expect(made.bookings.map((b) => b.booking_date)).toEqual(TUESDAYS.filter((d) => d !== taken));
      expect(made).toMatchObject({
        weekday: 2,
        first_date: TUESDAY,
        last_date: TUESDAYS[11],
        live_bookings: 11,
        customer: { phone },
        unit_id: v.c1,
        unit_kind: null,
      });
      for (const b of made.bookings) {
        expect(b).toMatchObject({
          series_id: made.id,
          status: "confirmed",
          source: "staff",
          note: "team of 14",
          start_time: "20:00",
          end_time: "22:00",
        });
      }
      // every occurrence holds its time in the database, the last ones too (past a player's horizon: staff try)
      const lastHour = {
        venue_id: v.id,
        unit_id: v.c1,
        booking_date: TUESDAYS[11],
        start_time: "20:00",
        end_time: "21:00",
        phone: newPhone(),
      };
      const clash = await staffBook(lastHour);
      expect(clash.status).toBe(409);
      expect((await problem(clash)).code).toBe("SLOT_TAKEN");

      // found by phone and by venue; read with its bookings
      const list = pageSchema(SeriesSchema, "P").parse(
        await (await h.request(`/api/admin/series/?phone=${encodeURIComponent(phone)}`, authed(admin))).json(),
      );
      expect(list.results.map((s) => s.id)).toEqual([made.id]);
      const byVenue = pageSchema(SeriesSchema, "P").parse(
        await (await h.request(`/api/admin/series/?venue_id=${v.id}`, authed(admin))).json(),
      );
      expect(byVenue.results.map((s) => s.id)).toEqual([made.id]);
      const read = SeriesDetailSchema.parse(await (await h.request(`/api/admin/series/${made.id}/`, authed(admin))).json());
      expect(read.bookings).toHaveLength(11);

      // cancelled from the 7th Tuesday: six go, with audit rows; the first five stay
      const from = TUESDAYS[6]!;
      const del = await h.request(`/api/admin/series/${made.id}/?from=${from}`, authed(admin, { method: "DELETE" }));
      expect(del.status).toBe(200);
      const after = SeriesCancelledSchema.parse(await del.json());
      expect(after.cancelled).toHaveLength(6);
      expect(after).toMatchObject({ cancelled_from: from, live_bookings: 5 });
      for (const b of after.bookings) expect(b.status).toBe(b.booking_date < from ? "confirmed" : "cancelled");
      const audit = await rows<{ n: number }>(sql`
        select count(*)::int as n from booking_events e join bookings b on b.id = e.booking_id
         where b.series_id = ${made.id} and e.to_status = 'cancelled' and e.reason = 'series cancelled' and e.actor_user_id = ${adminId}`);
      expect(audit).toEqual([{ n: 6 }]);
      const again = SeriesCancelledSchema.parse(
        await (await h.request(`/api/admin/series/${made.id}/?from=${from}`, authed(admin, { method: "DELETE" }))).json(),
      );
      expect(again.cancelled).toEqual([]);
      // the freed Tuesdays can be booked again
      expect((await staffBook(lastHour)).status).toBe(201);
    });

    it("skips closed and out-of-hours dates with their own codes, and runs past the horizon up to 52 weeks", async () => {
      const v = await venue({ policy: { horizon_days: 14 } });
      const closed = TUESDAYS[2]!;
      const close = await h.request(
        `/api/venues/${v.id}/closures/`,
        authed(admin, json({ date: closed, reason: { ru: "Ремонт", en: "Repairs" } })),
      );
      expect(close.status).toBe(201);
      const res = await createSeries(seriesBody(v, newPhone(), { weeks: 52, on_conflict: "skip" }), "en");
      expect(res.status).toBe(201);
      const made = SeriesCreatedSchema.parse(await res.json());
      expect(made.bookings).toHaveLength(51);
      expect(made.skipped).toEqual([{ date: closed, code: "VENUE_CLOSED", message: "The venue is closed at that time: Repairs" }]);
      expect(made.last_date).toBe(addDays(TUESDAY, 7 * 51));

      const late = await createSeries(
        seriesBody(v, newPhone(), { unit_id: v.c2, start_time: "22:00", end_time: "00:00", weeks: 2, on_conflict: "skip" }),
      );
      expect(late.status).toBe(409);
      expect((await problem(late)).dates?.map((d) => d.code)).toEqual(["OUTSIDE_HOURS", "OUTSIDE_HOURS"]);
    });

    it("runs its 52 weeks from a first date a month ahead, and a retry with its Idempotency-Key makes it once", async () => {
      const v = await venue();
      const first = addDays(TUESDAY, 28);
      // either court would do: a twin that found the first court taken would book the second
      const body = seriesBody(v, newPhone(), { first_date: first, weeks: 52, unit_id: undefined });
      const key = { "idempotency-key": `series-${Math.random()}` };
      const send = () => h.request("/api/admin/series/", authed(admin, json(body, key)));
      const [one, two] = await Promise.all([send(), send()]);
      expect([one.status, two.status]).toEqual([201, 201]);
      const a = SeriesCreatedSchema.parse(await one.json());
      const b = SeriesCreatedSchema.parse(await two.json());
      expect(b.id).toBe(a.id);
      expect(a.bookings).toHaveLength(52);
      expect(a.last_date).toBe(addDays(first, 7 * 51));
      const made = await rows<{ n: number }>(sql`select count(*)::int as n from bookings where venue_id = ${v.id}`);
      expect(made).toEqual([{ n: 52 }]);
      const again = await send();
      expect(SeriesCreatedSchema.parse(await again.json()).id).toBe(a.id);
      const changed = await h.request("/api/admin/series/", authed(admin, json({ ...body, weeks: 51 }, key)));
      expect(changed.status).toBe(422);
      // on one unit the twin meets the first one's bookings, and answers it too
      const oneUnit = { ...body, unit_id: v.c1, start_time: "18:00", end_time: "20:00", weeks: 4 };
      const key2 = { "idempotency-key": `series-${Math.random()}` };
      const twins = await Promise.all([0, 1].map(() => h.request("/api/admin/series/", authed(admin, json(oneUnit, key2)))));
      expect(twins.map((r) => r.status)).toEqual([201, 201]);
      const ids = await Promise.all(twins.map(async (r) => SeriesCreatedSchema.parse(await r.json()).id));
      expect(ids[0]).toBe(ids[1]);
    });

    it("cancels from a past date only what has not started: a played and a running occurrence stay", async () => {
      const v = await venue();
      const made = SeriesCreatedSchema.parse(await (await createSeries(seriesBody(v, newPhone(), { weeks: 4 }))).json());
      // 21:00 on the second Tuesday, in Tashkent: the first was played, the second runs until 22:00
      h.setNow(new Date(`${TUESDAYS[1]}T16:00:00Z`));
      try {
        const del = await h.request(`/api/admin/series/${made.id}/?from=${TUESDAY}`, authed(admin, { method: "DELETE" }));
        expect(del.status).toBe(200);
        const after = SeriesCancelledSchema.parse(await del.json());
        expect(after.bookings.map((b) => [b.booking_date, b.status])).toEqual([
          [TUESDAYS[0], "confirmed"],
          [TUESDAYS[1], "confirmed"],
          [TUESDAYS[2], "cancelled"],
          [TUESDAYS[3], "cancelled"],
        ]);
        expect(after.cancelled).toHaveLength(2);
      } finally {
        h.setNow(NOW);
      }
    });

    it("refuses a series that is too long, empty, in the past, or says weeks and last_date both", async () => {
      const v = await venue();
      const phone = newPhone();
      const code = async (over: Record<string, unknown>) => {
        const res = await createSeries(seriesBody(v, phone, over));
        expect(res.status).toBe(400);
        return (await problem(res)).code;
      };
      expect(await code({ weeks: 53 })).toBe("VALIDATION_FAILED");
      expect(await code({ weeks: undefined })).toBe("VALIDATION_FAILED");
      expect(await code({ last_date: addDays(TODAY, 30) })).toBe("VALIDATION_FAILED");
      expect(await code({ weeks: undefined, last_date: addDays(TODAY, 400) })).toBe("SERIES_TOO_LONG");
      expect(await code({ weeks: undefined, first_date: "2026-11-25", last_date: "2026-11-30" })).toBe("SERIES_EMPTY");
      expect(await code({ first_date: "2026-11-10" })).toBe("IN_THE_PAST");
      expect(await code({ first_date: addDays(TODAY, 400) })).toBe("TOO_FAR_AHEAD");
      // what is wrong with every date is said once
      for (const over of [{ unit_id: 999_999 }, { unit_id: undefined, unit_kind: "lane" }]) {
        const res = await createSeries(seriesBody(v, phone, over));
        expect(res.status).toBe(404);
        expect((await problem(res)).code).toBe("UNIT_NOT_FOUND");
      }
      const other = await venue();
      const foreign = await createSeries(seriesBody(v, phone, { unit_id: other.c1 }));
      expect((await problem(foreign)).code).toBe("UNIT_NOT_FOUND");
      const [user] = await rows<{ id: number }>(sql`select id from users where phone = ${phone}`);
      await h.request(`/api/admin/users/${user!.id}/`, authed(admin, patch({ is_active: false })));
      const inactive = await createSeries(seriesBody(v, phone));
      expect(inactive.status).toBe(409);
      expect((await problem(inactive)).code).toBe("CUSTOMER_INACTIVE");
      expect((await h.request("/api/admin/series/999999/", authed(admin))).status).toBe(404);
      expect((await h.request("/api/admin/series/999999/", authed(admin, { method: "DELETE" }))).status).toBe(404);
      // players may not
      const me = await player();
      expect((await h.request("/api/admin/series/", authed(me.access, json(seriesBody(v, phone))))).status).toBe(403);
      expect((await h.request("/api/admin/bookings/", authed(me.access, json({ venue_id: v.id, phone })))).status).toBe(403);
    });
  });

  describe("references", () => {
    it("stay unique under 1,000 creations, 250 in parallel at a time", async () => {
      const v = await venue({
        opening_time: "00:00",
        closing_time: "00:00",
        units: Array.from({ length: 10 }, (_, i) => ({ name: { ru: `Корт ${i + 1}`, en: `Court ${i + 1}` }, kind: "court" })),
      });
      const units = VenueSchema.parse(await (await h.request(`/api/venues/${v.id}/`)).json()).units.map((u) => u.id);
      const phone = newPhone();
      const requests = Array.from({ length: 1000 }, (_, i) => {
        const hour = i % 24;
        return {
          venue_id: v.id,
          unit_id: units[Math.floor(i / 24) % 10],
          booking_date: addDays(TODAY, 1 + Math.floor(i / 240)),
          start_time: `${String(hour).padStart(2, "0")}:00`,
          end_time: `${String((hour + 1) % 24).padStart(2, "0")}:00`,
          phone,
        };
      });
      // in waves, so that the last of a wave queued on the venue's lock is not past the request deadline on a loaded machine
      const statuses: number[] = [];
      for (let i = 0; i < requests.length; i += 250) {
        statuses.push(...(await Promise.all(requests.slice(i, i + 250).map(async (r) => (await staffBook(r)).status))));
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(1000);
      const [stats] = await rows<{ n: number; distinct_refs: number; well_formed: number }>(sql`
        select count(*)::int as n, count(distinct reference)::int as distinct_refs,
               count(*) filter (where reference ~ '^[2-9A-HJ-NP-Z]{8}$')::int as well_formed
          from bookings where venue_id = ${v.id}`);
      expect(stats).toEqual({ n: 1000, distinct_refs: 1000, well_formed: 1000 });
    });

    it("a reference drawn twice is drawn again, and the booking is made", async () => {
      const v = await venue();
      // the next two draws give one code: the second insert meets the unique index and is retried
      const draw = sql.raw(
        "(select string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1), '') from generate_series(1, 8))",
      );
      await h.deps.database.db.execute(sql`create sequence reference_draws`);
      await h.deps.database.db.execute(sql`
        create or replace function booking_reference() returns text language sql volatile as $$
          select case when nextval('reference_draws') <= 2 then 'TWICE222' else ${draw} end
        $$`);
      try {
        const at = { venue_id: v.id, unit_id: v.c1, booking_date: addDays(TODAY, 8), phone: newPhone() };
        const first = AdminBookingDetailSchema.parse(await (await staffBook({ ...at, start_time: "10:00", end_time: "11:00" })).json());
        const second = await staffBook({ ...at, start_time: "11:00", end_time: "12:00" });
        expect(second.status).toBe(201);
        const made = AdminBookingDetailSchema.parse(await second.json());
        expect(first.reference).toBe("TWICE222");
        expect(made.reference).toMatch(REFERENCE);
        expect(made.reference).not.toBe("TWICE222");
      } finally {
        await h.deps.database.db.execute(
          sql`create or replace function booking_reference() returns text language sql volatile as $$ select ${draw} $$`,
        );
      }
    });
  });
});
