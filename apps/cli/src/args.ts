// Every check of a value typed on the command line or at a prompt, with the one-line usage error
// (exit code 2) it fails with.
import { BOOKING_STATUSES, isBookingStatus, isLang, isMoney, isPhone, isValidDate } from "@venue-booking/core";
import type { BookingStatus, Lang } from "@venue-booking/core";
import type { ZodType } from "zod";
import { describeIssues, UsageError, withoutFullStop } from "./errors.ts";
import { issueText, t } from "./i18n.ts";

const MAX_ID = 2_147_483_647;

export function parseId(value: string, what = "id"): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ID) throw new UsageError(`invalid ${what}: ${value}`);
  return Number(value);
}

/** An id flag that may be absent (`--venue`, `--user`). */
export function parseOptionalId(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : parseId(value, flag);
}

export function parsePage(value: string | undefined): number | undefined {
  return parseOptionalId(value, "--page");
}

/** A non-negative amount like 150000.00 (a price filter). */
export function parseMoney(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isMoney(value)) throw new UsageError(`invalid ${flag}: expected a non-negative amount like 150000.00`);
  return value;
}

export function parseDate(value: string, flag = "--date"): string {
  if (!isValidDate(value)) throw new UsageError(`invalid ${flag}: expected a real date as YYYY-MM-DD`);
  return value;
}

export function parsePhone(value: string, flag = "--phone"): string {
  if (!isPhone(value)) throw new UsageError(`invalid ${flag}: expected +998 followed by 9 digits`);
  return value;
}

export function parseLang(value: string): Lang {
  if (!isLang(value)) throw new UsageError("--lang must be uz, ru or en");
  return value;
}

export function parseStatus(value: string | undefined): BookingStatus | undefined {
  if (value !== undefined && !isBookingStatus(value)) throw new UsageError(`--status must be one of ${BOOKING_STATUSES.join(", ")}`);
  return value;
}

/** "a, b,,c" -> ["a", "b", "c"]; an absent flag stays absent. */
export function commaList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Commander's collector for a repeatable flag: `--amenity-ru Душ --amenity-ru "Кафе, бар"`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * One list from a comma-separated flag and its repeatable one-item form (the way to give an item
 * holding a comma); an absent list stays absent. Giving both is refused: their order against each
 * other is lost on the command line. With `keepEmpty`, "Dush,,Kafe" keeps its empty middle item
 * (a translation list pairs by position, so an empty item must not shift the rest).
 */
export function listFlag(
  comma: string | undefined,
  repeated: string[] | undefined,
  flags: [string, string],
  opts: { keepEmpty?: boolean } = {},
): string[] | undefined {
  if (comma !== undefined && repeated !== undefined) throw new UsageError(`use ${flags[0]} or ${flags[1]}, not both`);
  const items = repeated ?? (comma === undefined ? undefined : comma.trim() === "" ? [] : comma.split(","));
  if (!items) return undefined;
  const trimmed = items.map((s) => s.trim());
  return opts.keepEmpty ? trimmed : trimmed.filter(Boolean);
}

/** What a checked value is, named in the admin's language in the usage error. */
export type What = "venue" | "status" | "translation" | "imageUrl";

/** A request body checked with the contract's schema before it is sent; the problems as one line in `lang`. */
export function check<T>(schema: ZodType<T>, value: unknown, what: What, lang: Lang): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const noun = t(lang, `what.${what}`);
  throw new UsageError(t(lang, "check.invalid", { what: noun, problems: describeIssues(r.error.issues, noun, lang, value) }));
}

// Checks of prompt answers, as they are typed: true, or what is wrong in the admin's language.
type Answer = (v: string) => true | string;
export const phoneAnswer =
  (lang: Lang): Answer =>
  (v) =>
    isPhone(v) || t(lang, "answer.phone");
export const dateAnswer =
  (lang: Lang): Answer =>
  (v) =>
    isValidDate(v) || t(lang, "answer.date");
export const langAnswer =
  (lang: Lang): Answer =>
  (v) =>
    isLang(v) || t(lang, "answer.lang");
export const codeAnswer =
  (lang: Lang): Answer =>
  (v) =>
    /^\d{6}$/.test(v) || t(lang, "answer.code");
/** A prompt check from a contract schema: true, or the schema's complaint as one line. */
export function schemaAnswer(schema: ZodType, lang: Lang, opts: { optional?: boolean } = {}): Answer {
  return (v) => {
    if (opts.optional && v.trim() === "") return true;
    if (!opts.optional && v.trim() === "") return t(lang, "answer.required");
    const r = schema.safeParse(v);
    if (r.success) return true;
    return r.error.issues.map((i) => withoutFullStop(issueText(i, lang, v))).join("; ");
  };
}
