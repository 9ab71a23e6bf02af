// "Free at" search against the per-venue check it stands for: over random venues (hours past
// midnight, closed weekdays, grids, units and pools), random bookings and closures, and random
// ranges, the one-statement search lists exactly the venues whose own availability has a unit a
// booking without unit_id could take for the whole range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AvailabilitySchema, VenueSchema } from "@venue-booking/contract";
import type { Availability } from "@venue-booking/contract";
import { addDays, MINUTES_PER_DAY, parseTime } from "@venue-booking/core";
import fc from "fast-check";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, signInAdmin } from "./helpers.ts";

// 10:00 in Tashkent on Saturday 2026-11-21.
const NOW = new Date("2026-11-21T05:00:00Z");
const TODAY = "2026-11-21";
const DAYS = 4;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const hoursArb = fc.constantFrom(["09:00", "22:00"], ["18:00", "02:00"], ["00:00", "00:00"], ["08:00", "23:30"], ["07:00", "01:00"]);
const venueArb = fc.record({
  hours: hoursArb,
  // some venues open only on some weekdays, with their own hours
  // (open on Saturdays, today, where the notice tells)
  week: fc.option(
    fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }).map((days) => [...new Set([6, ...days])]),
    { nil: undefined },
  ),
  slot: fc.constantFrom(30, 60, 90),
  units: fc.array(fc.record({ kind: fc.constantFrom("court", "pitch"), capacity: fc.constantFrom(1, 1, 1, 3) }), {
    minLength: 1,
    maxLength: 3,
  }),
  notice: fc.constantFrom(null, 0, 180, 600),
  horizon: fc.constantFrom(null, 1, 2),
  bookings: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: DAYS - 1 }),
      start: fc.integer({ min: 0, max: 47 }),
      slots: fc.integer({ min: 1, max: 4 }),
    }),
    {
      maxLength: 8,
    },
  ),
  closures: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: DAYS - 1 }),
      start: fc.integer({ min: 0, max: 47 }),
      halfHours: fc.integer({ min: 1, max: 8 }),
      wholeDay: fc.boolean(),
    }),
    {
      maxLength: 2,
    },
  ),
});

