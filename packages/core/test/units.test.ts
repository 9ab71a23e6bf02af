import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTime } from "../src/calendar.ts";
import { isDomainError } from "../src/errors.ts";
import { multiplyMoney, price } from "../src/money.ts";
import { assertUnitConfig, chooseUnit, claimedUnits, closes, closureHolds, placesLeft, venueDay } from "../src/units.ts";
import type { ClosureSpan, Hold, UnitConfig, UnitSpec, VenueDayInput } from "../src/units.ts";
import type { PriceRule } from "../src/hours.ts";

const t = parseTime;
// 2026-11-21 10:15 in Tashkent (05:15 UTC).
const NOW = new Date("2026-11-21T05:15:00Z");
const hours = { opening: t("09:00"), closing: t("22:00") };

const a: UnitSpec = { id: 1, capacity: 1, contains: [] };
const b: UnitSpec = { id: 2, capacity: 1, contains: [] };
const full: UnitSpec = { id: 3, capacity: 1, contains: [1, 2] };
const pool: UnitSpec = { id: 4, capacity: 5, contains: [] };
const all = new Map([a, b, full, pool].map((u) => [u.id, u]));
const hold = (unitId: number, start: string, end: string, places = 1): Hold => ({ unitId, start: t(start), end: t(end), places });
const range = (start: string, end: string) => ({ start: t(start), end: t(end) });

