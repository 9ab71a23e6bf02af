// venues hours show <id>: the venue's week (each weekday's hours, or closed) and its booking grid.
import type { Venue } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import type { Output } from "../../../output.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { gridLine, weekRows } from "../calendar-text.ts";
import { getVenue } from "../get-venue.ts";

export type WeekView = Pick<Venue, "id" | "weekly_hours" | "slot_minutes" | "min_duration_minutes" | "max_duration_minutes">;

export const weekView = (v: Venue): WeekView => ({
  id: v.id,
  weekly_hours: v.weekly_hours,
  slot_minutes: v.slot_minutes,
  min_duration_minutes: v.min_duration_minutes,
  max_duration_minutes: v.max_duration_minutes,
});

/** The week as a table, Monday first, and the grid under it. */
export function printWeek(out: Output, v: WeekView, lang: Lang): void {
  out.table([t(lang, "col.day"), t(lang, "col.hours")], weekRows(v.weekly_hours, lang));
  out.line(gridLine(v, lang));
}

export async function showHoursAction(ctx: CliContext, idArg: string): Promise<Outcome<WeekView>> {
  const v = await getVenue(ctx, parseId(idArg, ctx.lang));
  return outcome(weekView(v), (out) => {
    out.line(out.color.bold(`${v.name} (#${v.id})`));
    printWeek(out, v, ctx.lang);
  });
}

export function showCommand(run: Runner): Command {
  return new Command("show")
    .argument("<id>")
    .description("the venue's week: each weekday's hours (or closed) and the booking grid")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin venues hours show 15")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showHoursAction(ctx, id), o));
}
