// sessions list: the sessions still to come (or under way), by date, with the places left in each.
import { pageSchema, SessionSchema } from "@venue-booking/contract";
import type { Page, SessionJson } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseDate, parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay, money } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { placesLeftText, sessionStatusText } from "./get-session.ts";

const SessionPageSchema = pageSchema(SessionSchema, "SessionPage");

export type SessionListOptions = PagingOptions & {
  date?: string;
  venue?: string;
  from?: string;
  to?: string;
  available?: boolean;
};

export async function listSessionsAction(ctx: CliContext, o: SessionListOptions): Promise<Outcome<Page<SessionJson>>> {
  const l = ctx.lang;
  const filters = {
    date: o.date === undefined ? undefined : parseDate(o.date, l),
    from: o.from === undefined ? undefined : parseDate(o.from, l, "--from"),
    to: o.to === undefined ? undefined : parseDate(o.to, l, "--to"),
    venue_id: parseOptionalId(o.venue, "--venue", l),
    available: o.available ? "true" : undefined,
  };
  // Valid dates as YYYY-MM-DD sort as text.
  if (filters.from && filters.to && filters.from > filters.to) throw new UsageError(t(l, "usage.fromAfterTo"));
  const paging = parsePaging(o, l);
  const page = await collectPages(
    (n) => ctx.api.get(`/api/sessions/${query({ ...filters, page: n })}`, SessionPageSchema, { public: true }),
    paging,
  );
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    out.table(
      [
        "ID",
        c("col.title"),
        c("col.venue"),
        c("col.unit"),
        c("col.date"),
        c("col.time"),
        c("col.pricePerPlace"),
        c("col.places"),
        c("col.status"),
      ],
      page.results.map((s) => [
        s.id,
        s.title,
        `#${s.venue_id}`,
        `#${s.unit.id} ${s.unit.name}`,
        formatDay(s.booking_date),
        `${s.start_time}-${s.end_time}`,
        money(s.price_per_place),
        placesLeftText(out, s, l),
        sessionStatusText(out, s, l),
      ]),
      { empty: c("list.noSessions") },
    );
    out.note(pageNote(page, paging, l, "session"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(
    new Command("list")
      .description("list sessions by date, with the places left in each")
      .option("--date <YYYY-MM-DD>", "on this day")
      .option("--venue <id>", "venue id")
      .option("--from <YYYY-MM-DD>", "from this day on")
      .option("--to <YYYY-MM-DD>", "up to this day")
      .option("--available", "only sessions with places left"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin sessions list --venue 15 --from 2026-12-01 --to 2026-12-07\n  venue-admin sessions list --date 2026-12-04 --available\n  venue-admin sessions list --all --json",
    )
    .option("--json", "print JSON")
    .action((o: SessionListOptions & { json?: boolean }) => run((ctx) => listSessionsAction(ctx, o), o));
}
