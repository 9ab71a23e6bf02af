// export venues [--format json|csv]: every venue, active or not, in the import format.
import { pageSchema, VenueAllLanguagesSchema } from "@venue-booking/contract";
import type { VenueAllLanguages } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import type { CliContext } from "../../context.ts";
import { toCsv } from "../../csv.ts";
import { UsageError } from "../../errors.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { CSV_COLUMNS, TEXT_FIELDS } from "./columns.ts";

const VenueAllPageSchema = pageSchema(VenueAllLanguagesSchema, "VenueAllLanguagesPage");

/** Every venue, active or not, with all three languages. */
async function allVenues(ctx: CliContext): Promise<VenueAllLanguages[]> {
  const out: VenueAllLanguages[] = [];
  for (let page = 1; ; page++) {
    const p = await ctx.api.get(`/api/venues/${query({ translations: "all", include_inactive: "true", page })}`, VenueAllPageSchema);
    out.push(...p.results);
    ctx.out.progress(`exporting ${out.length}/${p.count}`);
    if (!p.next) break;
  }
  ctx.out.progress("");
  return out;
}

/** The exported text (JSON or CSV), printed as it is. */
export async function exportVenuesAction(ctx: CliContext, o: { format?: string }): Promise<Outcome<string>> {
  const format = o.format ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError("--format must be json or csv");
  const records = (await allVenues(ctx)).map((v) => ({
    name: v.name,
    address: v.address,
    description: v.description,
    amenities: v.amenities,
    price_per_hour: v.price_per_hour,
    images: v.images,
    opening_time: v.opening_time,
    closing_time: v.closing_time,
    is_active: v.is_active,
  }));
  let text: string;
  if (format === "json") text = `${JSON.stringify(records, null, 2)}\n`;
  else {
    const rows = records.map((r) => [
      ...TEXT_FIELDS.flatMap((f) => LANGS.map((l) => r[f][l] ?? "")),
      ...LANGS.map((l) => r.amenities.map((a) => a[l] ?? "").join("|")),
      r.price_per_hour,
      r.opening_time,
      r.closing_time,
      r.images.join("|"),
      r.is_active,
    ]);
    text = toCsv([CSV_COLUMNS, ...rows]);
  }
  return outcome(text, (out) => out.line(text.replace(/\n$/, "")));
}

export function exportVenuesCommand(run: Runner): Command {
  return new Command("venues")
    .description("every venue in the import format")
    .option("--format <format>", "json or csv", "json")
    .action((o: { format?: string }) => run((ctx) => exportVenuesAction(ctx, o)));
}
