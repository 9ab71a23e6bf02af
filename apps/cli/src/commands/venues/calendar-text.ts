// A venue's calendar on the command line: weekdays and clock spans as typed (mon-fri, 18:00-02:00)
// and as shown (the week, price rules, policy), in the admin's language.
import type { Policy, Venue } from "@venue-booking/contract";
import { formatTime, isValidTime, parseTime, WEEKDAYS } from "@venue-booking/core";
import type { Lang, Weekday } from "@venue-booking/core";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import type { Cell } from "../../output.ts";
import { money } from "../../output.ts";

/** The weekday flags of `venues hours set`, Monday first (ISO 8601: 1 = Monday). */
export const WEEKDAY_FLAGS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const FULL_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

type ClockSpan = { from: string; to: string };

export const dayName = (weekday: number, lang: Lang): string =>
  WEEKDAYS.includes(weekday as Weekday) ? t(lang, `day.${weekday as Weekday}`) : String(weekday);

/** "18:00" or "8:00" as "HH:MM"; undefined when it is not a clock time. */
function clock(value: string): string | undefined {
  const v = value.trim();
  if (!/^\d{1,2}:\d{2}$/.test(v) || !isValidTime(v.padStart(5, "0"))) return undefined;
  return formatTime(parseTime(v.padStart(5, "0")));
}

/** A clock time flag (`--from 19:00`). */
export function parseClock(value: string, flag: string, lang: Lang): string {
  const c = clock(value);
  if (c === undefined) throw new UsageError(t(lang, "usage.clock", { flag, value }));
  return c;
}

/** A prompt check of a clock time: true, or what is wrong. */
export const clockAnswer =
  (lang: Lang) =>
  (v: string): true | string =>
    clock(v) !== undefined || t(lang, "answer.clock");

/** "08:00-02:00": an end at or before the start is after midnight. */
export function parseSpan(value: string, flag: string, lang: Lang): ClockSpan {
  const [from, to, ...rest] = value.split("-");
  const span = from !== undefined && to !== undefined && rest.length === 0 ? { from: clock(from), to: clock(to) } : undefined;
  if (span?.from === undefined || span.to === undefined) throw new UsageError(t(lang, "usage.span", { flag, value }));
  return { from: span.from, to: span.to };
}

/** A weekday flag's value: a span, or null for `closed`. */
export function parseDayHours(value: string, flag: string, lang: Lang): ClockSpan | null {
  return value.trim().toLowerCase() === "closed" ? null : parseSpan(value, flag, lang);
}

function weekdayNamed(token: string): number | undefined {
  if (/^[1-7]$/.test(token)) return Number(token);
  const i = FULL_NAMES.findIndex((name) => token.length >= 2 && name.startsWith(token));
  return i < 0 ? undefined : i + 1;
}

/** One weekday as 1-7 (1 = Monday), mon..sun or its full name (`--weekday tue`). */
export function parseWeekday(value: string, flag: string, lang: Lang): number {
  const day = weekdayNamed(value.trim().toLowerCase());
  if (day === undefined) throw new UsageError(t(lang, "usage.weekday", { flag, value }));
  return day;
}

/** "mon,tue", "1,2", "mon-fri" or "sat-mon" (a range may wrap past Sunday): the weekdays, Monday first. */
export function parseWeekdays(value: string, flag: string, lang: Lang): number[] {
  const fail = () => new UsageError(t(lang, "usage.days", { flag, value }));
  const days = new Set<number>();
  const tokens = value
    .toLowerCase()
    .split(",")
    .map((s) => s.trim());
  for (const token of tokens) {
    const [a, b, ...rest] = token.split("-").map((s) => s.trim());
    const first = a === undefined ? undefined : weekdayNamed(a);
    const last = b === undefined ? first : weekdayNamed(b);
    if (first === undefined || last === undefined || rest.length) throw fail();
    for (let d = first; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === last) break;
    }
  }
  if (days.size === 0) throw fail();
  return [...days].sort((x, y) => x - y);
}

/** "Mon-Fri", "Sat, Sun", "every day". */
export function daysText(weekdays: readonly number[], lang: Lang): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  if (days.length === 7) return t(lang, "cal.everyDay");
  const runs: number[][] = [];
  for (const d of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((r) => (r.length >= 3 ? [`${dayName(r[0] ?? 0, lang)}-${dayName(r.at(-1) ?? 0, lang)}`] : r.map((d) => dayName(d, lang))))
    .join(", ");
}

