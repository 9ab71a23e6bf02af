// venues show <id>: one venue, all three languages side by side, and its calendar in brief.
import type { TranslatedText, VenueAllLanguages } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { formatLocal, formatMoney } from "../../output.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { gridLine, policyRows, weekLine } from "./calendar-text.ts";
import { getVenueAll } from "./get-venue.ts";

export async function showVenueAction(ctx: CliContext, idArg: string): Promise<Outcome<VenueAllLanguages>> {
  const v = await getVenueAll(ctx, parseId(idArg, ctx.lang));
  return outcome(v, (out) => {
    const cell = (t: TranslatedText, l: Lang) => t[l] ?? "";
    const rows: string[][] = [
      ["name", ...LANGS.map((l) => cell(v.name, l))],
      ["address", ...LANGS.map((l) => cell(v.address, l))],
      ["description", ...LANGS.map((l) => cell(v.description, l))],
      ...v.amenities.map((a, i) => [`amenity ${i + 1}`, ...LANGS.map((l) => cell(a, l))]),
    ];
    out.line(out.color.bold(`Venue #${v.id}${v.is_active ? "" : " (inactive)"}`));
    out.table(["", "uz", "ru", "en"], rows);
    out.line(`price per hour: ${formatMoney(v.price_per_hour)}   active: ${v.is_active ? "yes" : "no"}`);
    const l = ctx.lang;
    out.line(t(l, "show.week", { week: weekLine(v.weekly_hours, l) }));
    out.line(gridLine(v, l));
    if (v.price_rules.length) out.line(t(l, "show.priceRules", { n: v.price_rules.length, id: v.id }));
    out.line(
      t(l, "show.policy", {
        policy: policyRows(v.policy, l)
          .map(([rule, value]) => `${rule}: ${value}`)
          .join("; "),
      }),
    );
    out.line(`images: ${v.images.length ? v.images.join(" ") : "none"}`);
    out.line(`changed: ${formatLocal(v.updated_at, out.timeZone)} (${out.timeZone})`);
  });
}

export function showCommand(run: Runner): Command {
  return new Command("show")
    .argument("<id>")
    .description("one venue, all three languages side by side")
    .addHelpText("after", "\nExample:\n  venue-admin venues show 15")
    .option("--json", "print JSON")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showVenueAction(ctx, id), o));
}
