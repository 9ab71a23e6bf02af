import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertCancellable, assertEnded, assertHours, checkBooking, daySlots, DEFAULT_HOURS } from "../src/booking-rules.ts";
import type { BookingRequest, VenueHours } from "../src/booking-rules.ts";
import { venueDay } from "../src/units.ts";
import { parseTime } from "../src/calendar.ts";
import { isDomainError } from "../src/errors.ts";
import type { Interval } from "../src/intervals.ts";
import { overlaps, overlapsAny } from "../src/intervals.ts";

const t = parseTime;
// 2026-11-21 10:15 in Tashkent (05:15 UTC): the server's own zone plays no part.
const NOW = new Date("2026-11-21T05:15:00Z");
const TODAY = "2026-11-21";
const TOMORROW = "2026-11-22";
const ctx = { hours: DEFAULT_HOURS, now: NOW };

function codeOf(req: BookingRequest, c: Parameters<typeof checkBooking>[1] = ctx): string | undefined {
  try {
    checkBooking(req, c);
    return undefined;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe("opening window and grid", () => {
  it("defaults to 09:00-22:00", () => {
    expect(DEFAULT_HOURS).toEqual({ opening: 540, closing: 1320 });
  });

  it("accepts the first and the last slot of the day", () => {
    expect(checkBooking({ date: TOMORROW, start: t("09:00"), end: t("10:00") }, ctx)).toEqual({
      start: 540,
      end: 600,
      durationMinutes: 60,
    });
    expect(checkBooking({ date: TOMORROW, start: t("21:00"), end: t("22:00") }, ctx)).toEqual({
      start: 1260,
      end: 1320,
      durationMinutes: 60,
    });
    expect(checkBooking({ date: TOMORROW, start: t("09:00"), end: t("22:00") }, ctx)).toEqual({
      start: 540,
      end: 1320,
      durationMinutes: 780,
    });
  });

  it("gives each broken rule its own code", () => {
    // an end at or before the start is the next day's: past this day's closing
    expect(codeOf({ date: TOMORROW, start: t("10:00"), end: t("10:00") })).toBe("OUTSIDE_HOURS");
    expect(codeOf({ date: TOMORROW, start: t("11:00"), end: t("10:00") })).toBe("OUTSIDE_HOURS");
    expect(codeOf({ date: TOMORROW, start: t("10:00"), end: t("10:00") }, { ...ctx, hours: null })).toBe("DAY_CLOSED");
    expect(codeOf({ date: TOMORROW, start: t("10:00"), end: t("13:00") }, { ...ctx, policy: { maxDurationMinutes: 120 } })).toBe(
      "TOO_LONG",
    );
    expect(codeOf({ date: TOMORROW, start: t("10:00"), end: t("11:00") }, { ...ctx, policy: { minDurationMinutes: 120 } })).toBe(
      "TOO_SHORT",
    );
    expect(codeOf({ date: TODAY, start: t("11:00"), end: t("12:00") }, { ...ctx, policy: { minNoticeMinutes: 60 } })).toBe("TOO_SOON");
    expect(codeOf({ date: TOMORROW, start: t("10:00"), end: t("10:30") })).toBe("TOO_SHORT");
    expect(codeOf({ date: TOMORROW, start: t("08:00"), end: t("10:00") })).toBe("OUTSIDE_HOURS");
    expect(codeOf({ date: TOMORROW, start: t("21:00"), end: t("23:00") })).toBe("OUTSIDE_HOURS");
    expect(codeOf({ date: TOMORROW, start: t("10:30"), end: t("11:30") })).toBe("OFF_GRID");
    expect(codeOf({ date: TOMORROW, start: t("10:00"), end: t("11:30") })).toBe("OFF_GRID");
    expect(codeOf({ date: "2026-11-20", start: t("12:00"), end: t("13:00") })).toBe("IN_THE_PAST");
    expect(codeOf({ date: "2027-01-21", start: t("12:00"), end: t("13:00") })).toBe("TOO_FAR_AHEAD");
  });

  it("names the field and the hours in the error", () => {
    expect(() => checkBooking({ date: TOMORROW, start: t("21:00"), end: t("23:00") }, ctx)).toThrow(
      expect.objectContaining({ field: "end_time", params: { opening: "09:00", closing: "22:00" } }),
    );
    expect(() => checkBooking({ date: TOMORROW, start: t("08:00"), end: t("09:00") }, ctx)).toThrow(
      expect.objectContaining({ field: "start_time" }),
    );
  });

  it("allows exactly the horizon and no further", () => {
    expect(codeOf({ date: "2027-01-20", start: t("12:00"), end: t("13:00") })).toBeUndefined();
    expect(codeOf({ date: TOMORROW, start: t("12:00"), end: t("13:00") }, { ...ctx, policy: { horizonDays: 0 } })).toBe("TOO_FAR_AHEAD");
  });

  it("answers 'in the past' in Tashkent time while the server runs in UTC", () => {
    // 10:15 local: the 10:00 slot has started, 11:00 has not.
    expect(codeOf({ date: TODAY, start: t("10:00"), end: t("11:00") })).toBe("IN_THE_PAST");
    expect(codeOf({ date: TODAY, start: t("11:00"), end: t("12:00") })).toBeUndefined();
    // 23:30 UTC on the 21st is 04:30 on the 22nd in Tashkent: the whole of the 21st is past.
    const lateUtc = new Date("2026-11-21T23:30:00Z");
    expect(codeOf({ date: TODAY, start: t("21:00"), end: t("22:00") }, { ...ctx, now: lateUtc })).toBe("IN_THE_PAST");
    expect(codeOf({ date: TOMORROW, start: t("09:00"), end: t("10:00") }, { ...ctx, now: lateUtc })).toBeUndefined();
    // a slot starting this very minute can still be booked
    expect(codeOf({ date: TODAY, start: t("11:00"), end: t("12:00") }, { ...ctx, now: new Date("2026-11-21T06:00:00Z") })).toBeUndefined();
  });

  it("honours a venue's own hours, a finer grid and another zone", () => {
    const hours: VenueHours = { opening: t("07:30"), closing: t("24:00") };
    const c = { hours, now: NOW, policy: { slotMinutes: 30, timeZone: "UTC" } };
    expect(codeOf({ date: TOMORROW, start: t("07:30"), end: t("08:00") }, c)).toBeUndefined();
    expect(codeOf({ date: TOMORROW, start: t("23:30"), end: t("24:00") }, c)).toBeUndefined();
    expect(codeOf({ date: TOMORROW, start: t("07:00"), end: t("08:00") }, c)).toBe("OUTSIDE_HOURS");
    expect(codeOf({ date: TOMORROW, start: t("07:45"), end: t("08:15") }, c)).toBe("OFF_GRID");
    // 05:15 UTC: 05:30 UTC is still ahead on the same day
    expect(codeOf({ date: TODAY, start: t("07:30"), end: t("08:00") }, c)).toBeUndefined();
  });

  it("checks a venue's hours", () => {
    expect(() => assertHours(DEFAULT_HOURS)).not.toThrow();
    // a closing at or before the opening is after midnight: 10:00-10:00 is open 24 hours
    expect(() => assertHours({ opening: 600, closing: 600 })).not.toThrow();
    expect(() => assertHours({ opening: t("18:00"), closing: t("02:00") })).not.toThrow();
    expect(() => assertHours({ opening: 0, closing: 0 })).not.toThrow();
    expect(() => assertHours({ opening: t("23:30"), closing: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_HOURS", field: "closing_time" }),
    );
    expect(() => assertHours({ opening: t("23:30"), closing: 0 }, 30)).not.toThrow();
    expect(() => assertHours({ opening: 1440, closing: 60 })).toThrow(expect.objectContaining({ code: "INVALID_HOURS" }));
    expect(() => assertHours({ opening: 600.5, closing: 700 })).toThrow(expect.objectContaining({ code: "INVALID_HOURS" }));
    expect(() => assertHours({ opening: 600, closing: 630 })).toThrow(expect.objectContaining({ code: "INVALID_HOURS" }));
    expect(() => assertHours({ opening: 600, closing: 630 }, 30)).not.toThrow();
    expect(() => assertHours({ opening: -60, closing: 600 })).toThrow(expect.objectContaining({ code: "INVALID_HOURS" }));
    expect(() => assertHours({ opening: 600, closing: 1500 })).toThrow(expect.objectContaining({ code: "INVALID_HOURS" }));
  });

  it("lays the day's slots from opening to the last whole slot", () => {
    const slots = daySlots(DEFAULT_HOURS, 60);
    expect(slots).toHaveLength(13);
    expect(slots[0]).toEqual({ start: 540, end: 600 });
    expect(slots.at(-1)).toEqual({ start: 1260, end: 1320 });
    expect(daySlots({ opening: 540, closing: 630 }, 60)).toEqual([{ start: 540, end: 600 }]);
  });
});

/** The day of a venue of one exclusive unit whose live bookings hold `busy`. */
function availability(input: { date: string; hours: VenueHours; busy: readonly Interval[]; now: Date }) {
  const unit = { id: 1, capacity: 1, contains: [] };
  const holds = input.busy.map((b) => ({ ...b, unitId: 1, places: 1 }));
  return venueDay({ date: input.date, hours: input.hours, units: [unit], allUnits: [unit], holds, now: input.now });
}

describe("availability of a venue of one unit", () => {
  it("marks busy, past and free slots and merges free ranges", () => {
    const busy = [
      { start: t("12:00"), end: t("14:00") },
      { start: t("18:00"), end: t("19:00") },
    ];
    const a = availability({ date: TODAY, hours: DEFAULT_HOURS, busy, now: NOW });
    const free = a.slots.filter((s) => s.available).map((s) => s.start / 60);
    expect(free).toEqual([11, 14, 15, 16, 17, 19, 20, 21]);
    expect(a.freeRanges).toEqual([
      { start: t("11:00"), end: t("12:00") },
      { start: t("14:00"), end: t("18:00") },
      { start: t("19:00"), end: t("22:00") },
    ]);
  });

  it("opens every slot of an empty future day, and none of a past day or one beyond the horizon", () => {
    expect(availability({ date: TOMORROW, hours: DEFAULT_HOURS, busy: [], now: NOW }).freeRanges).toEqual(
      [DEFAULT_HOURS].map(({ opening, closing }) => ({ start: opening, end: closing })),
    );
    expect(availability({ date: "2026-11-20", hours: DEFAULT_HOURS, busy: [], now: NOW }).freeRanges).toEqual([]);
    const far = availability({ date: "2027-06-01", hours: DEFAULT_HOURS, busy: [], now: NOW });
    expect(far.slots).toHaveLength(13);
    expect(far.slots.every((s) => !s.available)).toBe(true);
  });

  it("a booking that ends where a slot starts leaves that slot free", () => {
    const a = availability({ date: TOMORROW, hours: DEFAULT_HOURS, busy: [{ start: t("09:00"), end: t("10:00") }], now: NOW });
    expect(a.slots[0]!.available).toBe(false);
    expect(a.slots[1]!.available).toBe(true);
  });

  const hoursArb = fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([open, len]): VenueHours => ({ opening: open * 60, closing: Math.min(1440, (open + len) * 60) }));
  const busyArb = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 300 }))
      .map(([s, l]): Interval => ({ start: s, end: Math.min(1440, s + l) })),
    { maxLength: 8 },
  );

  it("free slots and busy intervals partition the day (property)", () => {
    fc.assert(
      fc.property(hoursArb, busyArb, (hours, busy) => {
        const { slots, freeRanges } = availability({ date: TOMORROW, hours, busy, now: NOW });
        expect(slots).toEqual(daySlots(hours, 60).map((s) => expect.objectContaining(s)));
        for (const s of slots) expect(s.available).toBe(!overlapsAny(s, busy));
        // the free ranges cover exactly the free slots' minutes and meet no busy interval
        const freeMinutes = slots.filter((s) => s.available).length * 60;
        expect(freeRanges.reduce((n, r) => n + r.end - r.start, 0)).toBe(freeMinutes);
        for (const r of freeRanges) for (const b of busy) expect(overlaps(r, b)).toBe(false);
      }),
    );
  });

  it("every free slot can be booked, and booking it makes it busy (property)", () => {
    fc.assert(
      fc.property(hoursArb, busyArb, (hours, busy) => {
        const { slots } = availability({ date: TOMORROW, hours, busy, now: NOW });
        for (const s of slots.filter((x) => x.available)) {
          expect(() => checkBooking({ date: TOMORROW, ...s }, { hours, now: NOW })).not.toThrow();
          const after = availability({ date: TOMORROW, hours, busy: [...busy, s], now: NOW });
          expect(after.slots.find((x) => x.start === s.start)!.available).toBe(false);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe("a booking ends", () => {
  // 2026-12-01 18:00-20:00 in Tashkent (UTC+5) ends at 15:00 UTC.
  const booking = { date: "2026-12-01", end: parseTime("20:00") };

  it("is not completed before its end, venue-local, and is from its end on", () => {
    let refused: unknown;
    try {
      assertEnded(booking, new Date("2026-12-01T14:59:00Z"), "Asia/Tashkent");
    } catch (e) {
      refused = e;
    }
    expect(isDomainError(refused, "BOOKING_NOT_ENDED")).toBe(true);
    expect((refused as Error).message).toBe("A booking can be marked completed only after it ends (2026-12-01 20:00).");
    expect(() => assertEnded(booking, new Date("2026-12-01T15:00:00Z"), "Asia/Tashkent")).not.toThrow();
    expect(() => assertEnded(booking, new Date("2026-12-02T03:00:00Z"), "Asia/Tashkent")).not.toThrow();
    // The same instant is still before the end in a zone behind Tashkent.
    expect(() => assertEnded(booking, new Date("2026-12-01T15:00:00Z"), "Europe/London")).toThrow();
  });

  it("a booking that runs to midnight ends at the start of the next day", () => {
    const late = { date: "2026-12-01", end: parseTime("24:00") };
    expect(() => assertEnded(late, new Date("2026-12-01T18:59:00Z"), "Asia/Tashkent")).toThrow();
    expect(() => assertEnded(late, new Date("2026-12-01T19:00:00Z"), "Asia/Tashkent")).not.toThrow();
  });
});

describe("a booking is cancelled in time", () => {
  // 2026-12-01 18:00 in Tashkent (UTC+5) is 13:00 UTC.
  const booking = { date: "2026-12-01", start: parseTime("18:00") };
  const codeAt = (iso: string, minutes: number, b: { date: string; start: number } = booking, zone?: string) => {
    try {
      assertCancellable(b, new Date(iso), minutes, zone);
      return undefined;
    } catch (e) {
      return isDomainError(e) ? e.code : String(e);
    }
  };

  it("lets a player cancel until exactly the window before the start, venue-local", () => {
    expect(codeAt("2026-12-01T10:59:00Z", 120)).toBeUndefined();
    expect(codeAt("2026-12-01T11:00:00Z", 120)).toBeUndefined();
    expect(codeAt("2026-12-01T11:01:00Z", 120)).toBe("CANCEL_TOO_LATE");
    expect(codeAt("2026-12-01T14:00:00Z", 120)).toBe("CANCEL_TOO_LATE");
    expect(() => assertCancellable(booking, new Date("2026-12-01T12:00:00Z"), 120)).toThrow(
      expect.objectContaining({ code: "CANCEL_TOO_LATE", params: { minutes: 120 } }),
    );
    // the same instants are hours earlier in London: 18:00 there is 18:00 UTC
    expect(codeAt("2026-12-01T15:59:00Z", 120, booking, "Europe/London")).toBeUndefined();
    expect(codeAt("2026-12-01T16:01:00Z", 120, booking, "Europe/London")).toBe("CANCEL_TOO_LATE");
  });

  it("counts a start after midnight of the business day as the next morning", () => {
    // 01:00 on the 2nd in Tashkent is 20:00 UTC on the 1st
    const late = { date: "2026-12-01", start: 1500 };
    expect(codeAt("2026-12-01T19:00:00Z", 60, late)).toBeUndefined();
    expect(codeAt("2026-12-01T19:01:00Z", 60, late)).toBe("CANCEL_TOO_LATE");
  });

  it("never refuses with a window of 0, even after the start", () => {
    expect(codeAt("2026-12-01T12:59:00Z", 0)).toBeUndefined();
    expect(codeAt("2026-12-01T13:00:00Z", 0)).toBeUndefined();
    expect(codeAt("2026-12-02T13:00:00Z", 0)).toBeUndefined();
  });
});