/** "18:00-02:00 (past midnight)", "09:00-09:00 (around the clock)". */
export function spanText(from: string, to: string, lang: Lang): string {
  if (!isValidTime(from) || !isValidTime(to)) return `${from}-${to}`;
  const [a, b] = [parseTime(from), parseTime(to)];
  const remark = a === b || (a === 0 && b === 1440) ? "cal.aroundTheClock" : b < a ? "cal.pastMidnight" : undefined;
  return remark ? `${from}-${to} (${t(lang, remark)})` : `${from}-${to}`;
}

type WeekdayHours = Venue["weekly_hours"][number];

/** Each weekday, Monday first, with its hours or `closed`. */
export function weekRows(week: readonly WeekdayHours[], lang: Lang): string[][] {
  return WEEKDAYS.map((d) => {
    const day = week.find((w) => w.weekday === d);
    return [dayName(d, lang), day ? spanText(day.opening_time, day.closing_time, lang) : t(lang, "cal.closed")];
  });
}

/** The week on one line: "Mon-Fri 09:00-22:00, Sat 10:00-02:00 (past midnight), Sun closed". */
export function weekLine(week: readonly WeekdayHours[], lang: Lang): string {
  const groups: { days: number[]; text: string }[] = [];
  for (const [i, [, text = ""]] of weekRows(week, lang).entries()) {
    const last = groups.at(-1);
    if (last?.text === text) last.days.push(i + 1);
    else groups.push({ days: [i + 1], text });
  }
  return groups.map((g) => `${daysText(g.days, lang)} ${g.text}`).join(", ");
}

/** "slot 60 min; a booking lasts 60 min to the whole day". */
export function gridLine(v: Pick<Venue, "slot_minutes" | "min_duration_minutes" | "max_duration_minutes">, lang: Lang): string {
  const max = v.max_duration_minutes === null ? t(lang, "cal.wholeDay") : t(lang, "cal.minutes", { n: v.max_duration_minutes });
  return t(lang, "cal.grid", { slot: v.slot_minutes, min: v.min_duration_minutes, max });
}

const POLICY_FIELDS = ["min_notice_minutes", "horizon_days", "cancel_until_minutes", "hold_minutes", "max_live_bookings_per_user"] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

const POLICY_LABELS: Record<PolicyField, MessageKey> = {
  min_notice_minutes: "policy.minNotice",
  horizon_days: "policy.horizon",
  cancel_until_minutes: "policy.cancelUntil",
  hold_minutes: "policy.hold",
  max_live_bookings_per_user: "policy.maxLive",
};

function policyValue(field: PolicyField, n: number, lang: Lang): string {
  if (field === "horizon_days") return t(lang, "cal.days", { n });
  if (field === "max_live_bookings_per_user") return String(n);
  if (field === "hold_minutes" && n === 0) return t(lang, "policy.holdUntilStart");
  return t(lang, "cal.minutes", { n });
}

/** A row for each rule: what it is, its value, and whether the venue set it or follows the server. */
export function policyRows(p: Policy, lang: Lang): string[][] {
  return POLICY_FIELDS.map((f) => [
    t(lang, POLICY_LABELS[f]),
    policyValue(f, p[f], lang),
    t(lang, p.defaults.includes(f) ? "policy.serverDefault" : "policy.venueOwn"),
  ]);
}

type PriceRule = Venue["price_rules"][number];

/** Price rules numbered from 1, in the order they are tried. */
export function priceRuleRows(rules: readonly PriceRule[], units: Venue["units"], lang: Lang): Cell[][] {
  return rules.map((r, i) => {
    const unit = units.find((u) => u.id === r.unit_id);
    return [
      i + 1,
      daysText(r.weekdays, lang),
      spanText(r.start_time, r.end_time, lang),
      money(r.price_per_hour),
      r.unit_id === null ? t(lang, "cal.allUnits") : `#${r.unit_id}${unit ? ` ${unit.name}` : ""}`,
    ];
  });
}

export const priceRuleHead = (lang: Lang): string[] => [
  "#",
  t(lang, "col.days"),
  t(lang, "col.hours"),
  t(lang, "col.pricePerHour"),
  t(lang, "col.unit"),
];
