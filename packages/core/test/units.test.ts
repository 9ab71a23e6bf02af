import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTime } from "../src/calendar.ts";
import { isDomainError } from "../src/errors.ts";
import { multiplyMoney, price } from "../src/money.ts";
import { assertUnitConfig, chooseUnit, claimedUnits, placesLeft, venueDay } from "../src/units.ts";
import type { Hold, UnitConfig, UnitSpec } from "../src/units.ts";

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
