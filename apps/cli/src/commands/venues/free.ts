// venues free --date --from --to: the venues that can take such a booking now, with how many of
// their units could (of a kind, for some places).
import { pageSchema, VenueSchema } from "@venue-booking/contract";
import type { Page, Venue } from "@venue-booking/contract";
import { weekdayOf } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { dateAnswer, parseDate, parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { clockAnswer, parseClock, spanText } from "./calendar-text.ts";

const VenuePageSchema = pageSchema(VenueSchema, "VenuePage");

export type FreeOptions = PagingOptions & { date?: string; from?: string; to?: string; places?: string; kind?: string };

/** The venue's hours on that date's weekday. */
function hoursOn(v: Venue, date: string, lang: Lang): string {
  const day = v.weekly_hours.find((w) => w.weekday === weekdayOf(date));
  return day ? spanText(day.opening_time, day.closing_time, lang) : t(lang, "cal.closed");
}

export async function freeVenuesAction(ctx: CliContext, o: FreeOptions): Promise<Outcome<Page<Venue>>> {
  const l = ctx.lang;
  const places = parseOptionalId(o.places, "--places", l);
  const paging = parsePaging(o, l);
  const date = parseDate(await need(ctx, o.date, "--date", t(l, "ask.date"), dateAnswer(l)), l);
  const from = parseClock(await need(ctx, o.from, "--from", t(l, "ask.startTime"), clockAnswer(l)), "--from", l);
  const to = parseClock(await need(ctx, o.to, "--to", t(l, "ask.endTime"), clockAnswer(l)), "--to", l);
  const page = await collectPages(
    (n) =>
      ctx.api.get(
        `/api/venues/${query({ date, start_time: from, end_time: to, places, unit_kind: o.kind?.trim() || undefined, page: n })}`,
        VenuePageSchema,
        { public: true },
      ),
    paging,
  );
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    const what = [places && places > 1 ? t(l, "cell.places", { n: places }) : "", o.kind ?? ""].filter(Boolean).join(", ");
    out.note(t(l, "free.heading", { when: `${formatDay(date)} ${spanText(from, to, l)}`, what: what ? ` (${what})` : "" }));
    out.table(
      ["ID", c("col.name"), c("col.address"), c("col.freeUnits"), c("col.hours")],
      page.results.map((v) => [v.id, v.name, v.address, v.free_units ?? 0, hoursOn(v, date, l)]),
      { empty: c("list.noFreeVenues") },
    );
    out.note(pageNote(page, paging, l, "venue"));
  });
}

export function freeCommand(run: Runner): Command {
  return pagingOptions(
    new Command("free")
      .description("venues that can take a booking of these hours now, with how many units could")
      .option("--date <YYYY-MM-DD>")
      .option("--from <HH:MM>", "start")
      .option("--to <HH:MM>", "end (at or before --from: past midnight)")
      .option("--places <n>", "places needed (default 1)")
      .option("--kind <kind>", "a unit of this kind: court, lane, half..."),
  )
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues free --date 2026-12-04 --from 19:00 --to 21:00\n  venue-admin venues free --date 2026-12-05 --from 23:00 --to 01:00 --kind court --all --json",
    )
    .action((o: FreeOptions & { json?: boolean }) => run((ctx) => freeVenuesAction(ctx, o), o));
}
