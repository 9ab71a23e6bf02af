import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compareLocal,
  daysBetween,
  formatTime,
  isTimeZone,
  isValidDate,
  isValidTime,
  localDateTime,
  parseDate,
  parseTime,
} from "../src/calendar.ts";

describe("dates", () => {
  it("accepts real dates, leap days included", () => {
    expect(parseDate("2026-11-21")).toBe("2026-11-21");
    expect(parseDate("2028-02-29")).toBe("2028-02-29");
    expect(parseDate("2000-02-29")).toBe("2000-02-29");
    expect(parseDate("2026-12-31")).toBe("2026-12-31");
  });

  it.each([
    "2026-02-29",
    "1900-02-29",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-1-1",
    "26-01-01",
    "2026-01-01T00:00",
    "",
    "0000-01-01",
  ])("rejects %j", (bad) => {
    expect(isValidDate(bad)).toBe(false);
    expect(() => parseDate(bad, "date")).toThrow(expect.objectContaining({ code: "INVALID_DATE", field: "date" }));
  });

  it("counts and adds days across month, year and leap boundaries", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 60)).toBe("2027-03-01");
  });
});

describe("times", () => {
  it("parses HH:MM and HH:MM:SS with zero seconds", () => {
    expect(parseTime("09:00")).toBe(540);
    expect(parseTime("22:00:00")).toBe(1320);
    expect(parseTime("00:00")).toBe(0);
    expect(parseTime("23:59")).toBe(1439);
    expect(parseTime("24:00")).toBe(1440);
    expect(parseTime("24:00:00")).toBe(1440);
  });

  it.each(["9:00", "09:60", "25:00", "24:01", "09:00:30", "09:00:60", "0900", "", "09:00 ", "ab:cd", "09:00:00.000"])(
    "rejects %j",
    (bad) => {
      expect(isValidTime(bad)).toBe(false);
      expect(() => parseTime(bad, "start_time")).toThrow(expect.objectContaining({ code: "INVALID_TIME", field: "start_time" }));
    },
  );

  it("formats minutes as HH:MM", () => {
    expect(formatTime(540)).toBe("09:00");
    expect(formatTime(1440)).toBe("24:00");
    expect(formatTime(5)).toBe("00:05");
    expect(() => formatTime(-1)).toThrow(RangeError);
    expect(() => formatTime(1441)).toThrow(RangeError);
    expect(() => formatTime(1.5)).toThrow(RangeError);
  });
});

describe("venue-local clock", () => {
  it("reads the wall clock in Tashkent whatever zone the server runs in", () => {
    // 2026-11-21 19:30 UTC is already 2026-11-22 00:30 in Tashkent (UTC+5).
    const now = new Date("2026-11-21T19:30:00Z");
    expect(localDateTime(now, "Asia/Tashkent")).toEqual({ date: "2026-11-22", minutes: 30 });
    expect(localDateTime(now, "UTC")).toEqual({ date: "2026-11-21", minutes: 19 * 60 + 30 });
    expect(localDateTime(now)).toEqual({ date: "2026-11-22", minutes: 30 });
  });

  it("follows daylight saving where a zone has it", () => {
    expect(localDateTime(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin").minutes).toBe(14 * 60);
    expect(localDateTime(new Date("2026-01-01T12:00:00Z"), "Europe/Berlin").minutes).toBe(13 * 60);
  });

  it("knows real zones from made-up ones", () => {
    expect(isTimeZone("Asia/Tashkent")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("orders local moments by the minutes between them", () => {
    expect(compareLocal({ date: "2026-01-01", minutes: 600 }, { date: "2026-01-01", minutes: 540 })).toBe(60);
    expect(compareLocal({ date: "2026-01-01", minutes: 540 }, { date: "2026-01-01", minutes: 600 })).toBe(-60);
    expect(compareLocal({ date: "2026-01-01", minutes: 540 }, { date: "2026-01-01", minutes: 540 })).toBe(0);
    expect(compareLocal({ date: "2025-12-31", minutes: 1400 }, { date: "2026-01-01", minutes: 0 })).toBe(-40);
    expect(compareLocal({ date: "2026-01-02", minutes: 0 }, { date: "2026-01-01", minutes: 1400 })).toBe(40);
    expect(compareLocal({ date: "2028-03-01", minutes: 0 }, { date: "2028-02-28", minutes: 0 })).toBe(2 * 1440);
  });

  it("reads minutes past 1440 as the next day's", () => {
    // 2026-12-04 at 1500 is 01:00 on the 5th
    expect(compareLocal({ date: "2026-12-04", minutes: 1500 }, { date: "2026-12-05", minutes: 60 })).toBe(0);
    expect(compareLocal({ date: "2026-12-04", minutes: 1500 }, { date: "2026-12-05", minutes: 0 })).toBe(60);
    expect(compareLocal({ date: "2026-12-05", minutes: 90 }, { date: "2026-12-04", minutes: 1500 })).toBe(30);
    expect(compareLocal({ date: "2026-12-31", minutes: 1440 }, { date: "2027-01-01", minutes: 0 })).toBe(0);
  });

  it("is antisymmetric and agrees with the minutes of the instants (property)", () => {
    const moment = fc.record({
      date: fc.integer({ min: 0, max: 800 }).map((d) => addDays("2026-01-01", d)),
      minutes: fc.integer({ min: 0, max: 2880 }),
    });
    fc.assert(
      fc.property(moment, moment, (a, b) => {
        const at = (m: { date: string; minutes: number }) => Date.parse(`${m.date}T00:00:00Z`) / 60_000 + m.minutes;
        expect(compareLocal(a, b)).toBe(at(a) - at(b));
        expect(compareLocal(a, b) + compareLocal(b, a)).toBe(0);
      }),
    );
  });
});
