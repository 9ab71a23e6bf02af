// series list: weekly series, newest first, by the customer's phone and the venue.
import { pageSchema, SeriesSchema } from "@venue-booking/contract";
import type { Page, Series } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseOptionalId, parsePhone } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { customerText, datesText, weeklyText } from "./series-text.ts";

const SeriesPageSchema = pageSchema(SeriesSchema, "SeriesPage");

export type SeriesListOptions = PagingOptions & { phone?: string; venue?: string };

export async function listSeriesAction(ctx: CliContext, o: SeriesListOptions): Promise<Outcome<Page<Series>>> {
  const l = ctx.lang;
  const filters = {
    phone: o.phone === undefined ? undefined : parsePhone(o.phone, l),
    venue_id: parseOptionalId(o.venue, "--venue", l),
  };
  const paging = parsePaging(o, l);
  const page = await collectPages((n) => ctx.api.get(`/api/admin/series/${query({ ...filters, page: n })}`, SeriesPageSchema), paging);
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    out.table(
      ["ID", c("col.customer"), c("col.venue"), c("col.unit"), c("col.weekly"), c("col.dates"), c("col.live"), c("col.cancelledFrom")],
      page.results.map((s) => [
        s.id,
        customerText(s),
        `#${s.venue_id}`,
        s.unit_id === null ? c("cell.firstFreeUnit") : `#${s.unit_id}`,
        weeklyText(s, l),
        datesText(s),
        s.live_bookings,
        s.cancelled_from === null ? "" : formatDay(s.cancelled_from),
      ]),
      { empty: c("list.noSeries") },
    );
    out.note(pageNote(page, paging, l, "series"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(
    new Command("list")
      .description("list weekly series, newest first")
      .option("--phone <phone>", "the customer's phone")
      .option("--venue <id>", "venue id"),
  )
    .addHelpText("after", "\nExamples:\n  venue-admin series list --phone +998907654321\n  venue-admin series list --venue 15 --all --json")
    .option("--json", "print JSON")
    .action((o: SeriesListOptions & { json?: boolean }) => run((ctx) => listSeriesAction(ctx, o), o));
}