describe("units", () => {
  it("a combined unit claims its parts; a plain one itself", () => {
    expect(claimedUnits(full)).toEqual([1, 2]);
    expect(claimedUnits(a)).toEqual([1]);
  });

  it("a part's booking blocks the combined unit and the combined unit's blocks both parts", () => {
    const partHeld = [hold(1, "18:00", "19:00")];
    expect(placesLeft(full, range("18:00", "19:00"), partHeld, all)).toBe(0);
    expect(placesLeft(b, range("18:00", "19:00"), partHeld, all)).toBe(1);
    const fullHeld = [hold(3, "18:00", "20:00")];
    expect(placesLeft(a, range("19:00", "20:00"), fullHeld, all)).toBe(0);
    expect(placesLeft(b, range("20:00", "21:00"), fullHeld, all)).toBe(1);
    // holds on pooled units never block exclusive ones
    expect(placesLeft(a, range("18:00", "19:00"), [hold(4, "18:00", "19:00", 5)], all)).toBe(1);
  });

  it("a pool's places left is capacity minus its busiest moment in the range", () => {
    const holds = [hold(4, "18:00", "19:00", 2), hold(4, "19:00", "20:00", 3), hold(4, "18:30", "19:30", 1)];
    expect(placesLeft(pool, range("18:00", "20:00"), holds, all)).toBe(1);
    expect(placesLeft(pool, range("19:30", "20:00"), holds, all)).toBe(2);
    expect(placesLeft(pool, range("20:00", "21:00"), holds, all)).toBe(5);
  });

  it("a pool's places left agrees with a minute-by-minute count", () => {
    const arbHold = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
      .map(([s, len, places]) => ({ unitId: 4, start: 540 + s * 30, end: 540 + (s + len) * 30, places }));
    fc.assert(
      fc.property(fc.array(arbHold, { maxLength: 8 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 6 }), (holds, s, len) => {
        const r = { start: 540 + s * 30, end: 540 + (s + len) * 30 };
        let busiest = 0;
        for (let m = r.start; m < r.end; m++) {
          busiest = Math.max(
            busiest,
            holds.reduce((sum, h) => (h.start <= m && m < h.end ? sum + h.places : sum), 0),
          );
        }
        expect(placesLeft(pool, r, holds, all)).toBe(Math.max(0, 5 - busiest));
      }),
    );
  });

  it("chooses the first candidate that can take the whole range, or none", () => {
    const holds = [hold(1, "18:00", "19:00"), hold(2, "19:00", "20:00")];
    expect(chooseUnit([a, b], range("18:00", "19:00"), 1, holds, all)?.id).toBe(2);
    expect(chooseUnit([a, b], range("18:00", "20:00"), 1, holds, all)).toBeNull();
    expect(chooseUnit([a, b, pool], range("18:00", "20:00"), 1, holds, all)?.id).toBe(4);
    expect(chooseUnit([pool], range("18:00", "20:00"), 6, holds, all)).toBeNull();
  });

  it("prices a booking per place, exactly", () => {
    expect(price("99.99", 90, 1)).toBe("149.99");
    expect(price("20000.00", 120, 3)).toBe("120000.00");
    expect(price("0.01", 30, 1)).toBe("0.01");
    // a session's places at its price per place
    expect(multiplyMoney("30000.00", 3)).toBe("90000.00");
    expect(multiplyMoney("0.01", 0)).toBe("0.00");
  });

  it("draws a day per unit and overall, with past slots free nowhere", () => {
    const day = venueDay({
      date: "2026-11-21",
      hours,
      units: [a, b, full, pool],
      allUnits: [a, b, full, pool],
      holds: [hold(3, "18:00", "19:00"), hold(4, "18:00", "19:00", 4)],
      now: NOW,
    });
    const at = (start: string) => day.slots.find((s) => s.start === t(start));
    // 10:00 has started (it is 10:15)
    expect(at("10:00")).toMatchObject({ available: false, freeUnits: 0, totalUnits: 4, placesLeft: 0 });
    expect(at("11:00")).toMatchObject({ available: true, freeUnits: 4, placesLeft: 5 });
    // the full pitch holds both halves; the pool has one place left
    expect(at("18:00")).toMatchObject({ available: true, freeUnits: 1, placesLeft: 1 });
    expect(day.units.map((u) => u.slots.find((s) => s.start === t("18:00"))?.placesLeft)).toEqual([0, 0, 0, 1]);
    expect(day.freeRanges).toEqual([{ start: t("11:00"), end: t("22:00") }]);
    // a venue without pools says no places at all
    expect(venueDay({ date: "2026-11-22", hours, units: [a], allUnits: [a], holds: [], now: NOW }).slots[0]?.placesLeft).toBeNull();
  });

  it("a hold on a deactivated combined unit still blocks its parts", () => {
    const day = venueDay({
      date: "2026-11-22",
      hours,
      units: [a, b],
      allUnits: [a, b, full],
      holds: [hold(3, "09:00", "10:00")],
      now: NOW,
    });
    expect(day.slots[0]).toMatchObject({ available: false, freeUnits: 0, totalUnits: 2 });
  });

  it("accepts only combinations of two or more distinct plain exclusive units", () => {
    const ok: UnitConfig[] = [a, b, full, pool].map((u) => ({ ...u, isActive: true }));
    expect(() => assertUnitConfig(ok)).not.toThrow();
    const bad: UnitConfig[][] = [
      [...ok, { id: 9, capacity: 1, contains: [1], isActive: true }],
      [...ok, { id: 9, capacity: 1, contains: [1, 1], isActive: true }],
      [...ok, { id: 9, capacity: 1, contains: [1, 4], isActive: true }],
      [...ok, { id: 9, capacity: 1, contains: [1, 3], isActive: true }],
      [...ok, { id: 9, capacity: 1, contains: [1, 77], isActive: true }],
      [...ok, { id: 9, capacity: 1, contains: [1, 9], isActive: true }],
      [...ok, { id: 9, capacity: 2, contains: [1, 2], isActive: true }],
      ok.map((u) => (u.id === 1 ? { ...u, capacity: 3 } : u)),
    ];
    for (const units of bad) {
      let code: string | undefined;
      try {
        assertUnitConfig(units);
      } catch (e) {
        if (isDomainError(e)) code = e.code;
      }
      expect(code).toBe("INVALID_CONTAINS");
    }
  });
});

