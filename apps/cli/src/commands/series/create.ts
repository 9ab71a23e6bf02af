// series create: a team's standing booking, the same hours on one weekday for some weeks, booked for
// the customer's phone in one request. A date that cannot be booked fails the whole series (listed,
// with why), unless --skip books the others; on a terminal the person is asked whether to skip them.
import { MAX_SERIES_WEEKS, SeriesCreatedSchema, SeriesCreateSchema } from "@venue-booking/contract";
import type { SeriesCreate, SeriesCreated, SkippedDate } from "@venue-booking/contract";
import { isValidDate, weeklyDates, WEEKDAYS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, dateAnswer, parseDate, parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { ApiError, CliError, UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import type { Output } from "../../output.ts";
import { confirmed, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { askCustomer, askHours, askNote, askVenue, chooseUnit, deskValues, missing } from "../bookings/desk-fields.ts";
import type { DeskFlags } from "../bookings/desk-fields.ts";
import { dayName, parseWeekday } from "../venues/calendar-text.ts";
import { customerText, datesText, printDates, printSeriesBookings, weeklyText } from "./series-text.ts";

export type SeriesCreateFlags = DeskFlags & {
  weekday?: string;
  firstDate?: string;
  weeks?: string;
  lastDate?: string;
  skip?: boolean;
};

/** How long it runs: a number of weeks, or up to a last date. */
type Span = { weeks: number } | { last_date: string };

function spanFlags(f: SeriesCreateFlags, lang: Lang): Span | undefined {
  if (f.weeks !== undefined && f.lastDate !== undefined) throw new UsageError(t(lang, "usage.notBoth", { a: "--weeks", b: "--last-date" }));
  const weeks = parseOptionalId(f.weeks, "--weeks", lang);
  if (weeks !== undefined) return { weeks };
  return f.lastDate === undefined ? undefined : { last_date: parseDate(f.lastDate, lang, "--last-date") };
}

async function askWeekday(ctx: CliContext): Promise<number> {
  if (!ctx.interactive) throw new UsageError(t(ctx.lang, "usage.missing", { flag: "--weekday" }));
  const choices = WEEKDAYS.map((d) => ({ value: String(d), name: dayName(d, ctx.lang) }));
  return Number(await ctx.prompter.select({ message: t(ctx.lang, "ask.weekday"), choices }));
}

/** One answer for either: "12" weeks, or "2027-02-16" the last date. */
async function askSpan(ctx: CliContext): Promise<Span> {
  const l = ctx.lang;
  if (!ctx.interactive) throw new UsageError(t(l, "usage.missingEither", { a: "--weeks", b: "--last-date" }));
  const weeks = (v: string) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SERIES_WEEKS;
  const answer = await ctx.prompter.input({
    message: t(l, "ask.weeksOrLastDate", { max: MAX_SERIES_WEEKS }),
    validate: (v) => weeks(v) || isValidDate(v) || t(l, "answer.weeksOrLastDate", { max: MAX_SERIES_WEEKS }),
  });
  return weeks(answer) ? { weeks: Number(answer) } : { last_date: answer };
}

/** The dates a SERIES_CONFLICTS answer lists; undefined for any other failure. */
function conflictDates(e: unknown): SkippedDate[] | undefined {
  if (!(e instanceof ApiError) || e.problem?.code !== "SERIES_CONFLICTS") return undefined;
  return e.problem.dates ?? [];
}

/** How many dates the series has, as the API counts them. */
function occurrences(s: SeriesCreate): number {
  try {
    const end = s.weeks !== undefined ? { weeks: s.weeks } : { last: s.last_date ?? s.first_date };
    return weeklyDates(s.weekday, s.first_date, end, MAX_SERIES_WEEKS).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function printMade(out: Output, s: SeriesCreated, lang: Lang): void {
  out.line(
    t(lang, "done.seriesMade", {
      id: s.id,
      weekly: weeklyText(s, lang),
      customer: customerText(s),
      venue: s.venue_id,
      n: s.bookings.length,
      dates: datesText(s),
    }),
  );
  printSeriesBookings(out, s.bookings, lang);
  for (const d of s.skipped) out.line(t(lang, "done.seriesSkipped", { date: formatDay(d.date), reason: d.message, code: d.code }));
}

export type SeriesCreateResult = SeriesCreated | { dates: SkippedDate[] };

export async function createSeriesAction(ctx: CliContext, f: SeriesCreateFlags): Promise<Outcome<SeriesCreateResult>> {
  const l = ctx.lang;
  const given = deskValues(f, l);
  const givenWeekday = f.weekday === undefined ? undefined : parseWeekday(f.weekday, "--weekday", l);
  const givenFirst = f.firstDate === undefined ? undefined : parseDate(f.firstDate, l, "--first-date");
  const givenSpan = spanFlags(f, l);
  const asking = ctx.interactive && missing(given.venueId, givenWeekday, given.from, given.to, givenFirst, givenSpan, given.phone);
  const venueId = await askVenue(ctx, given.venueId);
  const weekday = givenWeekday ?? (await askWeekday(ctx));
  const hours = await askHours(ctx, given);
  const first =
    givenFirst ?? parseDate(await need(ctx, undefined, "--first-date", t(l, "ask.firstDate"), dateAnswer(l)), l, "--first-date");
  const span = givenSpan ?? (await askSpan(ctx));
  const { unit } = await chooseUnit(ctx, venueId, given, asking);
  const customer = await askCustomer(ctx, given, f, asking);
  const note = await askNote(ctx, f, asking);
  const body = {
    venue_id: venueId,
    ...unit,
    ...customer,
    weekday,
    ...hours,
    first_date: first,
    ...span,
    ...(f.skip ? { on_conflict: "skip" } : {}),
    ...note,
  };
  const payload = check(SeriesCreateSchema, body, "series", l);
  const post = (skip: boolean) =>
    ctx.api.post("/api/admin/series/", skip ? { ...payload, on_conflict: "skip" } : payload, SeriesCreatedSchema);
  let made: SeriesCreated;
  try {
    made = await post(false);
  } catch (e) {
    const dates = conflictDates(e);
    if (!dates) throw e;
    // With --skip, or when every date is refused, there is nothing to book around.
    const none = payload.on_conflict === "skip" || dates.length >= occurrences(payload);
    const failure = new CliError(t(l, none ? "fail.seriesNoDate" : "fail.seriesConflicts", { n: dates.length }));
    if (!ctx.interactive || none) return outcome({ dates }, (out) => printDates(out, dates, l), failure);
    printDates(ctx.out, dates, l);
    if (!(await confirmed(ctx, t(l, "confirm.skipDates", { n: dates.length })))) {
      return outcome({ dates }, (out) => out.line(t(l, "done.seriesNotMade")));
    }
    made = await post(true);
  }
  return outcome(made, (out) => printMade(out, made, l));
}

export function createCommand(run: Runner): Command {
  return new Command("create")
    .description("book the same hours on one weekday for some weeks, for a customer by phone (asks on a terminal for what is missing)")
    .option("--venue <id>", "venue id")
    .option("--phone <phone>", "the customer's phone, +998XXXXXXXXX (a new one makes an unverified customer)")
    .option("--unit <id>", "this unit every week (see venues units list); default: the first free one each week")
    .option("--kind <kind>", "the first free unit of this kind each week, e.g. court")
    .option("--weekday <day>", "1-7 (1 = Monday) or mon..sun")
    .option("--from <HH:MM>", "start time")
    .option("--to <HH:MM>", "end time (at or before --from: past midnight)")
    .option("--first-date <YYYY-MM-DD>", "the series starts on the first such weekday from this day")
    .option("--weeks <n>", `how many weeks (at most ${MAX_SERIES_WEEKS})`)
    .option("--last-date <YYYY-MM-DD>", "instead of --weeks: the last day it may fall on")
    .option("--skip", "book the dates that can be booked and list the others (default: one refused date and nothing is booked)")
    .option("--name <text>", "the customer's name, e.g. the team's (kept for a new customer)")
    .option("--note <text>", "a note on every booking, up to 500 characters")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin series create --venue 15 --phone +998907654321 --name "FC Chilonzor" --weekday tue --from 20:00 --to 22:00 --first-date 2026-12-01 --weeks 12 --skip\n  venue-admin series create --venue 15 --unit 4 --phone +998907654321 --weekday 6 --from 10:00 --to 12:00 --first-date 2026-12-05 --last-date 2027-05-29',
    )
    .action((o: SeriesCreateFlags & { json?: boolean }) => run((ctx) => createSeriesAction(ctx, o), o));
}
