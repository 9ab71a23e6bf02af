// series cancel <id>: cancels a series' live bookings from a date on (default today); the earlier
// ones stay. Confirmed on a terminal, or by --yes.
import { SeriesCancelledSchema } from "@venue-booking/contract";
import type { SeriesCancelled } from "@venue-booking/contract";
import { isLive, localDateTime } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseDate, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import { confirmed, mustConfirm } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { customerText, getSeries, weeklyText } from "./series-text.ts";

export type SeriesCancelOptions = { from?: string; yes?: boolean };

/** The series after cancelling, or null when the person chose to keep it. */
export async function cancelSeriesAction(ctx: CliContext, idArg: string, o: SeriesCancelOptions): Promise<Outcome<SeriesCancelled | null>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const from = o.from === undefined ? undefined : parseDate(o.from, l, "--from");
  if (mustConfirm(ctx, o.yes, "action.cancelSeries")) {
    const s = await getSeries(ctx, id);
    // Without --from the API cancels from its today, the venues' date.
    const since = from ?? localDateTime(new Date(), ctx.out.timeZone).date;
    const n = s.bookings.filter((b) => isLive(b.status) && b.booking_date >= since).length;
    const question = t(l, "confirm.cancelSeries", { id, n, weekly: weeklyText(s, l), customer: customerText(s), from: formatDay(since) });
    if (!(await confirmed(ctx, question))) return outcome(null, (out) => out.line(t(l, "done.kept")));
  }
  const done = await ctx.api.deleteWithAnswer(`/api/admin/series/${id}/${query({ from })}`, SeriesCancelledSchema);
  return outcome(done, (out) => {
    const since = formatDay(from ?? done.cancelled_from ?? "");
    if (!done.cancelled.length) out.line(t(l, "done.seriesNothingCancelled", { id, from: since }));
    else
      out.line(
        t(l, "done.seriesCancelled", { id, n: done.cancelled.length, from: since, list: done.cancelled.map((b) => `#${b}`).join(", ") }),
      );
  });
}

export function cancelCommand(run: Runner): Command {
  return new Command("cancel")
    .argument("<id>")
    .description("cancel a series' bookings from a date on; the earlier ones stay (asks first unless --yes)")
    .option("--from <YYYY-MM-DD>", "the first day to cancel (default: today)")
    .option("--yes", "do not ask (required without a terminal)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExamples:\n  venue-admin series cancel 7 --from 2027-01-05\n  venue-admin series cancel 7 --yes")
    .action((id: string, o: SeriesCancelOptions & { json?: boolean }) => run((ctx) => cancelSeriesAction(ctx, id, o), o));
}