describe("closures", () => {
  const units = [a, b, full, pool];
  const closure = (unitId: number | null, start: string, end: string, reason: string): ClosureSpan<string> => ({
    unitId,
    start: t(start),
    end: t(end),
    reason,
  });
  // Sunday 2026-11-22, a day after NOW: every slot is ahead.
  const day = (closures: ClosureSpan<string>[], more: Partial<VenueDayInput<UnitSpec, string>> = {}) =>
    venueDay<UnitSpec, string>({ date: "2026-11-22", hours, units, allUnits: units, holds: [], closures, now: NOW, ...more });

  it("a closure takes out the venue, its unit, and units sharing a part with it", () => {
    expect(closes({ unitId: null }, pool, all)).toBe(true);
    expect(closes({ unitId: 1 }, a, all)).toBe(true);
    expect(closes({ unitId: 1 }, full, all)).toBe(true);
    expect(closes({ unitId: 1 }, b, all)).toBe(false);
    expect(closes({ unitId: 3 }, a, all)).toBe(true);
    expect(closes({ unitId: 3 }, b, all)).toBe(true);
    expect(closes({ unitId: 1 }, pool, all)).toBe(false);
    expect(closes({ unitId: 4 }, pool, all)).toBe(true);
    expect(closes({ unitId: 4 }, a, all)).toBe(false);
    expect(closes({ unitId: 99 }, a, all)).toBe(false);
  });

  it("holds every closed plain unit whole for the closure's time", () => {
    const span = { start: t("12:00"), end: t("14:00") };
    expect(closureHolds([{ ...span, unitId: null, reason: null }], units)).toEqual([
      { unitId: 1, places: 1, ...span },
      { unitId: 2, places: 1, ...span },
      { unitId: 4, places: 5, ...span },
    ]);
    expect(closureHolds([{ ...span, unitId: 3, reason: null }], units)).toEqual([
      { unitId: 1, places: 1, ...span },
      { unitId: 2, places: 1, ...span },
    ]);
    const halfA = closureHolds([{ ...span, unitId: 1, reason: null }], units);
    expect(halfA).toEqual([{ unitId: 1, places: 1, ...span }]);
    // with half A closed the full pitch cannot be chosen, half B can
    expect(chooseUnit([full, b], span, 1, halfA, all)?.id).toBe(2);
    expect(chooseUnit([pool], span, 1, closureHolds([{ ...span, unitId: 4, reason: null }], units), all)).toBeNull();
  });

  it("a venue-wide closure closes every slot in it, with its reason", () => {
    const d = day([closure(null, "12:00", "14:00", "maintenance")]);
    for (const s of d.slots) {
      const inside = s.start >= t("12:00") && s.start < t("14:00");
      expect(s).toMatchObject({ closed: inside, available: !inside, closedReason: inside ? "maintenance" : null });
      if (inside) expect(s).toMatchObject({ freeUnits: 0, placesLeft: 0 });
    }
    for (const u of d.units) {
      expect(u.slots.filter((s) => s.closed).map((s) => s.start)).toEqual([t("12:00"), t("13:00")]);
      expect(u.slots.filter((s) => s.closed).every((s) => !s.available && s.placesLeft === 0)).toBe(true);
    }
    expect(d.freeRanges).toEqual([
      { start: t("09:00"), end: t("12:00") },
      { start: t("14:00"), end: t("22:00") },
    ]);
  });

  it("closes any slot a closure touches, even in part", () => {
    const d = day([closure(null, "10:30", "11:00", "leak")]);
    expect(d.slots.filter((s) => s.closed).map((s) => s.start)).toEqual([t("10:00")]);
    // an empty closure closes nothing
    expect(day([closure(null, "10:00", "10:00", "nothing")]).slots.some((s) => s.closed)).toBe(false);
  });

  it("a closure of half A closes the full pitch but not half B", () => {
    const d = day([closure(1, "10:00", "11:00", "repair")]);
    const at = (unitId: number) => d.units.find((u) => u.unit.id === unitId)!.slots.find((s) => s.start === t("10:00"))!;
    expect(at(1)).toMatchObject({ closed: true, available: false, placesLeft: 0 });
    expect(at(3)).toMatchObject({ closed: true, available: false, placesLeft: 0 });
    expect(at(2)).toMatchObject({ closed: false, available: true, placesLeft: 1 });
    expect(at(4)).toMatchObject({ closed: false, available: true, placesLeft: 5 });
    // the venue's slot is open: some units still are
    expect(d.slots.find((s) => s.start === t("10:00"))).toMatchObject({ closed: false, closedReason: null, available: true, freeUnits: 2 });
  });

  it("a pool's closure leaves it no places", () => {
    const d = day([closure(4, "10:00", "12:00", "cleaning")], { units: [pool] });
    expect(d.slots.slice(0, 4).map((s) => [s.placesLeft, s.closed, s.closedReason])).toEqual([
      [5, false, null],
      [0, true, "cleaning"],
      [0, true, "cleaning"],
      [5, false, null],
    ]);
  });

  it("a slot where every unit shown is closed is closed with the closure's reason", () => {
    const d = day([closure(3, "15:00", "16:00", "tournament")], { units: [a, b] });
    expect(d.slots.find((s) => s.start === t("15:00"))).toMatchObject({
      closed: true,
      closedReason: "tournament",
      available: false,
      freeUnits: 0,
    });
  });

  it("makes slots within the notice unavailable", () => {
    // it is 10:15: 11:00 is 45 minutes away, 12:00 105
    const today = (minNoticeMinutes: number) =>
      venueDay({ date: "2026-11-21", hours, units: [a], allUnits: [a], holds: [], now: NOW, policy: { minNoticeMinutes } });
    const free = (minNotice: number) => today(minNotice).slots.filter((s) => s.available)[0]?.start;
    expect(free(0)).toBe(t("11:00"));
    expect(free(45)).toBe(t("11:00"));
    expect(free(46)).toBe(t("12:00"));
    expect(free(105)).toBe(t("12:00"));
    expect(free(106)).toBe(t("13:00"));
    expect(today(60).slots.find((s) => s.start === t("11:00"))).toMatchObject({ available: false, closed: false });
  });

  it("gives a closed weekday no slots", () => {
    const d = venueDay({ date: "2026-11-22", hours: null, units: [a, pool], allUnits: [a, pool], holds: [], now: NOW });
    expect(d.slots).toEqual([]);
    expect(d.freeRanges).toEqual([]);
    expect(d.units.map((u) => [u.unit.id, u.slots, u.freeRanges])).toEqual([
      [1, [], []],
      [4, [], []],
    ]);
  });

  it("draws a day past midnight in venue-local time", () => {
    // Friday 2026-11-27 open 18:00-02:00; 19:30 UTC is already 00:30 on Saturday in Tashkent
    const d = venueDay({
      date: "2026-11-27",
      hours: { opening: t("18:00"), closing: 1560 },
      units: [a],
      allUnits: [a],
      holds: [{ unitId: 1, start: 1500, end: 1560, places: 1 }],
      now: new Date("2026-11-27T19:30:00Z"),
    });
    expect(d.slots.map((s) => s.start / 60)).toEqual([18, 19, 20, 21, 22, 23, 24, 25]);
    expect(d.slots.filter((s) => s.available)).toEqual([]);
    const earlier = venueDay({
      date: "2026-11-27",
      hours: { opening: t("18:00"), closing: 1560 },
      units: [a],
      allUnits: [a],
      holds: [{ unitId: 1, start: 1500, end: 1560, places: 1 }],
      now: new Date("2026-11-27T18:30:00Z"),
    });
    // 23:30 local: midnight and after are ahead, the 01:00 slot is booked
    expect(earlier.freeRanges).toEqual([{ start: 1440, end: 1500 }]);
  });

  it("prices each slot per unit and shows the lowest", () => {
    const rules: PriceRule[] = [
      { weekdays: [7], start: t("18:00"), end: t("22:00"), pricePerHour: "300.00", unitId: 3 },
      { weekdays: [7], start: t("18:00"), end: t("22:00"), pricePerHour: "200.00", unitId: null },
    ];
    const priced = [
      { ...a, pricePerHour: "90.00" },
      { ...full, pricePerHour: null },
    ];
    const d = venueDay({
      date: "2026-11-22",
      hours,
      units: priced,
      allUnits: units,
      holds: [],
      now: NOW,
      prices: { rules, venuePrice: "150.00" },
    });
    const at = (start: string) => d.units.map((u) => u.slots.find((s) => s.start === t(start))!.pricePerHour);
    // by day: the unit's own price, else the venue's
    expect(at("10:00")).toEqual(["90.00", "150.00"]);
    expect(d.slots.find((s) => s.start === t("10:00"))!.pricePerHour).toBe("90.00");
    // in the evening: the unit rule for the full pitch, the venue rule for the rest
    expect(at("19:00")).toEqual(["200.00", "300.00"]);
    expect(d.slots.find((s) => s.start === t("19:00"))!.pricePerHour).toBe("200.00");
    // without prices every slot is free of charge, and a venue without units has no price
    expect(day([]).slots[0]!.pricePerHour).toBe("0.00");
    expect(day([], { units: [] }).slots[0]!.pricePerHour).toBeNull();
  });
});
