// series show <id>: one weekly series and the table of its bookings.
import type { SeriesDetail } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import type { Output } from "../../output.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { customerText, datesText, getSeries, printSeriesBookings, weeklyText } from "./series-text.ts";

const LABELS = [
  "series.customer",
  "series.venue",
  "series.unit",
  "series.dates",
  "series.live",
  "series.cancelledFrom",
  "series.note",
] as const satisfies readonly MessageKey[];

function printSeries(out: Output, s: SeriesDetail, lang: Lang): void {
  const rows: [(typeof LABELS)[number], string][] = [
    ["series.customer", `#${s.customer.id} ${customerText(s)}`],
    ["series.venue", `#${s.venue_id}`],
    ["series.unit", s.unit_id === null ? t(lang, "cell.firstFreeUnit") : `#${s.unit_id}`],
    ["series.dates", datesText(s)],
    ["series.live", String(s.live_bookings)],
  ];
  if (s.cancelled_from !== null) rows.push(["series.cancelledFrom", formatDay(s.cancelled_from)]);
  if (s.note) rows.push(["series.note", s.note]);
  // The same column whichever rows a series has.
  const width = Math.max(...LABELS.map((k) => t(lang, k).length)) + 2;
  out.line(out.color.bold(t(lang, "series.heading", { id: s.id, weekly: weeklyText(s, lang) })));
  for (const [k, v] of rows) out.line(`${t(lang, k).padEnd(width)}${v}`);
  out.line("");
  printSeriesBookings(out, s.bookings, lang);
}

export async function showSeriesAction(ctx: CliContext, idArg: string): Promise<Outcome<SeriesDetail>> {
  const s = await getSeries(ctx, parseId(idArg, ctx.lang));
  return outcome(s, (out) => printSeries(out, s, ctx.lang));
}

export function showCommand(run: Runner): Command {
  return new Command("show")
    .argument("<id>")
    .description("one weekly series: its customer, hours and dates, and its bookings")
    .addHelpText("after", "\nExamples:\n  venue-admin series show 7\n  venue-admin series show 7 --json")
    .option("--json", "print JSON")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showSeriesAction(ctx, id), o));
}