describe.each(testBackends())("free-at search on $name", (backend) => {
  let h: Harness;
  let admin: string;
  const tag = `Поиск${Math.random().toString(36).slice(2, 8)}`;
  const venues: { id: number; combined: Set<number> }[] = [];
  /** Each venue's opening and grid: most ranges asked below fall on one venue's grid, as players' do. */
  const grids: { opening: number; slot: number }[] = [];

  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
    const specs = fc.sample(venueArb, { numRuns: 8, seed: 15 });
    for (const [i, spec] of specs.entries()) {
      const [opening, closing] = spec.hours as [string, string];
      grids.push({ opening: parseTime(opening), slot: spec.slot });
      const id = await createVenue(h, admin, {
        name: { ru: `${tag}-${i}` },
        opening_time: opening,
        closing_time: closing,
        slot_minutes: spec.slot,
        units: spec.units.map((u, k) => ({ name: { ru: `U${k}` }, kind: u.kind, capacity: u.capacity })),
        ...(spec.week ? { weekly_hours: spec.week.map((weekday) => ({ weekday, opening_time: opening, closing_time: closing })) } : {}),
        policy: { min_notice_minutes: spec.notice, horizon_days: spec.horizon },
      });
      const read = VenueSchema.parse(await (await h.request(`/api/venues/${id}/`)).json());
      // a combined unit of the first two exclusive units, where there are two
      const plain = read.units.filter((u) => u.capacity === 1).map((u) => u.id);
      const combined = new Set<number>();
      if (plain.length >= 2) {
        const res = await h.request(
          `/api/venues/${id}/units/`,
          authed(admin, json({ name: { ru: "Всё поле" }, kind: "pitch", contains: plain.slice(0, 2) })),
        );
        combined.add(((await res.json()) as { id: number }).id);
      }
      venues.push({ id, combined });
      // bookings the rules let through stand; the others are simply refused
      for (const b of spec.bookings) {
        const start = b.start * 30;
        const body = {
          venue_id: id,
          booking_date: addDays(TODAY, b.day),
          start_time: hhmm(start),
          end_time: hhmm((start + b.slots * spec.slot) % MINUTES_PER_DAY),
          ...(Math.random() < 0.3 && combined.size ? { unit_id: [...combined][0] } : {}),
        };
        await h.request("/api/bookings/", authed((await h.tokensFor(newPhone())).access, json(body)));
      }
      for (const c of spec.closures) {
        const start = c.start * 30;
        const body = c.wholeDay
          ? { date: addDays(TODAY, c.day) }
          : { date: addDays(TODAY, c.day), start_time: hhmm(start), end_time: hhmm((start + c.halfHours * 30) % MINUTES_PER_DAY) };
        await h.request(`/api/venues/${id}/closures/`, authed(admin, json({ ...body, cancel_bookings: Math.random() < 0.5 })));
      }
    }
  });
  afterAll(async () => h.close());

  const dayOf = async (id: number, date: string): Promise<Availability> =>
    AvailabilitySchema.parse(await (await h.request(`/api/venues/${id}/availability/?date=${date}`)).json());

  /** The per-venue check: the venue's own day (and the next, when open around the clock) has a unit free throughout. */
  async function takes(venue: { id: number; combined: Set<number> }, date: string, start: number, end: number): Promise<boolean> {
    const today = await dayOf(venue.id, date);
    if (today.closed || today.opening_time === null || today.closing_time === null) return false;
    const opening = parseTime(today.opening_time);
    let closing = parseTime(today.closing_time);
    if (closing <= opening) closing += MINUTES_PER_DAY;
    // as a booking reads it: a start before the opening of a night past midnight is that night's
    const shift = start < opening && start + MINUTES_PER_DAY < closing ? MINUTES_PER_DAY : 0;
    const s = start + shift;
    const e = (end <= start ? end + MINUTES_PER_DAY : end) + shift;
    const slot = today.slot_minutes;
    if (s < opening || s >= closing || (s - opening) % slot !== 0 || (e - opening) % slot !== 0) return false;
    if (e - s < slot || e - s > closing - opening) return false;
    const minuteOf = (t: string, nextDay: boolean | undefined, base: number) => parseTime(t) + (nextDay ? MINUTES_PER_DAY : 0) + base;
    const slotsByUnit = new Map<number, { start: number; available: boolean }[]>();
    for (const u of today.units)
      slotsByUnit.set(
        u.id,
        u.slots.map((x) => ({ start: minuteOf(x.start_time, parseTime(x.start_time) < opening, 0), available: x.available })),
      );
    if (e > closing) {
      const next = await dayOf(venue.id, addDays(date, 1));
      // on into the next day only where it opens as this one closes, and this day is whole slots
      if (next.closed || next.opening_time === null || parseTime(next.opening_time) + MINUTES_PER_DAY !== closing) return false;
      if ((closing - opening) % slot !== 0) return false;
      let nextClosing = parseTime(next.closing_time ?? "00:00");
      if (nextClosing <= parseTime(next.opening_time)) nextClosing += MINUTES_PER_DAY;
      if (e > nextClosing + MINUTES_PER_DAY) return false;
      const nextOpening = parseTime(next.opening_time);
      for (const u of next.units) {
        const mine = slotsByUnit.get(u.id) ?? [];
        for (const x of u.slots)
          mine.push({ start: minuteOf(x.start_time, parseTime(x.start_time) < nextOpening, MINUTES_PER_DAY), available: x.available });
      }
    }
    return today.units.some((u) => {
      if (venue.combined.has(u.id)) return false;
      const slots = slotsByUnit.get(u.id) ?? [];
      for (let t = s; t < e; t += slot) {
        if (!slots.some((x) => x.start === t && x.available)) return false;
      }
      return true;
    });
  }

  it("lists exactly the venues whose own day says they can take the booking", async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: DAYS - 1 }),
        fc.oneof(
          // on some venue's grid: its k-th slot, n slots long
          {
            weight: 4,
            arbitrary: fc
              .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 3 }))
              .map(([v, k, n]) => {
                const g = grids[v]!;
                return [(g.opening + k * g.slot) % MINUTES_PER_DAY, n * g.slot] as const;
              }),
          },
          // anywhere on the half-hour
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 6 }))
              .map(([half, halves]) => [half * 30, halves * 30] as const),
          },
        ),
        async (day, [start, length]) => {
          const date = addDays(TODAY, day);
          const end = (start + length) % MINUTES_PER_DAY;
          const res = await h.request(
            `/api/venues/?search=${encodeURIComponent(tag)}&date=${date}&start_time=${hhmm(start)}&end_time=${hhmm(end)}`,
          );
          expect(res.status).toBe(200);
          const found = ((await res.json()) as { results: { id: number }[] }).results.map((v) => v.id).sort((a, b) => a - b);
          const expected: number[] = [];
          for (const v of venues) if (await takes(v, date, start, end)) expected.push(v.id);
          if (expected.length) nonEmpty++;
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 1515 },
    );
    // the runs were not all empty answers
    expect(nonEmpty).toBeGreaterThan(50);
  });
});
