// A venue's week: hours per weekday (past midnight too), and prices per time of the week.
//
// A business day is a date and its opening hours; times inside it are minutes from that date's
// midnight, so a day open 18:00-02:00 runs from 1080 to 1560. A closing time at or before the
// opening time closes after midnight; 00:00-00:00 is open around the clock.
import { addDays, daysBetween, formatTime, MINUTES_PER_DAY } from "./calendar.ts";
import type { IsoDate, Minutes } from "./calendar.ts";
import { DomainError } from "./errors.ts";
import type { Interval } from "./intervals.ts";
import type { Money } from "./money.ts";
import { compareMoney, fromMinor, priceMinor } from "./money.ts";

/** 1 = Monday ... 7 = Sunday (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** One weekday's opening and closing as clock times (closing <= opening: after midnight). */
export type WeekdayHours = { weekday: number; opening: Minutes; closing: Minutes };

/** A business day's hours in minutes from its midnight: closing may pass 1440. */
export type DayHours = { opening: Minutes; closing: Minutes };

export function weekdayOf(date: IsoDate): Weekday {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
}

/**
 * The dates of a weekly series: every `weekday` from the first one on or after `first`, `weeks` of
 * them or those up to `last`. More than `max` is SERIES_TOO_LONG; none at all, SERIES_EMPTY.
 */
export function weeklyDates(weekday: number, first: IsoDate, end: { weeks: number } | { last: IsoDate }, max: number): IsoDate[] {
  const start = addDays(first, (weekday - weekdayOf(first) + 7) % 7);
  const count = "weeks" in end ? end.weeks : Math.floor(daysBetween(start, end.last) / 7) + 1;
  if (count > max) throw new DomainError("SERIES_TOO_LONG", { field: "last_date", params: { max } });
  if (count < 1) throw new DomainError("SERIES_EMPTY", { field: "last_date", params: { weekday } });
  return Array.from({ length: count }, (_, i) => addDays(start, 7 * i));
}

/** Clock times to a business day's span: a closing at or before the opening is the next day's. */
export function daySpan(opening: Minutes, closing: Minutes): DayHours {
  return { opening, closing: closing <= opening ? closing + MINUTES_PER_DAY : closing };
}

/**
 * A minute of a business day as a clock time: past midnight it starts again from 00:00. Midnight
 * itself is "24:00" as an end (a day closing at midnight, as it always read) and "00:00" as a start.
 */
export function formatClock(minutes: Minutes, as: "start" | "end" = "end"): string {
  const past = as === "start" ? minutes >= MINUTES_PER_DAY : minutes > MINUTES_PER_DAY;
  return formatTime(past ? minutes - MINUTES_PER_DAY : minutes);
}

/** A week: each weekday's span, or null when closed. Index 0 is unused. */
export type Week = readonly (DayHours | null)[];

/** Every weekday open `opening`-`closing`: the week of a venue without weekly hours. */
export function uniformWeek(opening: Minutes, closing: Minutes): Week {
  const span = daySpan(opening, closing);
  return [null, ...WEEKDAYS.map(() => span)];
}

/** The week of the listed weekdays (the others closed). Check it with assertWeek first. */
export function weekOf(list: readonly WeekdayHours[]): Week {
  const week: (DayHours | null)[] = [null, null, null, null, null, null, null, null];
  for (const d of list) week[d.weekday] = daySpan(d.opening, d.closing);
  return week;
}

export function hoursOn(week: Week, date: IsoDate): DayHours | null {
  return week[weekdayOf(date)] ?? null;
}

/**
 * Throws INVALID_HOURS (field `field`) unless every listed weekday appears once, holds at least one
 * slot, and a day running past midnight closes by the time the next day opens (business days never
 * overlap, so a time belongs to one of them).
 */
