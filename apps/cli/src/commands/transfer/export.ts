// export venues [--format json|csv] [--output file]: every venue, active or not, in the import format,
// with its id and slug, so importing the export again changes nothing.
import { writeFileSync } from "node:fs";
import { pageSchema, VenueAllLanguagesSchema } from "@venue-booking/contract";
import type { VenueAllLanguages } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import type { CliContext } from "../../context.ts";
import { toCsv } from "../../csv.ts";
import { CliError, UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { CSV_COLUMNS, TEXT_FIELDS } from "./columns.ts";
import { callerDir, callerPath } from "./paths.ts";

export type ExportOptions = {
  format?: string;
  /** A file to write instead of stdout, relative to `cwd`. */
  output?: string;
  cwd?: string;
};

const VenueAllPageSchema = pageSchema(VenueAllLanguagesSchema, "VenueAllLanguagesPage");

/** Every venue, active or not, with all three languages. */
async function allVenues(ctx: CliContext): Promise<VenueAllLanguages[]> {
  const out: VenueAllLanguages[] = [];
  for (let page = 1; ; page++) {
    const p = await ctx.api.get(`/api/venues/${query({ translations: "all", include_inactive: "true", page })}`, VenueAllPageSchema);
    out.push(...p.results);
    ctx.out.progress(t(ctx.lang, "export.progress", { done: out.length, total: p.count }));
    if (!p.next) break;
  }
  ctx.out.progress("");
  return out;
}

/** The exported text (JSON or CSV), printed as it is. */
export async function exportVenuesAction(ctx: CliContext, o: ExportOptions): Promise<Outcome<string>> {
  const format = o.format ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(t(ctx.lang, "usage.format"));
  const records = (await allVenues(ctx)).map((v) => ({
    id: v.id,
    slug: v.slug,
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
      r.id,
      r.slug ?? "",
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
  if (o.output === undefined) return outcome(text, (out) => out.line(text.replace(/\n$/, "")));
  const file = callerPath(o.output, o.cwd);
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(t(ctx.lang, "export.cannotWrite", { file: o.output, reason: (e as Error).message }));
  }
  return outcome(text, (out) => out.line(t(ctx.lang, "export.wrote", { n: records.length, file })));
}

export function exportVenuesCommand(run: Runner): Command {
  return new Command("venues")
    .description("every venue in the import format")
    .option("--format <format>", "json or csv", "json")
    .option("--output <file>", "write to this file instead of stdout")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin export venues --format csv --output venues.csv\n  venue-admin export venues > venues.json",
    )
    .action((o: ExportOptions) => run((ctx) => exportVenuesAction(ctx, { ...o, cwd: callerDir(process.env, process.cwd()) })));
}
