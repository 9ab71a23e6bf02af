// A closure as a person reads it: when (the whole day, part of it, a night's small hours), which
// unit, why; and the venue's closures named on the command line or chosen from a list on a terminal.
import { ClosureListSchema } from "@venue-booking/contract";
import type { Closure } from "@venue-booking/contract";
import { addDays, pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { query } from "../../../api-client.ts";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { CliError, UsageError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import { formatDay } from "../../../output.ts";
import { spanText } from "../calendar-text.ts";

type ClosureTime = Pick<Closure, "date" | "start_time" | "end_time" | "whole_day" | "after_midnight">;

/** "the whole day (09:00-22:00)", "12:00-14:00", or "01:00-03:00 (on Fri 2027-01-01)" for a night's small hours. */
export function closureTime(c: ClosureTime, lang: Lang): string {
  if (c.whole_day) return `${t(lang, "cal.wholeDay")} (${c.start_time}-${c.end_time})`;
  if (c.after_midnight) return `${c.start_time}-${c.end_time} (${t(lang, "cal.onDay", { day: formatDay(addDays(c.date, 1)) })})`;
  return spanText(c.start_time, c.end_time, lang);
}

/** "Thu 2026-12-31 the whole day (09:00-22:00)". */
export const closureWhen = (c: ClosureTime, lang: Lang) => `${formatDay(c.date)} ${closureTime(c, lang)}`;

export const reasonText = (c: Pick<Closure, "reason">, lang: Lang) => (c.reason ? pickTranslation(c.reason, lang) : "");

export function listClosures(ctx: CliContext, venueId: number, all: boolean): Promise<Closure[]> {
  return ctx.api
    .get(`/api/venues/${venueId}/closures/${query({ include_past: all ? "true" : undefined })}`, ClosureListSchema)
    .then((l) => l.results);
}

/** The closure named by `arg`; without it, on a terminal, one chosen from the venue's coming closures. */
export async function pickClosure(ctx: CliContext, venueId: number, arg: string | undefined): Promise<number> {
  if (arg !== undefined && arg !== "") return parseId(arg, ctx.lang, "<closure-id>");
  if (!ctx.interactive) throw new UsageError(t(ctx.lang, "usage.missing", { flag: "<closure-id>" }));
  const closures = await listClosures(ctx, venueId, false);
  if (!closures.length) throw new CliError(t(ctx.lang, "fail.noClosures", { id: venueId }));
  const choices = closures.map((c) => {
    const why = reasonText(c, ctx.lang);
    const unit = c.unit_id === null ? "" : `, ${t(ctx.lang, "closure.unit", { unit: c.unit_id })}`;
    return { value: String(c.id), name: `#${c.id} ${closureWhen(c, ctx.lang)}${unit}${why ? `: ${why}` : ""}` };
  });
  return Number(await ctx.prompter.select({ message: t(ctx.lang, "ask.closure"), choices }));
}
