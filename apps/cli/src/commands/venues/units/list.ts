// venues units list <venue-id>: every unit of a venue, inactive ones too.
import type { UnitAllLanguages } from "@venue-booking/contract";
import { pickTranslation } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import type { MessageKey } from "../../../i18n.ts";
import { formatMoney, money } from "../../../output.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenueAll } from "../get-venue.ts";
import { unitName } from "./venue-units.ts";

export async function listUnitsAction(ctx: CliContext, venueArg: string): Promise<Outcome<UnitAllLanguages[]>> {
  const venue = await getVenueAll(ctx, parseId(venueArg, ctx.lang));
  return outcome(venue.units, (out) => {
    const c = out.color;
    const l = (k: MessageKey) => t(ctx.lang, k);
    out.table(
      [
        "ID",
        l("col.name"),
        l("col.kind"),
        l("col.capacity"),
        l("col.pricePerHour"),
        l("col.contains"),
        l("col.sortOrder"),
        l("col.unitActive"),
      ],
      venue.units.map((u) => [
        u.id,
        unitName(u, ctx.lang),
        u.kind ?? "",
        u.capacity,
        u.price_per_hour === null ? c.dim(l("cell.venuePrice")) : money(u.price_per_hour),
        u.contains.map((id) => `#${id}`).join(", "),
        u.sort_order,
        u.is_active ? c.green(l("word.yes")) : c.red(l("word.no")),
      ]),
      { empty: l("list.noUnits") },
    );
    out.note(`#${venue.id} ${pickTranslation(venue.name, ctx.lang)}: ${l("col.pricePerHour")} ${formatMoney(venue.price_per_hour)}`);
  });
}

export function listCommand(run: Runner): Command {
  return new Command("list")
    .argument("<venue-id>")
    .description("every unit of a venue, inactive ones too")
    .addHelpText("after", "\nExamples:\n  venue-admin venues units list 15\n  venue-admin venues units list 15 --json")
    .option("--json", "print JSON")
    .action((venueId: string, o: { json?: boolean }) => run((ctx) => listUnitsAction(ctx, venueId), o));
}
