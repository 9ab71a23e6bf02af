// import venues <file.json|file.csv> [--dry-run] and export venues [--format json|csv]:
// bulk seeding through the API, one report line per row.
import { readFileSync } from "node:fs";
import { VenueCreateSchema } from "@venue-booking/api/schemas";
import { LANGS } from "@venue-booking/core";
import { query } from "../api-client.ts";
import type { CliContext } from "../context.ts";
import { describeIssues } from "../context.ts";
import { parseCsv, toCsv } from "../csv.ts";
import { CliError } from "../errors.ts";
import type { Register } from "./types.ts";
import type { Page, Text, VenueAll } from "./venues.ts";

const FIELDS = ["name", "address", "description"] as const;
export const CSV_COLUMNS = [
  ...FIELDS.flatMap((f) => LANGS.map((l) => `${f}_${l}`)),
  ...LANGS.map((l) => `amenities_${l}`),
  "price_per_hour",
  "opening_time",
  "closing_time",
  "images",
  "is_active",
];

export type ImportRow = { row: number; name: string; result: "created" | "valid" | "invalid" | "failed"; id?: number; message?: string };

function rowsFromCsv(text: string): Record<string, unknown>[] {
  const [head, ...rows] = parseCsv(text);
  if (!head) return [];
  const unknown = head.filter((h) => !CSV_COLUMNS.includes(h));
  if (unknown.length) throw new CliError(`unknown CSV column(s): ${unknown.join(", ")}; expected ${CSV_COLUMNS.join(",")}`, 2);
  return rows.map((cells) => {
    const get = (col: string) => {
      const i = head.indexOf(col);
      const v = i < 0 ? undefined : cells[i]?.trim();
      return v === "" ? undefined : v;
    };
    const text = (f: string): Text | undefined => {
      const t = { ru: get(`${f}_ru`) ?? "", uz: get(`${f}_uz`) ?? null, en: get(`${f}_en`) ?? null };
      return t.ru === "" && !t.uz && !t.en ? undefined : t;
    };
    const split = (v: string | undefined) => (v ? v.split("|").map((s) => s.trim()).filter(Boolean) : []);
    const byLang = Object.fromEntries(LANGS.map((l) => [l, split(get(`amenities_${l}`))]));
    const amenities = (byLang.ru as string[]).map((ru, i) => ({ ru, uz: (byLang.uz as string[])[i] ?? null, en: (byLang.en as string[])[i] ?? null }));
    const out: Record<string, unknown> = { name: text("name"), address: text("address"), price_per_hour: get("price_per_hour") };
    const description = text("description");
    if (description) out.description = description;
    if (amenities.length) out.amenities = amenities;
    if (get("opening_time")) out.opening_time = get("opening_time");
    if (get("closing_time")) out.closing_time = get("closing_time");
    if (get("images")) out.images = split(get("images"));
    const active = get("is_active");
    if (active !== undefined) out.is_active = /^(true|1|yes)$/i.test(active);
    return out;
  });
}

function readRows(file: string): Record<string, unknown>[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`, 2);
  }
  if (/\.csv$/i.test(file)) return rowsFromCsv(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON`, 2);
  }
  if (!Array.isArray(data)) throw new CliError(`${file}: expected a JSON array of venues`, 2);
  return data as Record<string, unknown>[];
}

export async function importVenuesAction(ctx: CliContext, file: string, o: { dryRun?: boolean; json?: boolean }): Promise<ImportRow[]> {
  const rows = readRows(file);
  const report: ImportRow[] = [];
  for (const [i, raw] of rows.entries()) {
    ctx.out.progress(`importing ${i + 1}/${rows.length}`);
    const name = String((raw.name as Text | undefined)?.ru ?? "");
    const parsed = VenueCreateSchema.safeParse(raw);
    if (!parsed.success) {
      report.push({ row: i + 1, name, result: "invalid", message: describeIssues(parsed.error.issues, "row") });
      continue;
    }
    if (o.dryRun) {
      report.push({ row: i + 1, name, result: "valid" });
      continue;
    }
    try {
      const v = await ctx.api.post<{ id: number }>("/api/venues/", parsed.data);
      report.push({ row: i + 1, name, result: "created", id: v.id });
    } catch (e) {
      report.push({ row: i + 1, name, result: "failed", message: (e as Error).message });
    }
  }
  ctx.out.progress("");
  if (o.json) ctx.out.json(report);
  else {
    const c = ctx.out.color;
    ctx.out.table(
      ["Row", "Venue", "Result", "Details"],
      report.map((r) => [r.row, r.name, r.result === "created" || r.result === "valid" ? c.green(r.result) : c.red(r.result), r.id ? `#${r.id}` : (r.message ?? "")]),
    );
    const bad = report.filter((r) => r.result === "invalid" || r.result === "failed").length;
    ctx.out.line(`${report.length} row(s): ${report.length - bad} ${o.dryRun ? "valid" : "imported"}, ${bad} with problems`);
  }
  if (report.some((r) => r.result === "invalid" || r.result === "failed")) throw new CliError("some rows were not imported", 1);
  return report;
}

/** Every venue, active or not, in the import format. */
export async function allVenues(ctx: CliContext): Promise<VenueAll[]> {
  const out: VenueAll[] = [];
  for (let page = 1; ; page++) {
    const p = await ctx.api.get<Page<VenueAll>>(`/api/venues/${query({ translations: "all", include_inactive: "true", page })}`);
    out.push(...p.results);
    ctx.out.progress(`exporting ${out.length}/${p.count}`);
    if (!p.next) break;
  }
  ctx.out.progress("");
  return out;
}

export async function exportVenuesAction(ctx: CliContext, o: { format?: string }): Promise<string> {
  const format = o.format ?? "json";
  if (format !== "json" && format !== "csv") throw new CliError("--format must be json or csv", 2);
  const venues = await allVenues(ctx);
  const records = venues.map((v) => ({
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
      ...FIELDS.flatMap((f) => LANGS.map((l) => r[f][l] ?? "")),
      ...LANGS.map((l) => r.amenities.map((a) => a[l] ?? "").join("|")),
      r.price_per_hour,
      r.opening_time,
      r.closing_time,
      r.images.join("|"),
      r.is_active,
    ]);
    text = toCsv([CSV_COLUMNS, ...rows]);
  }
  ctx.out.line(text.replace(/\n$/, ""));
  return text;
}

export const registerTransfer: Register = (program, run) => {
  program
    .command("import")
    .description("bulk-create venues")
    .command("venues <file>")
    .description("create venues from a JSON array (API create bodies) or a CSV file; a report line per row")
    .option("--dry-run", "only check the rows")
    .option("--json", "print the report as JSON")
    .action((file, o) => run((ctx) => importVenuesAction(ctx, file, o)));
  program
    .command("export")
    .description("export data")
    .command("venues")
    .description("every venue in the import format")
    .option("--format <format>", "json or csv", "json")
    .action((o) => run((ctx) => exportVenuesAction(ctx, o)));
};
