import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBooking, daySlots, requestSpan } from "../src/booking-rules.ts";
import type { BookingRequest } from "../src/booking-rules.ts";
import { addDays, parseTime } from "../src/calendar.ts";
import { isDomainError } from "../src/errors.ts";
import {
  assertWeek,
  daySpan,
  formatClock,
  hourlyAt,
  hoursOn,
  priceBooking,
  reachOf,
  uniformWeek,
  weekdayOf,
  weeklyDates,
  weekOf,
  WEEKDAYS,
} from "../src/hours.ts";
import type { PriceRule, Week, WeekdayHours } from "../src/hours.ts";
import { toMinor } from "../src/money.ts";

const t = parseTime;
// 2026-11-21 10:15 in Tashkent (05:15 UTC), a Saturday.
const NOW = new Date("2026-11-21T05:15:00Z");
const MON = "2026-11-23";
const FRI = "2026-11-27";
const SAT = "2026-11-28";
const SUN = "2026-11-29";
const NEXT_MON = "2026-11-30";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

/** The ISO weekday of a date, counted apart from the code under test. */
function isoWeekday(date: string): number {
  return ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

describe("a business day's span", () => {
  it("reads a closing at or before the opening as the next day's", () => {
    expect(daySpan(t("09:00"), t("22:00"))).toEqual({ opening: 540, closing: 1320 });
    expect(daySpan(t("09:00"), t("24:00"))).toEqual({ opening: 540, closing: 1440 });
    expect(daySpan(t("18:00"), t("02:00"))).toEqual({ opening: 1080, closing: 1560 });
    expect(daySpan(t("18:00"), t("00:00"))).toEqual({ opening: 1080, closing: 1440 });
    expect(daySpan(t("00:00"), t("00:00"))).toEqual({ opening: 0, closing: 1440 });
    expect(daySpan(t("10:00"), t("10:00"))).toEqual({ opening: 600, closing: 2040 });
  });

  it("formats minutes past midnight as clock times, midnight as 24:00 at an end and 00:00 at a start", () => {
    expect(formatClock(1080)).toBe("18:00");
    expect(formatClock(1560)).toBe("02:00");
    expect(formatClock(1440)).toBe("24:00");
    expect(formatClock(1440, "start")).toBe("00:00");
    expect(formatClock(1500, "start")).toBe("01:00");
    expect(formatClock(1439, "start")).toBe("23:59");
    expect(formatClock(0, "start")).toBe("00:00");
  });

  it("numbers weekdays from Monday 1 to Sunday 7", () => {
    expect([MON, "2026-11-24", "2026-11-25", "2026-11-26", FRI, SAT, SUN, NEXT_MON].map(weekdayOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 1]);
    expect(weekdayOf("2028-02-29")).toBe(2);
  });

  it("builds a uniform week and a week of listed days, the others closed", () => {
    const always = uniformWeek(0, 0);
    expect(always[0]).toBeNull();
    for (const wd of WEEKDAYS) expect(always[wd]).toEqual({ opening: 0, closing: 1440 });
    expect(hoursOn(uniformWeek(t("18:00"), t("02:00")), SUN)).toEqual({ opening: 1080, closing: 1560 });

    const week = weekOf([
      { weekday: 5, opening: t("18:00"), closing: t("02:00") },
      { weekday: 7, opening: t("10:00"), closing: t("22:00") },
    ]);
    expect(hoursOn(week, FRI)).toEqual({ opening: 1080, closing: 1560 });
    expect(hoursOn(week, SUN)).toEqual({ opening: 600, closing: 1320 });
    expect(hoursOn(week, SAT)).toBeNull();
    expect(hoursOn(week, MON)).toBeNull();
  });
});

describe("a week's hours", () => {
  const day = (weekday: number, opening: string, closing: string): WeekdayHours => ({ weekday, opening: t(opening), closing: t(closing) });

  it("accepts past-midnight days that close by the time the next day opens", () => {
    expect(() =>
      assertWeek(
        WEEKDAYS.map((wd) => day(wd, "00:00", "00:00")),
        60,
      ),
    ).not.toThrow();
    expect(() =>
      assertWeek(
        WEEKDAYS.map((wd) => day(wd, "18:00", "02:00")),
        60,
      ),
    ).not.toThrow();
    // Friday runs to 03:00 and Saturday opens at 03:00 exactly; Sunday is closed
    expect(() => assertWeek([day(5, "18:00", "03:00"), day(6, "03:00", "12:00")], 60)).not.toThrow();
    expect(() => assertWeek([day(5, "18:00", "03:00")], 60)).not.toThrow();
    expect(() => assertWeek([], 60)).not.toThrow();
  });

  it("refuses a day whose past-midnight closing runs past the next day's opening", () => {
    expect(codeOf(() => assertWeek([day(5, "18:00", "03:00"), day(6, "02:00", "12:00")], 60))).toBe("INVALID_HOURS");
    // 10:00-10:00 is 24 hours: it closes as the next day opens, not after
    expect(codeOf(() => assertWeek([day(1, "10:00", "10:00"), day(2, "10:00", "22:00")], 60))).toBeUndefined();
    expect(codeOf(() => assertWeek([day(1, "10:00", "10:00"), day(2, "09:30", "22:00")], 60))).toBe("INVALID_HOURS");
  });

  it("wraps weekday 7 to weekday 1", () => {
    expect(codeOf(() => assertWeek([day(7, "20:00", "04:00"), day(1, "03:00", "12:00")], 60))).toBe("INVALID_HOURS");
    expect(codeOf(() => assertWeek([day(7, "20:00", "04:00"), day(1, "04:00", "12:00")], 60))).toBeUndefined();
    // Saturday's night does not meet Monday
    expect(codeOf(() => assertWeek([day(6, "20:00", "04:00"), day(1, "03:00", "12:00")], 60))).toBeUndefined();
  });

  it("refuses repeated or unknown weekdays, days without a slot and times off the clock", () => {
    const bad: [WeekdayHours[], number][] = [
      [[day(1, "09:00", "22:00"), day(1, "10:00", "20:00")], 60],
      [[{ weekday: 0, opening: 540, closing: 1320 }], 60],
      [[{ weekday: 8, opening: 540, closing: 1320 }], 60],
      [[{ weekday: 1.5, opening: 540, closing: 1320 }], 60],
      [[day(1, "09:00", "09:30")], 60],
      [[day(1, "23:30", "00:00")], 60],
      [[day(1, "23:00", "00:30")], 120],
      [[{ weekday: 1, opening: 1440, closing: 60 }], 60],
      [[{ weekday: 1, opening: -30, closing: 600 }], 60],
      [[{ weekday: 1, opening: 540, closing: 1500 }], 60],
      [[{ weekday: 1, opening: 540.5, closing: 1320 }], 60],
    ];
    for (const [list, slot] of bad) expect(codeOf(() => assertWeek(list, slot))).toBe("INVALID_HOURS");
    expect(codeOf(() => assertWeek([day(1, "23:30", "00:00")], 30))).toBeUndefined();
    expect(() => assertWeek([day(1, "09:00", "09:30")], 60, "hours")).toThrow(expect.objectContaining({ field: "hours" }));
    expect(() => assertWeek([day(1, "09:00", "09:30")], 60)).toThrow(expect.objectContaining({ field: "weekly_hours" }));
  });

  const clock = fc.oneof(fc.constantFrom(0, 60, 120, 180, 1080, 1380, 1440), fc.integer({ min: 0, max: 1440 }));
  const entry = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), opening: clock.filter((m) => m < 1440), closing: clock });
  const slotArb = fc.constantFrom(30, 60, 90, 120);

  it("accepts exactly the weeks whose days hold a slot and never overlap (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.weekday, maxLength: 7 }), slotArb, (list, slot) => {
        const length = (e: WeekdayHours) => (e.closing > e.opening ? e.closing - e.opening : e.closing + 1440 - e.opening);
        const byDay = new Map(list.map((e) => [e.weekday, e]));
        const expected = list.every((e) => {
          const next = byDay.get((e.weekday % 7) + 1);
          return length(e) >= slot && (!next || e.opening + length(e) <= 1440 + next.opening);
        });
        expect(codeOf(() => assertWeek(list, slot))).toBe(expected ? undefined : "INVALID_HOURS");
      }),
    );
  });

  it("lays a day's slots to tile its opening hours, each bookable as its own span (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => e.weekday, maxLength: 7 }),
        fc.integer({ min: 0, max: 20 }),
        slotArb,
        (list, offset, slot) => {
          const date = addDays(MON, offset);
          const listed = list.find((e) => e.weekday === isoWeekday(date));
          const hours = hoursOn(weekOf(list), date);
          if (!listed) {
            expect(hours).toBeNull();
            return;
          }
          expect(hours).toEqual({
            opening: listed.opening,
            closing: listed.closing <= listed.opening ? listed.closing + 1440 : listed.closing,
          });
          const { opening, closing } = hours!;
          const slots = daySlots(hours!, slot);
          let at = opening;
          for (const s of slots) {
            expect(s).toEqual({ start: at, end: at + slot });
            expect((s.start - opening) % slot).toBe(0);
            expect(s.end).toBeLessThanOrEqual(closing);
            at = s.end;
          }
          // nothing missing: what is left after the last slot is shorter than a slot
          expect(closing - at).toBeGreaterThanOrEqual(0);
          expect(closing - at).toBeLessThan(slot);
          // every slot, asked for in clock times, is accepted as exactly its span
          for (const s of slots) {
            const req = { date, start: s.start % 1440, end: s.end % 1440 };
            expect(checkBooking(req, { hours, now: NOW, policy: { slotMinutes: slot } })).toEqual({ ...s, durationMinutes: slot });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("how far a booking may run", () => {
  it("runs into the next day only when it opens the moment this one closes", () => {
    const always = uniformWeek(0, 0);
    expect(reachOf(always, FRI)).toBe(2880);
    expect(reachOf(uniformWeek(t("18:00"), t("02:00")), FRI)).toBe(1560);
    expect(reachOf(uniformWeek(t("09:00"), t("22:00")), FRI)).toBe(1320);
    const weekdaysOnly = weekOf([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opening: 0, closing: 0 })));
    expect(reachOf(weekdaysOnly, "2026-11-26")).toBe(2880);
    expect(reachOf(weekdaysOnly, FRI)).toBe(1440);
    expect(reachOf(weekdaysOnly, SAT)).toBeNull();
    // Friday 18:00-24:00 meets Saturday 00:00-02:00
    const split = weekOf([
      { weekday: 5, opening: t("18:00"), closing: t("24:00") },
      { weekday: 6, opening: 0, closing: t("02:00") },
    ]);
    expect(reachOf(split, FRI)).toBe(1560);
  });

  it("does not run on where this day's grid would not meet the next day's", () => {
    // Friday 19:00-24:00 is five hours: 90-minute slots leave half an hour that Saturday's grid,
    // from 00:00, does not continue; 60-minute slots meet it
    const week = weekOf([
      { weekday: 5, opening: t("19:00"), closing: t("24:00") },
      { weekday: 6, opening: 0, closing: t("10:00") },
    ]);
    const hours = hoursOn(week, FRI);
    const ctx = (slotMinutes: number) => ({ hours, reach: reachOf(week, FRI), now: NOW, policy: { slotMinutes } });
    expect(() => checkBooking({ date: FRI, start: t("23:30"), end: t("01:00") }, ctx(90))).toThrow(
      expect.objectContaining({ code: "OUTSIDE_HOURS" }),
    );
    expect(checkBooking({ date: FRI, start: t("23:00"), end: t("01:00") }, ctx(60))).toEqual({
      start: 1380,
      end: 1500,
      durationMinutes: 120,
    });
  });

  it("wraps from Sunday to Monday", () => {
    const week = weekOf([
      { weekday: 7, opening: t("20:00"), closing: 0 },
      { weekday: 1, opening: 0, closing: t("12:00") },
    ]);
    expect(reachOf(week, SUN)).toBe(1440 + 720);
    expect(reachOf(week, MON)).toBe(720);
    const req = { date: SUN, start: t("23:00"), end: t("01:00") };
    expect(checkBooking(req, { hours: hoursOn(week, SUN), reach: reachOf(week, SUN), now: NOW })).toEqual({
      start: 1380,
      end: 1500,
      durationMinutes: 120,
    });
    expect(codeOf(() => checkBooking(req, { hours: hoursOn(week, SUN), now: NOW }))).toBe("OUTSIDE_HOURS");
  });
});

describe("bookings past midnight", () => {
  const lateWeek = uniformWeek(t("18:00"), t("02:00"));
  const late = { hours: hoursOn(lateWeek, FRI), reach: reachOf(lateWeek, FRI), now: NOW };
  const book = (req: BookingRequest, ctx: Parameters<typeof checkBooking>[1] = late) => checkBooking(req, ctx);

  it("reads an end at or before the start as the next day's", () => {
    expect(requestSpan({ date: FRI, start: t("23:00"), end: t("01:00") })).toEqual({ start: 1380, end: 1500 });
    expect(requestSpan({ date: FRI, start: t("10:00"), end: t("10:00") })).toEqual({ start: 600, end: 2040 });
    expect(requestSpan({ date: FRI, start: t("23:00"), end: t("24:00") })).toEqual({ start: 1380, end: 1440 });
    expect(requestSpan({ date: FRI, start: t("09:00"), end: t("10:00") })).toEqual({ start: 540, end: 600 });
  });

  it("books the hours after midnight of a day open 18:00-02:00 and nothing past its closing", () => {
    expect(book({ date: FRI, start: t("01:00"), end: t("02:00") })).toEqual({ start: 1500, end: 1560, durationMinutes: 60 });
    expect(book({ date: FRI, start: t("00:00"), end: t("01:00") })).toEqual({ start: 1440, end: 1500, durationMinutes: 60 });
    expect(book({ date: FRI, start: t("23:00"), end: t("02:00") })).toEqual({ start: 1380, end: 1560, durationMinutes: 180 });
    expect(book({ date: FRI, start: t("18:00"), end: t("02:00") })).toEqual({ start: 1080, end: 1560, durationMinutes: 480 });
    expect(() => book({ date: FRI, start: t("02:00"), end: t("03:00") })).toThrow(
      expect.objectContaining({ code: "OUTSIDE_HOURS", field: "start_time", params: { opening: "18:00", closing: "02:00" } }),
    );
    expect(() => book({ date: FRI, start: t("01:00"), end: t("03:00") })).toThrow(
      expect.objectContaining({ code: "OUTSIDE_HOURS", field: "end_time" }),
    );
    expect(codeOf(() => book({ date: FRI, start: t("17:00"), end: t("18:00") }))).toBe("OUTSIDE_HOURS");
    expect(codeOf(() => book({ date: FRI, start: t("18:00"), end: t("18:00") }))).toBe("OUTSIDE_HOURS");
    expect(codeOf(() => book({ date: FRI, start: t("00:30"), end: t("01:30") }))).toBe("OFF_GRID");
    expect(codeOf(() => book({ date: FRI, start: t("23:00"), end: t("01:00") }, { ...late, policy: { maxDurationMinutes: 60 } }))).toBe(
      "TOO_LONG",
    );
  });

  it("accepts Friday 23:00-01:00 on a week open around the clock through the reach", () => {
    const always = uniformWeek(0, 0);
    const ctx = { hours: hoursOn(always, FRI), reach: reachOf(always, FRI), now: NOW };
    expect(checkBooking({ date: FRI, start: t("23:00"), end: t("01:00") }, ctx)).toEqual({ start: 1380, end: 1500, durationMinutes: 120 });
    // a whole day from 10:00 to 10:00 is as long as a booking may be by default
    expect(checkBooking({ date: FRI, start: t("10:00"), end: t("10:00") }, ctx)).toEqual({ start: 600, end: 2040, durationMinutes: 1440 });
    expect(
      codeOf(() => checkBooking({ date: FRI, start: t("10:00"), end: t("10:00") }, { ...ctx, policy: { maxDurationMinutes: 720 } })),
    ).toBe("TOO_LONG");
    // without the reach the day ends at midnight
    expect(codeOf(() => checkBooking({ date: FRI, start: t("23:00"), end: t("01:00") }, { ...ctx, reach: null }))).toBe("OUTSIDE_HOURS");
    // Saturday closed: Friday's reach is its own midnight
    const weekdaysOnly = weekOf([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opening: 0, closing: 0 })));
    const friOnly = { hours: hoursOn(weekdaysOnly, FRI), reach: reachOf(weekdaysOnly, FRI), now: NOW };
    expect(codeOf(() => checkBooking({ date: FRI, start: t("23:00"), end: t("01:00") }, friOnly))).toBe("OUTSIDE_HOURS");
    expect(
      codeOf(() => checkBooking({ date: SAT, start: t("10:00"), end: t("11:00") }, { ...friOnly, hours: hoursOn(weekdaysOnly, SAT) })),
    ).toBe("DAY_CLOSED");
  });

  it("reads an early start on a day open 10:00-10:00 as the next morning", () => {
    const ctx = { hours: daySpan(t("10:00"), t("10:00")), now: NOW };
    expect(checkBooking({ date: FRI, start: t("09:00"), end: t("10:00") }, ctx)).toEqual({ start: 1980, end: 2040, durationMinutes: 60 });
    expect(checkBooking({ date: FRI, start: t("10:00"), end: t("11:00") }, ctx)).toEqual({ start: 600, end: 660, durationMinutes: 60 });
  });

  describe("in the venue's time zone, across the date line", () => {
    // 19:30 UTC on Friday the 27th is already 00:30 on Saturday the 28th in Tashkent (UTC+5).
    const now = new Date("2026-11-27T19:30:00Z");
    const tashkent = { ...late, now };
    const utc = { ...late, now, policy: { timeZone: "UTC" } };

    it("decides the past by the venue's clock, after midnight of the business day", () => {
      expect(codeOf(() => book({ date: FRI, start: t("23:00"), end: t("24:00") }, tashkent))).toBe("IN_THE_PAST");
      expect(codeOf(() => book({ date: FRI, start: t("00:00"), end: t("01:00") }, tashkent))).toBe("IN_THE_PAST");
      expect(book({ date: FRI, start: t("01:00"), end: t("02:00") }, tashkent)).toEqual({ start: 1500, end: 1560, durationMinutes: 60 });
      expect(codeOf(() => book({ date: SAT, start: t("18:00"), end: t("19:00") }, tashkent))).toBeUndefined();
      // In UTC the same instant is Friday 19:30: 19:00 has started, the night is ahead.
      expect(codeOf(() => book({ date: FRI, start: t("19:00"), end: t("20:00") }, utc))).toBe("IN_THE_PAST");
      expect(codeOf(() => book({ date: FRI, start: t("20:00"), end: t("21:00") }, utc))).toBeUndefined();
      expect(codeOf(() => book({ date: FRI, start: t("00:00"), end: t("01:00") }, utc))).toBeUndefined();
    });

    it("counts the notice in venue-local minutes", () => {
      const notice = (minutes: number) => ({ ...tashkent, policy: { minNoticeMinutes: minutes } });
      // 01:00 on the Friday business day is 30 minutes away
      expect(codeOf(() => book({ date: FRI, start: t("01:00"), end: t("02:00") }, notice(30)))).toBeUndefined();
      expect(() => book({ date: FRI, start: t("01:00"), end: t("02:00") }, notice(31))).toThrow(
        expect.objectContaining({ code: "TOO_SOON", field: "start_time", params: { minutes: 31 } }),
      );
      // in UTC the same start is 5 hours 30 minutes away
      const utcNotice = (minutes: number) => ({ ...utc, policy: { timeZone: "UTC", minNoticeMinutes: minutes } });
      expect(codeOf(() => book({ date: FRI, start: t("01:00"), end: t("02:00") }, utcNotice(330)))).toBeUndefined();
      expect(codeOf(() => book({ date: FRI, start: t("01:00"), end: t("02:00") }, utcNotice(331)))).toBe("TOO_SOON");
    });

    it("counts the horizon from the venue's date", () => {
      // Saturday is today in Tashkent: with no days ahead, Friday's night and Saturday still go, Sunday does not
      const none = (date: string) =>
        codeOf(() => book({ date, start: t("01:00"), end: t("02:00") }, { ...tashkent, policy: { horizonDays: 0 } }));
      expect(none(FRI)).toBeUndefined();
      expect(none(SAT)).toBeUndefined();
      expect(none(SUN)).toBe("TOO_FAR_AHEAD");
    });

    it("a slot starting this very minute after midnight can still be booked", () => {
      const atMidnight = { ...late, now: new Date("2026-11-27T19:00:00Z") };
      expect(book({ date: FRI, start: t("00:00"), end: t("01:00") }, atMidnight)).toEqual({ start: 1440, end: 1500, durationMinutes: 60 });
      expect(codeOf(() => book({ date: FRI, start: t("23:00"), end: t("24:00") }, atMidnight))).toBe("IN_THE_PAST");
    });
  });
});

