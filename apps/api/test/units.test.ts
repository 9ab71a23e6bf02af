import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminBookingDetailSchema,
  AvailabilitySchema,
  AdminUnitSchema,
  BookingSchema,
  VenueAllLanguagesSchema,
  VenueSchema,
} from "@venue-booking/contract";
import { sql } from "drizzle-orm";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem, signInAdmin, sqlRows } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const DAY = "2026-11-26";

const courts = [1, 2, 3, 4].map((n) => ({ name: { ru: `Корт ${n}`, uz: `${n}-kort`, en: `Court ${n}` }, kind: "court" }));

describe.each(testBackends())("units on $name", (backend) => {
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
    h.request("/api/bookings/", authed(token, json({ booking_date: DAY, start_time: "18:00", end_time: "19:00", ...body }), lang));
  const addUnit = async (venueId: number, body: Record<string, unknown>) => {
    const res = await h.request(`/api/venues/${venueId}/units/`, authed(admin, json(body)));
    expect(res.status).toBe(201);
    return AdminUnitSchema.parse(await res.json());
  };
  const day = async (venueId: number, query = "") => {
    const res = await h.request(`/api/venues/${venueId}/availability/?date=${DAY}${query}`);
    expect(res.status).toBe(200);
    return AvailabilitySchema.parse(await res.json());
  };
  const rows = <T>(query: ReturnType<typeof sql>) => sqlRows<T>(h, query);

  /** A venue with the given units (through the create body); returns its id and unit ids in order. */
  async function venueWith(units: Record<string, unknown>[], over: Record<string, unknown> = {}) {
    const venueId = await createVenue(h, admin, { units, ...over });
    const venue = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`)).json());
    return { venueId, unitIds: venue.units.map((u) => u.id) };
  }

  /** A venue with halves A and B and a full pitch combining them. */
  async function pitch() {
    const { venueId, unitIds } = await venueWith([
      { name: { ru: "Половина A", en: "Half A" }, kind: "pitch" },
      { name: { ru: "Половина B", en: "Half B" }, kind: "pitch" },
    ]);
    const [a, b] = unitIds as [number, number];
    const full = await addUnit(venueId, { name: { ru: "Всё поле", en: "Full pitch" }, kind: "pitch", contains: [b, a] });
    return { venueId, a, b, full: full.id };
  }

  describe("venues and their units", () => {
    it("a venue created without units gets one exclusive unit named after it; reads show active units", async () => {
      const venueId = await createVenue(h, admin);
      const venue = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`, { headers: { "accept-language": "en" } })).json());
      expect(venue.units).toEqual([
        {
          id: expect.any(Number) as number,
          name: "Test Stadium",
          kind: null,
          capacity: 1,
          price_per_hour: null,
          contains: [],
          sort_order: 0,
        },
      ]);
      const list = (await (await h.request(`/api/venues/?search=${encodeURIComponent("Стадион Тест")}`)).json()) as {
        results: { id: number; units: unknown[] }[];
      };
      expect(list.results.find((v) => v.id === venueId)?.units).toHaveLength(1);
    });

    it("admins add, change and deactivate units; translations=all shows every unit in every language", async () => {
      const { venueId, unitIds } = await venueWith(courts);
      expect(unitIds).toHaveLength(4);
      const res = await h.request(
        `/api/venues/${venueId}/units/${unitIds[3]}/`,
        authed(admin, patch({ name: { ru: "Центральный корт", en: "Centre court" }, price_per_hour: "90000", sort_order: -1 }), "en"),
      );
      expect(res.status).toBe(200);
      expect(AdminUnitSchema.parse(await res.json())).toMatchObject({
        id: unitIds[3],
        is_active: true,
        name: "Centre court",
        price_per_hour: "90000.00",
        sort_order: -1,
      });
      expect((await h.request(`/api/venues/${venueId}/units/${unitIds[0]}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
      const pub = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`)).json());
      expect(pub.units.map((u) => u.id)).toEqual([unitIds[3], unitIds[1], unitIds[2]]);
      const all = VenueAllLanguagesSchema.parse(await (await h.request(`/api/venues/${venueId}/?translations=all`, authed(admin))).json());
      expect(all.units.map((u) => [u.id, u.is_active])).toEqual([
        [unitIds[3], true],
        [unitIds[0], false],
        [unitIds[1], true],
        [unitIds[2], true],
      ]);
      expect(all.units[0]?.name).toEqual({ ru: "Центральный корт", en: "Centre court" });
    });

    it("the last active unit stays; unknown units are 404; players may not touch units", async () => {
      const venueId = await createVenue(h, admin);
      const [unit] = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`)).json()).units;
      const last = await h.request(`/api/venues/${venueId}/units/${unit!.id}/`, authed(admin, { method: "DELETE" }, "en"));
      expect(last.status).toBe(409);
      expect(await problem(last)).toMatchObject({
        code: "LAST_UNIT",
        detail: "This is the venue's last active unit: a venue keeps at least one.",
      });
      const other = await createVenue(h, admin);
      expect((await h.request(`/api/venues/${other}/units/${unit!.id}/`, authed(admin, patch({ kind: "x" })))).status).toBe(404);
      expect((await h.request(`/api/venues/999999/units/`, authed(admin, json({ name: { ru: "X" } })))).status).toBe(404);
      expect((await h.request(`/api/venues/${venueId}/units/`, authed(await player(), json({ name: { ru: "X" } })))).status).toBe(403);
    });

    it("a venue keeps a plain unit; a combined unit with a part out of service is not offered", async () => {
      const { venueId, a, b, full } = await pitch();
      const remove = (unit: number) => h.request(`/api/venues/${venueId}/units/${unit}/`, authed(admin, { method: "DELETE" }));
      expect((await remove(a)).status).toBe(204);
      // the full pitch alone could take no booking without its id
      const last = await remove(b);
      expect(last.status).toBe(409);
      expect((await problem(last)).code).toBe("LAST_UNIT");
      const venue = VenueSchema.parse(await (await h.request(`/api/venues/${venueId}/`)).json());
      expect(venue.units.map((u) => u.id)).toEqual([b]);
      expect((await day(venueId)).units.map((u) => u.id)).toEqual([b]);
      const token = await player();
      const whole = await book(token, { venue_id: venueId, unit_id: full });
      expect(whole.status).toBe(404);
      expect((await problem(whole)).code).toBe("UNIT_NOT_FOUND");
      expect(BookingSchema.parse(await (await book(token, { venue_id: venueId })).json()).unit.id).toBe(b);
      // back in service, the full pitch is offered again (and taken through half B)
      expect((await h.request(`/api/venues/${venueId}/units/${a}/`, authed(admin, patch({ is_active: true })))).status).toBe(200);
      expect((await problem(await book(token, { venue_id: venueId, unit_id: full }))).code).toBe("SLOT_TAKEN");
    });

    it("refuses combinations that are not two or more exclusive plain units of the venue", async () => {
      const { venueId, a, b, full } = await pitch();
      const pool = await addUnit(venueId, { name: { ru: "Зал" }, capacity: 10 });
      const elsewhere = (await venueWith([{ name: { ru: "Чужой" } }])).unitIds[0]!;
      for (const contains of [[a], [a, a], [a, pool.id], [a, full], [a, elsewhere]]) {
        const res = await h.request(`/api/venues/${venueId}/units/`, authed(admin, json({ name: { ru: "Комбо" }, contains })));
        expect(res.status, JSON.stringify(contains)).toBe(400);
        expect((await problem(res)).code).toBe("INVALID_CONTAINS");
      }
      const pooledCombo = await h.request(
        `/api/venues/${venueId}/units/`,
        authed(admin, json({ name: { ru: "Комбо" }, contains: [a, b], capacity: 2 })),
      );
      expect((await problem(pooledCombo)).code).toBe("INVALID_CONTAINS");
      // a part of a combined unit stays exclusive
      const poolPart = await h.request(`/api/venues/${venueId}/units/${a}/`, authed(admin, patch({ capacity: 5 })));
      expect((await problem(poolPart)).code).toBe("INVALID_CONTAINS");
    });
  });

  describe("booking units", () => {
    it("books any free court four times, then refuses the fifth; each court once", async () => {
      const { venueId, unitIds } = await venueWith(courts);
      const made: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await book(await player(), { venue_id: venueId }, "en");
        expect(res.status).toBe(201);
        const b = BookingSchema.parse(await res.json());
        expect(b).toMatchObject({ unit: { name: `Court ${i + 1}` }, places: 1, total_price: "150000.00" });
        made.push(b.unit.id);
      }
      expect(made).toEqual(unitIds);
      const fifth = await book(await player(), { venue_id: venueId });
      expect(fifth.status).toBe(409);
      expect((await problem(fifth)).code).toBe("SLOT_TAKEN");
      const d = await day(venueId);
      expect(d.slots.find((s) => s.start_time === "18:00")).toMatchObject({
        start_time: "18:00",
        end_time: "19:00",
        available: false,
        free_units: 0,
        total_units: 4,
        closed: false,
      });
      expect(d.slots.find((s) => s.start_time === "17:00")).toMatchObject({ available: true, free_units: 4 });
      expect(d.units.map((u) => u.free_ranges)).toEqual(
        Array(4).fill([
          { start_time: "09:00", end_time: "18:00" },
          { start_time: "19:00", end_time: "22:00" },
        ]),
      );
    });

    it("a chosen unit or kind: that unit or 409, only that kind, unknown ones 404", async () => {
      const { venueId, unitIds } = await venueWith([...courts.slice(0, 2), { name: { ru: "Зал" }, kind: "hall" }]);
      const token = await player();
      const chosen = BookingSchema.parse(await (await book(token, { venue_id: venueId, unit_id: unitIds[1] })).json());
      expect(chosen.unit.id).toBe(unitIds[1]);
      expect((await problem(await book(token, { venue_id: venueId, unit_id: unitIds[1] }))).code).toBe("SLOT_TAKEN");
      const hall = BookingSchema.parse(await (await book(token, { venue_id: venueId, unit_kind: "hall" })).json());
      expect(hall.unit.id).toBe(unitIds[2]);
      expect((await problem(await book(token, { venue_id: venueId, unit_kind: "hall" }))).code).toBe("SLOT_TAKEN");
      const lane = await book(token, { venue_id: venueId, unit_kind: "lane" });
      expect(lane.status).toBe(404);
      expect(await problem(lane)).toMatchObject({ code: "UNIT_NOT_FOUND" });
      expect((await book(token, { venue_id: venueId, unit_id: 999_999 })).status).toBe(404);
      // a unit of another venue is not this venue's
      const other = (await venueWith([{ name: { ru: "Другой" } }])).unitIds[0];
      expect((await book(token, { venue_id: venueId, unit_id: other })).status).toBe(404);
      // the narrowed day shows one unit
      const one = await day(venueId, `&unit_id=${unitIds[1]}`);
      expect(one.units.map((u) => u.id)).toEqual([unitIds[1]]);
      expect(one.slots.find((s) => s.start_time === "18:00")).toMatchObject({ available: false, total_units: 1 });
      expect((await h.request(`/api/venues/${venueId}/availability/?date=${DAY}&unit_id=${other}`)).status).toBe(404);
    });

    it("the full pitch takes both halves; a half blocks the full pitch; cancelling frees them", async () => {
      const { venueId, a, b, full } = await pitch();
      const token = await player();
      const whole = BookingSchema.parse(await (await book(token, { venue_id: venueId, unit_id: full })).json());
      for (const half of [a, b]) expect((await problem(await book(token, { venue_id: venueId, unit_id: half }))).code).toBe("SLOT_TAKEN");
      // "any free unit" never picks the combined unit, and both halves are taken through it
      expect((await book(token, { venue_id: venueId })).status).toBe(409);
      const d = await day(venueId);
      expect(d.units.map((u) => [u.id, u.slots.find((s) => s.start_time === "18:00")?.available])).toEqual([
        [a, false],
        [b, false],
        [full, false],
      ]);
      // the full pitch may not let go of a half its booking holds
      const shrink = await h.request(`/api/venues/${venueId}/units/${full}/`, authed(admin, patch({ contains: [] })));
      expect(shrink.status).toBe(409);
      expect((await problem(shrink)).code).toBe("UNIT_IN_USE");
      expect((await h.request(`/api/bookings/${whole.id}/cancel/`, authed(token, { method: "PATCH" }))).status).toBe(200);
      const half = BookingSchema.parse(await (await book(token, { venue_id: venueId, unit_id: b })).json());
      expect(half.unit.id).toBe(b);
      expect((await problem(await book(token, { venue_id: venueId, unit_id: full }))).code).toBe("SLOT_TAKEN");
      expect(BookingSchema.parse(await (await book(token, { venue_id: venueId })).json()).unit.id).toBe(a);
    });

    it("pooled places: priced per place, counted, refused when too many or none left", async () => {
      const { venueId, unitIds } = await venueWith([
        { name: { ru: "Тренажёрный зал", en: "Open gym" }, kind: "gym", capacity: 5, price_per_hour: "20000" },
      ]);
      const gym = unitIds[0]!;
      const token = await player();
      const three = BookingSchema.parse(await (await book(token, { venue_id: venueId, places: 3, end_time: "20:00" })).json());
      expect(three).toMatchObject({ unit: { id: gym }, places: 3, total_price: "120000.00" });
      const d = await day(venueId);
      expect(d.slots.find((s) => s.start_time === "18:00")).toMatchObject({ available: true, free_units: 1, places_left: 2 });
      expect(d.units[0]?.slots.find((s) => s.start_time === "19:00")).toMatchObject({ available: true, places_left: 2 });
      const tooMany = await book(token, { venue_id: venueId, places: 6 }, "en");
      expect(tooMany.status).toBe(400);
      expect(await problem(tooMany)).toMatchObject({ code: "PLACES_ABOVE_CAPACITY", detail: "The unit has 5 places in all." });
      const noneLeft = await book(token, { venue_id: venueId, places: 3 });
      expect(noneLeft.status).toBe(409);
      expect((await problem(noneLeft)).code).toBe("NOT_ENOUGH_PLACES");
      expect((await book(token, { venue_id: venueId, places: 2, start_time: "19:00", end_time: "20:00" })).status).toBe(201);
      expect((await day(venueId)).slots.find((s) => s.start_time === "19:00")).toMatchObject({ available: false, places_left: 0 });
      // the counters may not go below what is sold, and the unit may not turn exclusive under live bookings
      const below = await h.request(`/api/venues/${venueId}/units/${gym}/`, authed(admin, patch({ capacity: 4 })));
      expect(below.status).toBe(409);
      expect((await problem(below)).code).toBe("CAPACITY_BELOW_SOLD");
      const exclusive = await h.request(`/api/venues/${venueId}/units/${gym}/`, authed(admin, patch({ capacity: 1 })));
      expect((await problem(exclusive)).code).toBe("UNIT_IN_USE");
      expect((await h.request(`/api/venues/${venueId}/units/${gym}/`, authed(admin, patch({ capacity: 8 })))).status).toBe(200);
      expect((await day(venueId)).slots.find((s) => s.start_time === "19:00")).toMatchObject({ available: true, places_left: 3 });
    });

    it("more than one place is for pooled units only; a total above what can be stored is refused", async () => {
      const venueId = await createVenue(h, admin);
      const res = await book(await player(), { venue_id: venueId, places: 2 });
      expect(res.status).toBe(400);
      expect((await problem(res)).code).toBe("PLACES_ON_EXCLUSIVE_UNIT");
      const { venueId: big } = await venueWith([{ name: { ru: "Арена" }, capacity: 1000, price_per_hour: "10000000" }]);
      const total = await book(await player(), { venue_id: big, places: 1000, start_time: "09:00", end_time: "22:00" });
      expect(total.status).toBe(400);
      expect((await problem(total)).code).toBe("TOTAL_TOO_HIGH");
    });

    it("admins filter bookings by unit and see the unit in the booking's view", async () => {
      const { venueId, unitIds } = await venueWith(courts.slice(0, 2));
      const token = await player();
      const first = BookingSchema.parse(await (await book(token, { venue_id: venueId })).json());
      await book(token, { venue_id: venueId });
      const list = (await (await h.request(`/api/admin/bookings/?unit_id=${unitIds[1]}`, authed(admin))).json()) as {
        results: { unit: { id: number } }[];
      };
      expect(list.results.map((b) => b.unit.id)).toEqual([unitIds[1]]);
      const view = AdminBookingDetailSchema.parse(await (await h.request(`/api/admin/bookings/${first.id}/`, authed(admin))).json());
      expect(view.unit).toEqual({ id: unitIds[0], name: "Корт 1" });
    });
  });

  // PGlite runs one query at a time; on PostgreSQL these requests really race.
  describe("races", () => {
    it("50 parallel requests for one hour of a 4-court venue: exactly 4 bookings on 4 courts", async () => {
      const { venueId, unitIds } = await venueWith(courts);
      const tokens = await Promise.all(Array.from({ length: 50 }, () => player()));
      const responses = await Promise.all(tokens.map((t) => book(t, { venue_id: venueId })));
      expect(responses.map((r) => r.status).sort()).toEqual([...Array(4).fill(201), ...Array(46).fill(409)]);
      const live = await rows<{ unit_id: number }>(
        sql`select unit_id from bookings where venue_id = ${venueId} and status in ('pending', 'confirmed') order by unit_id`,
      );
      expect(live.map((r) => r.unit_id)).toEqual(unitIds);
    });

    it("50 parallel one-place requests on a pool of 30: exactly 30; counters equal live places", async () => {
      const { venueId, unitIds } = await venueWith([{ name: { ru: "Коворкинг" }, kind: "desk", capacity: 30 }]);
      const tokens = await Promise.all(Array.from({ length: 50 }, () => player()));
      const responses = await Promise.all(tokens.map((t) => book(t, { venue_id: venueId })));
      expect(responses.filter((r) => r.status === 201)).toHaveLength(30);
      for (const r of responses.filter((x) => x.status !== 201)) expect((await problem(r)).code).toBe("NOT_ENOUGH_PLACES");
      const [sold] = await rows<{ n: number }>(
        sql`select coalesce(sum(places), 0)::int as n from bookings where unit_id = ${unitIds[0]} and status in ('pending', 'confirmed')`,
      );
      expect(sold?.n).toBe(30);
      const mismatched = await rows<{ slot_start: string }>(sql`
        select u.slot_start from unit_usage u
         where u.unit_id = ${unitIds[0]}
           and u.used <> (select coalesce(sum(b.places), 0) from bookings b
                           where b.unit_id = u.unit_id and b.status in ('pending', 'confirmed')
                             and b.during && tsrange(u.slot_start, u.slot_start + interval '5 minutes'))`);
      expect(mismatched).toEqual([]);
      const [counters] = await rows<{ n: number }>(
        sql`select count(*)::int as n from unit_usage where unit_id = ${unitIds[0]} and used = 30`,
      );
      // 18:00-19:00 is twelve counters of five minutes, every one full
      expect(counters?.n).toBe(12);
    });

    it("the full pitch and its halves racing, 20 rounds: never both", async () => {
      const { venueId, a, b, full } = await pitch();
      const tokens = await Promise.all(Array.from({ length: 6 }, () => player()));
      for (let round = 0; round < 20; round++) {
        const date = `2026-12-${String(round + 1).padStart(2, "0")}`;
        const wants = [full, a, b, full, a, b];
        const responses = await Promise.all(
          wants.map((unit, i) => book(tokens[i]!, { venue_id: venueId, unit_id: unit, booking_date: date })),
        );
        const won = wants.filter((_, i) => responses[i]!.status === 201);
        expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
        expect(won.length === 1 && won[0] === full ? true : won.length >= 1 && !won.includes(full)).toBe(true);
        expect(new Set(won).size).toBe(won.length);
      }
      const clashes = await rows<{ n: number }>(sql`
        select count(*)::int as n from bookings f join bookings p
          on p.venue_id = f.venue_id and p.id <> f.id and p.during && f.during
         where f.unit_id = ${full} and p.unit_id in (${a}, ${b})
           and f.status in ('pending', 'confirmed') and p.status in ('pending', 'confirmed')`);
      expect(clashes[0]?.n).toBe(0);
    });
  });
});
