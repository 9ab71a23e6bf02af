// Dates and times of day as the venue sees them. A date is "YYYY-MM-DD"; a time of day is
// minutes since midnight (0..1440, where 1440 is "24:00", a closing time of midnight).
import { DomainError } from "./errors.ts";

export type IsoDate = string;
export type Minutes = number;

export const DEFAULT_TIME_ZONE = "Asia/Tashkent";
export const MINUTES_PER_DAY = 1440;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real calendar date in YYYY-MM-DD; "2026-02-30" is INVALID_DATE. */
export function parseDate(value: string, field?: string): IsoDate {
  if (!isValidDate(value)) throw new DomainError("INVALID_DATE", field === undefined ? {} : { field });
  return value;
}

/** "HH:MM" or "HH:MM:SS" (seconds must be 00) to minutes; "24:00" is the end of the day. */
export function parseTime(value: string, field?: string): Minutes {
  const m = TIME.exec(value);
  const fail = () => new DomainError("INVALID_TIME", field === undefined ? {} : { field });
  if (!m) throw fail();
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (s !== 0 || min > 59) throw fail();
  if (h === 24 && min === 0) return MINUTES_PER_DAY;
  if (h > 23) throw fail();
  return h * 60 + min;
}

export function isValidTime(value: string): boolean {
  try {
    parseTime(value);
    return true;
  } catch {
    return false;
  }
}

export function formatTime(minutes: Minutes): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`not a time of day: ${minutes}`);
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type LocalDateTime = { date: IsoDate; minutes: Minutes };

/** "YYYY-MM-DD HH:MM" of a minute of `date`'s business day, which may run past 1440 into the next day. */
export function localStamp(date: IsoDate, minutes: Minutes): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  return `${addDays(date, days)} ${formatTime(minutes - days * MINUTES_PER_DAY)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// The last answer, by zone and second: a busy server asks for the same second many times over, and
// a zone's offset is whole seconds, so every instant of one second is the same local minute.
let lastLocal: { timeZone: string; second: number; at: LocalDateTime } | undefined;

/** The wall-clock date and minute of `now` in `timeZone`, whatever zone the server runs in. */
export function localDateTime(now: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDateTime {
  const second = Math.floor(now.getTime() / 1000);
  if (lastLocal?.second === second && lastLocal.timeZone === timeZone) return { ...lastLocal.at };
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(now)) parts[p.type] = p.value;
  const at = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
  if (Number.isFinite(second)) lastLocal = { timeZone, second, at };
  return { ...at };
}

/** The wall clock of `now` in `timeZone` as "YYYY-MM-DD HH:MM" (see localStamp), as the data layer compares it. */
export function localStampOf(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const local = localDateTime(now, timeZone);
  return localStamp(local.date, local.minutes);
}

/**
 * Orders two venue-local moments: negative when a is earlier, by how many minutes. Minutes may run
 * past 1440 (a business day that closes after midnight): 2026-12-04 at 1500 is 01:00 on the 5th.
 */
export function compareLocal(a: LocalDateTime, b: LocalDateTime): number {
  return (a.date === b.date ? 0 : daysBetween(b.date, a.date) * MINUTES_PER_DAY) + a.minutes - b.minutes;
}
