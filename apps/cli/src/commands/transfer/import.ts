// import venues <file.json|file.csv> [--dry-run]: bulk seeding through the API, one report line per row.
import { readFileSync } from "node:fs";
import { VenueCreateSchema, VenueSchema } from "@venue-booking/contract";
import type { TranslatedText } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { parseCsv } from "../../csv.ts";
import { CliError, describeIssues, UsageError } from "../../errors.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { CSV_COLUMNS } from "./columns.ts";

export type ImportRow = { row: number; name: string; result: "created" | "valid" | "invalid" | "failed"; id?: number; message?: string };
export type ImportOptions = { dryRun?: boolean };

function rowsFromCsv(text: string, file: string): Record<string, unknown>[] {
  const [head, ...rows] = parseCsv(text, file);
  if (!head) return [];
  const unknown = head.filter((h) => !CSV_COLUMNS.includes(h));
  if (unknown.length) throw new UsageError(`unknown CSV column(s): ${unknown.join(", ")}; expected ${CSV_COLUMNS.join(",")}`);
  return rows.map((cells) => {
    const get = (col: string) => {
      const i = head.indexOf(col);
      const v = i < 0 ? undefined : cells[i]?.trim();
      return v === "" ? undefined : v;
    };
    const text = (f: string): TranslatedText | undefined => {
      const t = { ru: get(`${f}_ru`) ?? "", uz: get(`${f}_uz`) ?? null, en: get(`${f}_en`) ?? null };
      return t.ru === "" && !t.uz && !t.en ? undefined : t;
    };
    const split = (v: string | undefined) =>
      v
        ? v
            .split("|")
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const byLang = Object.fromEntries(LANGS.map((l) => [l, split(get(`amenities_${l}`))]));
    const amenities = (byLang.ru as string[]).map((ru, i) => ({
      ru,
      uz: (byLang.uz as string[])[i] ?? null,
      en: (byLang.en as string[])[i] ?? null,
    }));
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
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (/\.csv$/i.test(file)) return rowsFromCsv(text, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not valid JSON`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${file}: expected a JSON array of venues`);
  return data as Record<string, unknown>[];
}

/** The report of every row; a failure when any row was invalid or refused. */
export async function importVenuesAction(ctx: CliContext, file: string, o: ImportOptions): Promise<Outcome<ImportRow[]>> {
  const rows = readRows(file);
  const report: ImportRow[] = [];
  for (const [i, raw] of rows.entries()) {
    ctx.out.progress(`importing ${i + 1}/${rows.length}`);
    const name = String((raw.name as TranslatedText | undefined)?.ru ?? "");
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
      const v = await ctx.api.post("/api/venues/", parsed.data, VenueSchema);
      report.push({ row: i + 1, name, result: "created", id: v.id });
    } catch (e) {
      report.push({ row: i + 1, name, result: "failed", message: (e as Error).message });
    }
  }
  ctx.out.progress("");
  const bad = report.filter((r) => r.result === "invalid" || r.result === "failed").length;
  return outcome(
    report,
    (out) => {
      const c = out.color;
      out.table(
        ["Row", "Venue", "Result", "Details"],
        report.map((r) => [
          r.row,
          r.name,
          r.result === "created" || r.result === "valid" ? c.green(r.result) : c.red(r.result),
          r.id ? `#${r.id}` : (r.message ?? ""),
        ]),
      );
      out.line(`${report.length} row(s): ${report.length - bad} ${o.dryRun ? "valid" : "imported"}, ${bad} with problems`);
    },
    bad ? new CliError("some rows were not imported") : undefined,
  );
}

export function importVenuesCommand(run: Runner): Command {
  return new Command("venues")
    .argument("<file>")
    .description("create venues from a JSON array (API create bodies) or a CSV file; a report line per row")
    .option("--dry-run", "only check the rows")
    .option("--json", "print the report as JSON")
    .action((file: string, o: ImportOptions & { json?: boolean }) => run((ctx) => importVenuesAction(ctx, file, o), o));
}