describe("prices by time of the week", () => {
  const rule = (weekdays: number[], start: string, end: string, pricePerHour: string, unitId: number | null = null): PriceRule => ({
    weekdays,
    start: t(start),
    end: t(end),
    pricePerHour,
    unitId,
  });
  const friNight = rule([5], "20:00", "02:00", "200.00");

  it("prices a Friday business day's slot after midnight by Friday's rule, not Saturday's 00:00", () => {
    expect(hourlyAt([friNight], weekdayOf(FRI), 1440, 1, "100.00")).toBe("200.00");
    expect(hourlyAt([friNight], weekdayOf(FRI), 1500, 1, "100.00")).toBe("200.00");
    expect(hourlyAt([friNight], weekdayOf(FRI), t("20:00"), 1, "100.00")).toBe("200.00");
    expect(hourlyAt([friNight], weekdayOf(FRI), t("19:00"), 1, "100.00")).toBe("100.00");
    expect(hourlyAt([friNight], weekdayOf(FRI), 1560, 1, "100.00")).toBe("100.00");
    expect(hourlyAt([friNight], weekdayOf(SAT), 0, 1, "100.00")).toBe("100.00");
    expect(hourlyAt([friNight], weekdayOf(SAT), t("01:00"), 1, "100.00")).toBe("100.00");
    expect(hourlyAt([friNight], weekdayOf("2026-11-26"), 1440, 1, "100.00")).toBe("100.00");
  });

  it("takes the first rule that matches", () => {
    const rules = [rule([5], "18:00", "22:00", "300.00"), friNight, rule([1, 2, 3, 4, 5, 6, 7], "00:00", "00:00", "50.00")];
    expect(hourlyAt(rules, weekdayOf(FRI), t("20:00"), 1, "100.00")).toBe("300.00");
    expect(hourlyAt(rules, weekdayOf(FRI), t("22:00"), 1, "100.00")).toBe("200.00");
    expect(hourlyAt(rules, weekdayOf(FRI), t("12:00"), 1, "100.00")).toBe("50.00");
    expect(hourlyAt(rules, weekdayOf(SAT), t("21:00"), 1, "100.00")).toBe("50.00");
    expect(hourlyAt([friNight, rules[0]!], weekdayOf(FRI), t("20:00"), 1, "100.00")).toBe("200.00");
  });

  it("applies a unit's rule to that unit only", () => {
    const rules = [rule([5], "18:00", "22:00", "400.00", 2), rule([5], "18:00", "22:00", "150.00")];
    expect(hourlyAt(rules, weekdayOf(FRI), t("19:00"), 2, "100.00")).toBe("400.00");
    expect(hourlyAt(rules, weekdayOf(FRI), t("19:00"), 1, "100.00")).toBe("150.00");
    expect(hourlyAt([rules[0]!], weekdayOf(FRI), t("19:00"), 1, "100.00")).toBe("100.00");
  });

  it("prices a slot past the day's end by the next day's rules when given the day's end", () => {
    const satEarly = rule([6], "00:00", "06:00", "50.00");
    expect(hourlyAt([friNight, satEarly], weekdayOf(FRI), 1440, 1, "100.00", 1440)).toBe("50.00");
    expect(hourlyAt([friNight, satEarly], weekdayOf(FRI), 1380, 1, "100.00", 1440)).toBe("200.00");
    expect(hourlyAt([friNight, satEarly], weekdayOf(FRI), 1440, 1, "100.00", 1560)).toBe("200.00");
    const priced = priceBooking({
      date: FRI,
      range: { start: 1380, end: 1500 },
      slotMinutes: 60,
      rules: [friNight, satEarly],
      unitId: 1,
      fallback: "100.00",
      dayEnd: 1440,
    });
    expect(priced).toEqual({
      total: "250.00",
      breakdown: [
        { start: 1380, end: 1440, pricePerHour: "200.00", amount: "200.00" },
        { start: 1440, end: 1500, pricePerHour: "50.00", amount: "50.00" },
      ],
    });
  });

  it("prices a booking slot by slot and joins runs of one price", () => {
    const rules = [rule([5], "22:00", "02:00", "150.00")];
    const input = { date: FRI, range: { start: t("20:00"), end: 1500 }, slotMinutes: 60, rules, unitId: 1, fallback: "100.00" };
    expect(priceBooking(input)).toEqual({
      total: "650.00",
      breakdown: [
        { start: 1200, end: 1320, pricePerHour: "100.00", amount: "200.00" },
        { start: 1320, end: 1500, pricePerHour: "150.00", amount: "450.00" },
      ],
    });
    expect(priceBooking({ ...input, places: 3 }).total).toBe("1950.00");
  });

  it("rounds each slot on its own, so the total is the sum of the slots' prices", () => {
    // 0.01 an hour: a half-hour slot costs 0.005 -> 0.01, two of them 0.02
    const cheap = priceBooking({ date: FRI, range: { start: 600, end: 660 }, slotMinutes: 30, rules: [], unitId: 1, fallback: "0.01" });
    expect(cheap).toEqual({ total: "0.02", breakdown: [{ start: 600, end: 660, pricePerHour: "0.01", amount: "0.02" }] });
    // 100.01 for 90 minutes is 150.015 -> 150.02 a slot
    const odd = priceBooking({ date: FRI, range: { start: 540, end: 720 }, slotMinutes: 90, rules: [], unitId: 1, fallback: "100.01" });
    expect(odd.total).toBe("300.04");
  });

  const minor = fc.bigInt({ min: 1n, max: 10_000_000n });
  const money = (m: bigint) => `${m / 100n}.${String(m % 100n).padStart(2, "0")}`;
  const ruleArb = fc.record({
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    // the contract refuses a rule starting at 24:00
    start: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 1200, 1439)),
    end: fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.constantFrom(0, 120, 1440)),
    minor,
    unitId: fc.constantFrom(null, 1, 2),
  });

  /** The price per hour of a slot, in hundredths, worked out apart from the code under test. */
  function expectedHourly(
    rules: readonly { weekdays: number[]; start: number; end: number; minor: bigint; unitId: number | null }[],
    weekday: number,
    clock: number,
    unitId: number,
    fallback: bigint,
  ): bigint {
    const covers = (r: { start: number; end: number }) => {
      const length = (((r.end - r.start) % 1440) + 1440) % 1440 || 1440;
      return (((clock - r.start) % 1440) + 1440) % 1440 < length;
    };
    const hit = rules.find((r) => (r.unitId === null || r.unitId === unitId) && r.weekdays.includes(weekday) && covers(r));
    return hit ? hit.minor : fallback;
  }

  it("a booking's total is exactly the sum of its slots' prices, and its breakdown tiles it (property)", () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 6 }),
        minor,
        fc.constantFrom(30, 60, 90, 120),
        fc.integer({ min: 0, max: 47 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 13 }),
        fc.constantFrom(1, 2),
        fc.option(fc.oneof(fc.integer({ min: 0, max: 2880 }), fc.constant(1440)), { nil: undefined }),
        (rawRules, fallbackMinor, slot, openingHalfHours, a, b, places, offset, unitId, dayEnd) => {
          const date = addDays(MON, offset);
          const opening = openingHalfHours * 30;
          // a range on the grid from the opening, within the two days a business day may reach
          const points = Math.floor((2880 - opening) / slot);
          const from = a % points;
          const to = from + 1 + (b % (points - from));
          const range = { start: opening + from * slot, end: opening + to * slot };
          const rules: PriceRule[] = rawRules.map((r) => ({ ...r, pricePerHour: money(r.minor) }));
          const priced = priceBooking({ date, range, slotMinutes: slot, rules, unitId, fallback: money(fallbackMinor), places, dayEnd });

          const slots: { start: number; end: number; hourly: bigint; amount: bigint }[] = [];
          for (let s = range.start; s < range.end; s += slot) {
            const weekday = isoWeekday(dayEnd !== undefined && s >= dayEnd ? addDays(date, 1) : date);
            const hourly = expectedHourly(rawRules, weekday, s % 1440, unitId, fallbackMinor);
            const n = hourly * BigInt(slot) * BigInt(places);
            slots.push({ start: s, end: s + slot, hourly, amount: n / 60n + ((n % 60n) * 2n >= 60n ? 1n : 0n) });
          }
          const total = slots.reduce((sum, s) => sum + s.amount, 0n);
          expect(toMinor(priced.total)).toBe(total);

          // the breakdown tiles the range with no gaps, one price a line, neighbours of different prices
          const lines = priced.breakdown;
          expect(lines[0]!.start).toBe(range.start);
          expect(lines.at(-1)!.end).toBe(range.end);
          lines.forEach((line, i) => {
            expect(line.end).toBeGreaterThan(line.start);
            if (i > 0) {
              expect(line.start).toBe(lines[i - 1]!.end);
              expect(line.pricePerHour).not.toBe(lines[i - 1]!.pricePerHour);
            }
            const inside = slots.filter((s) => s.start >= line.start && s.end <= line.end);
            expect(inside.length * slot).toBe(line.end - line.start);
            for (const s of inside) expect(toMinor(line.pricePerHour)).toBe(s.hourly);
            expect(toMinor(line.amount)).toBe(inside.reduce((sum, s) => sum + s.amount, 0n));
          });
          expect(lines.reduce((sum, l) => sum + toMinor(l.amount), 0n)).toBe(total);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a uniform week past midnight", () => {
  it("gives every weekday the same slots, from 18:00 to 02:00 of the next morning", () => {
    const week: Week = uniformWeek(t("18:00"), t("02:00"));
    for (let d = 0; d < 7; d++) {
      const starts = daySlots(hoursOn(week, addDays(MON, d))!, 60).map((s) => s.start / 60);
      expect(starts).toEqual([18, 19, 20, 21, 22, 23, 24, 25]);
    }
  });
});

