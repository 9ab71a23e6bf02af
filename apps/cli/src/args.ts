// Every check of a value typed on the command line or at a prompt, with the one-line usage error
// (exit code 2) it fails with.
import { BOOKING_STATUSES, isBookingStatus, isLang, isMoney, isPhone, isValidDate } from "@venue-booking/core";
import type { BookingStatus, Lang } from "@venue-booking/core";
import type { ZodType } from "zod";
import { describeIssues, UsageError, withoutFullStop } from "./errors.ts";
import { issueText, t } from "./i18n.ts";

const MAX_ID = 2_147_483_647;
const INTEGER = /^-?\d{1,10}$/;

// Each check takes the admin's language (ctx.lang) for its usage error; flags stay as typed.

/** A positive id; `what` names it in the error (a flag, or by default "id" in `lang`). */
export function parseId(value: string, lang: Lang, what: string = t(lang, "what.id")): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ID)
    throw new UsageError(t(lang, "usage.invalid", { what, value }));
  return Number(value);
}

/** An id flag that may be absent (`--venue`, `--user`). */
export function parseOptionalId(value: string | undefined, flag: string, lang: Lang): number | undefined {
  return value === undefined ? undefined : parseId(value, lang, flag);
}

/** A whole number (`--capacity`, `--sort-order`); its range is the contract's to check. */
export function parseInteger(value: string | undefined, flag: string, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  if (!INTEGER.test(value.trim())) throw new UsageError(t(lang, "usage.invalid", { what: flag, value }));
  return Number(value);
}

/** Comma-separated ids (`--contains 3,4`): an absent flag stays absent, an empty one is no ids. */
export function parseIds(value: string | undefined, flag: string, lang: Lang): number[] | undefined {
  return commaList(value)?.map((v) => parseId(v, lang, flag));
}

export function parsePage(value: string | undefined, lang: Lang): number | undefined {
  return parseOptionalId(value, "--page", lang);
}

/** A non-negative amount like 150000.00 (a price filter). */
export function parseMoney(value: string | undefined, flag: string, lang: Lang): string | undefined {
  if (value !== undefined && !isMoney(value)) throw new UsageError(t(lang, "usage.money", { flag }));
  return value;
}

export function parseDate(value: string, lang: Lang, flag = "--date"): string {
  if (!isValidDate(value)) throw new UsageError(t(lang, "usage.date", { flag }));
  return value;
}

export function parsePhone(value: string, lang: Lang, flag = "--phone"): string {
  if (!isPhone(value)) throw new UsageError(t(lang, "usage.phone", { flag }));
  return value;
}

/** The language of a translation (`--lang`); `lang` is the admin's, for the error. */
export function parseLang(value: string, lang: Lang): Lang {
  if (!isLang(value)) throw new UsageError(t(lang, "usage.lang"));
  return value;
}

export function parseStatus(value: string | undefined, lang: Lang): BookingStatus | undefined {
  if (value !== undefined && !isBookingStatus(value)) throw new UsageError(t(lang, "usage.status", { list: BOOKING_STATUSES.join(", ") }));
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
  lang: Lang,
  opts: { keepEmpty?: boolean } = {},
): string[] | undefined {
  if (comma !== undefined && repeated !== undefined) throw new UsageError(t(lang, "usage.notBoth", { a: flags[0], b: flags[1] }));
  const items = repeated ?? (comma === undefined ? undefined : comma.trim() === "" ? [] : comma.split(","));
  if (!items) return undefined;
  const trimmed = items.map((s) => s.trim());
  return opts.keepEmpty ? trimmed : trimmed.filter(Boolean);
}

/** What a checked value is, named in the admin's language in the usage error. */
export type What =
  | "venue"
  | "unit"
  | "session"
  | "status"
  | "translation"
  | "imageUrl"
  | "hours"
  | "closure"
  | "priceRule"
  | "policy"
  | "booking"
  | "move"
  | "series"
  | "webhook";

/** A request body checked with the contract's schema before it is sent; the problems as one line in `lang`. */
export function check<T>(schema: ZodType<T>, value: unknown, what: What, lang: Lang): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const noun = t(lang, `what.${what}`);
  throw new UsageError(t(lang, "check.invalid", { what: noun, problems: describeIssues(r.error.issues, noun, lang, value) }));
}

// Checks of prompt answers, as they are typed: true, or what is wrong in the admin's language.
type Answer = (v: string) => true | string;
/** The check of an answer that may be left empty. */
export const orEmpty =
  (check: Answer): Answer =>
  (v) =>
    v === "" || check(v);
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
export const idAnswer =
  (lang: Lang): Answer =>
  (v) =>
    (/^\d{1,10}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_ID) || t(lang, "answer.id");
export const idsAnswer =
  (lang: Lang): Answer =>
  (v) =>
    (commaList(v) ?? []).every((id) => /^\d{1,10}$/.test(id) && Number(id) >= 1 && Number(id) <= MAX_ID) || t(lang, "answer.ids");
/**
 * A prompt check from a contract schema: true, or the schema's complaint as one line. With
 * `integer`, the answer must be a whole number and the schema checks it as one.
 */
export function schemaAnswer(schema: ZodType, lang: Lang, opts: { optional?: boolean; integer?: boolean } = {}): Answer {
  return (v) => {
    if (opts.optional && v.trim() === "") return true;
    if (!opts.optional && v.trim() === "") return t(lang, "answer.required");
    if (opts.integer && !INTEGER.test(v.trim())) return t(lang, "answer.integer");
    const r = schema.safeParse(opts.integer ? Number(v) : v);
    if (r.success) return true;
    return r.error.issues.map((i) => withoutFullStop(issueText(i, lang, v))).join("; ");
  };
}
