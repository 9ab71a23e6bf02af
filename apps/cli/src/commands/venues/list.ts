// venues list: a page of venues in the admin's language.
import { pageSchema, VenueSchema } from "@venue-booking/contract";
import type { Page, Venue } from "@venue-booking/contract";
import { compareMoney } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseMoney } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { money } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { weekLine } from "./calendar-text.ts";

const VenuePageSchema = pageSchema(VenueSchema, "VenuePage");

export type ListOptions = PagingOptions & { search?: string; minPrice?: string; maxPrice?: string; inactive?: boolean };

export async function listVenuesAction(ctx: CliContext, o: ListOptions): Promise<Outcome<Page<Venue>>> {
  const minPrice = parseMoney(o.minPrice, "--min-price", ctx.lang);
  const maxPrice = parseMoney(o.maxPrice, "--max-price", ctx.lang);
  if (minPrice && maxPrice && compareMoney(minPrice, maxPrice) > 0)
    throw new UsageError("--min-price must not be greater than --max-price");
  const paging = parsePaging(o, ctx.lang);
  const page = await collectPages(
    (n) =>
      ctx.api.get(
        `/api/venues/${query({ search: o.search, min_price: minPrice, max_price: maxPrice, include_inactive: o.inactive ? "true" : undefined, page: n })}`,
        VenuePageSchema,
        { public: true },
      ),
    paging,
  );
  return outcome(page, (out) => {
    const c = out.color;
    const l = (k: MessageKey) => t(ctx.lang, k);
    out.table(
      ["ID", l("col.name"), l("col.pricePerHour"), l("col.hours"), l("col.venueActive")],
      page.results.map((v) => [
        v.id,
        v.name,
        money(v.price_per_hour),
        weekLine(v.weekly_hours, ctx.lang),
        v.is_active ? c.green(l("word.yes")) : c.red(l("word.no")),
      ]),
      { empty: l("list.noVenues") },
    );
    out.note(pageNote(page, paging, ctx.lang, "venue"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(
    new Command("list")
      .description("list venues")
      .option("--search <text>", "part of the name, any language")
      .option("--min-price <amount>")
      .option("--max-price <amount>")
      .option("--inactive", "include inactive venues"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues list --search арена --max-price 200000\n  venue-admin venues list --inactive --all --json\n  venue-admin venues list --limit 25",
    )
    .option("--json", "print JSON")
    .action((o: ListOptions & { json?: boolean }) => run((ctx) => listVenuesAction(ctx, o), o));
}