describe("a weekly series' dates", () => {
  it("starts on the first weekday on or after the first date, and counts weeks", () => {
    // 2026-11-23 is a Monday
    expect(weeklyDates(2, "2026-11-23", { weeks: 3 }, 52)).toEqual(["2026-11-24", "2026-12-01", "2026-12-08"]);
    expect(weeklyDates(1, "2026-11-23", { weeks: 1 }, 52)).toEqual(["2026-11-23"]);
    expect(weeklyDates(7, "2026-11-23", { weeks: 2 }, 52)).toEqual(["2026-11-29", "2026-12-06"]);
    // across a year's end and a leap day
    expect(weeklyDates(2, "2028-02-22", { weeks: 2 }, 52)).toEqual(["2028-02-22", "2028-02-29"]);
    expect(weeklyDates(4, "2026-12-30", { weeks: 2 }, 52)).toEqual(["2026-12-31", "2027-01-07"]);
  });

  it("runs up to a last date, that day included", () => {
    expect(weeklyDates(2, "2026-11-23", { last: "2026-12-08" }, 52)).toEqual(["2026-11-24", "2026-12-01", "2026-12-08"]);
    expect(weeklyDates(2, "2026-11-23", { last: "2026-12-07" }, 52)).toEqual(["2026-11-24", "2026-12-01"]);
  });

  it("refuses more than the most weeks, and a range holding no such weekday", () => {
    expect(weeklyDates(2, "2026-11-24", { last: addDays("2026-11-24", 7 * 51) }, 52)).toHaveLength(52);
    expect(() => weeklyDates(2, "2026-11-24", { last: addDays("2026-11-24", 7 * 52) }, 52)).toThrow(
      expect.objectContaining({ code: "SERIES_TOO_LONG" }),
    );
    expect(() => weeklyDates(2, "2026-11-25", { last: "2026-11-30" }, 52)).toThrow(expect.objectContaining({ code: "SERIES_EMPTY" }));
    expect(() => weeklyDates(2, "2026-11-25", { last: "2026-11-01" }, 52)).toThrow(expect.objectContaining({ code: "SERIES_EMPTY" }));
  });

  it("gives each date the asked weekday, a week apart, whatever the start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 52 }),
        (offset, weekday, weeks) => {
          const first = addDays("2025-01-01", offset);
          const dates = weeklyDates(weekday, first, { weeks }, 52);
          expect(dates).toHaveLength(weeks);
          expect(dates.every((d) => weekdayOf(d) === weekday)).toBe(true);
          expect(dates[0]! >= first && dates[0]! <= addDays(first, 6)).toBe(true);
          dates.slice(1).forEach((d, i) => expect(d).toBe(addDays(dates[i]!, 7)));
        },
      ),
    );
  });
});
