// venues hours set <id>: each weekday's hours (a weekday not given is closed), every day alike
// (--every, which the weekday flags may override), or back to the venue's opening and closing times
// (--reset); also the booking grid and the bounds of a booking's length. On a terminal with no flag
// it asks for each, the current value as the answer that keeps it.
import { VenueSchema, VenueUpdateSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import { SLOT_LENGTHS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, parseId, parseInteger } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { UsageError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { dayName, parseDayHours, parseSpan, WEEKDAY_FLAGS } from "../calendar-text.ts";
import { getVenue } from "../get-venue.ts";
import { printWeek, weekView } from "./show.ts";
import type { WeekView } from "./show.ts";

type WeekdayFlag = (typeof WEEKDAY_FLAGS)[number];

export type HoursFlags = Partial<Record<WeekdayFlag, string>> & {
  every?: string;
  reset?: boolean;
  slot?: string;
  minDuration?: string;
  maxDuration?: string;
};

const isSlot = (v: string) => (SLOT_LENGTHS as readonly number[]).includes(Number(v.trim())) && /^\d+$/.test(v.trim());

/** A bound of a booking's length: minutes, or `default` (null: the server's). */
function parseBound(value: string | undefined, flag: string, lang: Lang): number | null | undefined {
  if (value === undefined) return undefined;
  return value.trim().toLowerCase() === "default" ? null : parseInteger(value, flag, lang);
}

/** The request body the flags make; checked by the caller with the contract's schema. */
function hoursBody(f: HoursFlags, lang: Lang): Record<string, unknown> {
  const days = WEEKDAY_FLAGS.map((flag) => {
    const v = f[flag];
    return v === undefined ? undefined : parseDayHours(v, `--${flag}`, lang);
  });
  const firstDay = WEEKDAY_FLAGS.find((flag) => f[flag] !== undefined);
  const every = f.every === undefined ? undefined : parseSpan(f.every, "--every", lang);
  if (f.reset && (firstDay || every))
    throw new UsageError(t(lang, "usage.notBoth", { a: "--reset", b: every ? "--every" : `--${firstDay}` }));
  if (f.slot !== undefined && !isSlot(f.slot)) throw new UsageError(t(lang, "usage.slot", { value: f.slot }));
  const b: Record<string, unknown> = {};
  if (f.reset) b.weekly_hours = null;
  if (every) {
    // The usual hours: what the venue list shows, and every day's when no weekday differs.
    b.opening_time = every.from;
    b.closing_time = every.to;
    if (!firstDay) b.weekly_hours = null;
  }
  if (firstDay) {
    b.weekly_hours = WEEKDAY_FLAGS.flatMap((_, i) => {
      const given = days[i];
      const span = given === undefined ? (every ?? null) : given;
      return span ? [{ weekday: i + 1, opening_time: span.from, closing_time: span.to }] : [];
    });
  }
  if (f.slot !== undefined) b.slot_minutes = Number(f.slot);
  const min = parseBound(f.minDuration, "--min-duration", lang);
  const max = parseBound(f.maxDuration, "--max-duration", lang);
  if (min !== undefined) b.min_duration_minutes = min;
  if (max !== undefined) b.max_duration_minutes = max;
  return b;
}

/** Every weekday, then the grid and the bounds; an answer equal to the current value changes nothing. */
async function askHours(ctx: CliContext, v: Venue): Promise<HoursFlags> {
  const l = ctx.lang;
  const ask = async (message: string, current: string, validate: (a: string) => true | string) => {
    const answer = await ctx.prompter.input({ message, default: current, validate });
    return answer.trim() === current ? undefined : answer;
  };
  const valid = (parse: () => unknown, problem: string) => {
    try {
      parse();
      return true as const;
    } catch {
      return problem;
    }
  };
  const now = WEEKDAY_FLAGS.map((_, i) => {
    const day = v.weekly_hours.find((w) => w.weekday === i + 1);
    return day ? `${day.opening_time}-${day.closing_time}` : "closed";
  });
  const answers: (string | undefined)[] = [];
  for (const [i, flag] of WEEKDAY_FLAGS.entries()) {
    const validate = (a: string) => valid(() => parseDayHours(a, `--${flag}`, l), t(l, "answer.dayHours"));
    answers.push(await ask(t(l, "ask.dayHours", { day: dayName(i + 1, l) }), now[i] ?? "closed", validate));
  }
  const flags: HoursFlags = {};
  // One changed day sends the whole week, as the flags do.
  if (answers.some((a) => a !== undefined)) for (const [i, flag] of WEEKDAY_FLAGS.entries()) flags[flag] = answers[i] ?? now[i];
  const bound = (a: string) => valid(() => parseBound(a, "", l), t(l, "answer.bound"));
  flags.slot = await ask(t(l, "ask.slot"), String(v.slot_minutes), (a) => isSlot(a) || t(l, "answer.slot"));
  flags.minDuration = await ask(t(l, "ask.minDuration"), String(v.min_duration_minutes), bound);
  flags.maxDuration = await ask(t(l, "ask.maxDuration"), String(v.max_duration_minutes ?? "default"), bound);
  return flags;
}

const anyFlag = (f: HoursFlags) => Object.entries(f).some(([k, v]) => k !== "json" && v !== undefined);

/** The venue's week after the change; null when the questions were answered with the values it has. */
export async function setHoursAction(ctx: CliContext, idArg: string, f: HoursFlags): Promise<Outcome<WeekView | null>> {
  const id = parseId(idArg, ctx.lang);
  const given = anyFlag(f);
  if (!given && !ctx.interactive) throw new UsageError(t(ctx.lang, "usage.nothingToChange"));
  // The flags are checked before anything is read or sent.
  const fromFlags = given ? check(VenueUpdateSchema, hoursBody(f, ctx.lang), "hours", ctx.lang) : undefined;
  const payload =
    fromFlags ?? check(VenueUpdateSchema, hoursBody(await askHours(ctx, await getVenue(ctx, id)), ctx.lang), "hours", ctx.lang);
  if (Object.keys(payload).length === 0) return outcome(null, (out) => out.line(t(ctx.lang, "done.hoursUnchanged", { id })));
  const v = await ctx.api.patch(`/api/venues/${id}/`, payload, VenueSchema);
  return outcome(weekView(v), (out) => {
    out.line(t(ctx.lang, "done.hoursSaved", { id, name: v.name }));
    printWeek(out, v, ctx.lang);
  });
}

export function setCommand(run: Runner): Command {
  const cmd = new Command("set")
    .argument("<id>")
    .description("set each weekday's hours (a weekday not given is closed), the booking grid and a booking's length");
  for (const [i, flag] of WEEKDAY_FLAGS.entries()) {
    cmd.option(`--${flag} <hours>`, `${dayName(i + 1, "en")}: HH:MM-HH:MM (closing at or before opening: after midnight) or closed`);
  }
  return cmd
    .option("--every <hours>", "every day HH:MM-HH:MM; weekday flags given with it override their day")
    .option("--reset", "every day the venue's opening and closing times (no weekly hours)")
    .option("--slot <minutes>", "the booking grid: 30, 60, 90 or 120")
    .option("--min-duration <minutes>", "the shortest booking, whole slots (default: one slot)")
    .option("--max-duration <minutes>", "the longest booking, whole slots (default: the whole day)")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues hours set 15 --mon 08:00-23:00 --tue 08:00-23:00 --wed 08:00-23:00 --thu 08:00-23:00 --fri 08:00-02:00 --sat 10:00-02:00\n  venue-admin venues hours set 15 --every 09:00-22:00 --sun closed --slot 30\n  venue-admin venues hours set 15 --max-duration default",
    )
    .action((id: string, o: HoursFlags & { json?: boolean }) => run((ctx) => setHoursAction(ctx, id, o), o));
}