export function assertWeek(list: readonly WeekdayHours[], slotMinutes: number, field = "weekly_hours"): void {
  const fail = () => new DomainError("INVALID_HOURS", { field });
  const seen = new Set<number>();
  for (const d of list) {
    if (!Number.isInteger(d.weekday) || d.weekday < 1 || d.weekday > 7 || seen.has(d.weekday)) throw fail();
    seen.add(d.weekday);
    const ok = [d.opening, d.closing].every((m) => Number.isInteger(m) && m >= 0 && m <= MINUTES_PER_DAY) && d.opening < MINUTES_PER_DAY;
    if (!ok) throw fail();
    const span = daySpan(d.opening, d.closing);
    if (span.closing - span.opening < slotMinutes) throw fail();
  }
  const week = weekOf(list);
  for (const wd of WEEKDAYS) {
    const today = week[wd];
    const next = week[wd === 7 ? 1 : wd + 1];
    if (today && next && today.closing > MINUTES_PER_DAY + next.opening) throw fail();
  }
}

/**
 * Where a booking starting on `date`'s business day may run to: the day's closing, or, when the next
 * day opens the moment this one closes (open around the clock), that day's closing too.
 */
export function reachOf(week: Week, date: IsoDate): Minutes | null {
  const today = hoursOn(week, date);
  if (!today) return null;
  const next = hoursOn(week, addDays(date, 1));
  return next && next.opening + MINUTES_PER_DAY === today.closing ? next.closing + MINUTES_PER_DAY : today.closing;
}

/** A price for some hours of some weekdays (of the business day), for the venue or one unit. */
export type PriceRule = { weekdays: readonly number[]; start: Minutes; end: Minutes; pricePerHour: Money; unitId: number | null };

/** Whether a rule's clock range holds `clock` (0..1439); an end at or before the start wraps past midnight. */
function ruleHolds(rule: PriceRule, clock: Minutes): boolean {
  if (rule.start < rule.end) return rule.start <= clock && clock < rule.end;
  return clock >= rule.start || clock < rule.end;
}

/**
 * The price per hour of the slot starting at `start` (minutes of a business day whose weekday is
 * `weekday`) on `unitId`: the first rule for that weekday and time, for the venue or that unit, else
 * `fallback`. A slot past the day's reach into the next one (open around the clock) is the next
 * day's: pass `dayEnd`.
 */
export function hourlyAt(
  rules: readonly PriceRule[],
  weekday: number,
  start: Minutes,
  unitId: number,
  fallback: Money,
  dayEnd?: Minutes,
): Money {
  if (rules.length === 0) return fallback;
  const day = dayEnd !== undefined && start >= dayEnd ? (weekday % 7) + 1 : weekday;
  const clock = start % MINUTES_PER_DAY;
  const rule = rules.find((r) => (r.unitId === null || r.unitId === unitId) && r.weekdays.includes(day) && ruleHolds(r, clock));
  return rule ? rule.pricePerHour : fallback;
}

export type PriceLine = Interval & { pricePerHour: Money; amount: Money };

export type PricedBooking = { total: Money; breakdown: PriceLine[] };

/**
 * A booking's price: each slot at its own price per hour (for `places` places), rounded to the
 * hundredth slot by slot, so the total is exactly the sum of its slots' prices. The breakdown joins
 * neighbouring slots of one price.
 */
export function priceBooking(input: {
  date: IsoDate;
  range: Interval;
  slotMinutes: number;
  rules: readonly PriceRule[];
  unitId: number;
  fallback: Money;
  places?: number;
  /** The business day's closing: slots from here on are the next day's (around the clock). */
  dayEnd?: Minutes;
}): PricedBooking {
  const { range, slotMinutes } = input;
  const places = input.places ?? 1;
  const weekday = weekdayOf(input.date);
  const lines: (Interval & { pricePerHour: Money; minor: bigint })[] = [];
  for (let start = range.start; start < range.end; start += slotMinutes) {
    const end = Math.min(start + slotMinutes, range.end);
    const hourly = hourlyAt(input.rules, weekday, start, input.unitId, input.fallback, input.dayEnd);
    const amount = priceMinor(hourly, end - start, places);
    const last = lines[lines.length - 1];
    if (last && compareMoney(last.pricePerHour, hourly) === 0 && last.end === start) {
      last.end = end;
      last.minor += amount;
    } else {
      lines.push({ start, end, pricePerHour: hourly, minor: amount });
    }
  }
  const total = lines.reduce((sum, l) => sum + l.minor, 0n);
  return {
    total: fromMinor(total),
    breakdown: lines.map(({ minor, ...l }) => ({ ...l, amount: fromMinor(minor) })),
  };
}
