// The rows of an import file (a JSON array of venues or a CSV file), each with its place in the
// file. A row that cannot be a venue (a CSV row with the wrong number of cells, a JSON `null`) is
// kept as a problem of that row, so the others still import.
import { readFileSync } from "node:fs";
import type { TranslatedText } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import { parseCsvRecords } from "../../csv.ts";
import { UsageError } from "../../errors.ts";
import { CSV_COLUMNS } from "./columns.ts";

/** `row` counts the file's records from 1; `line` is where the record starts in the file. */
export type FileRow = { row: number; line: number } & ({ data: Record<string, unknown> } | { problem: string });

export function readRows(file: string, shownAs = file): FileRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${shownAs}: ${(e as Error).message}`);
  }
  return /\.csv$/i.test(file) ? rowsFromCsv(text, shownAs) : rowsFromJson(text, shownAs);
}

function rowsFromJson(text: string, file: string): FileRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new UsageError(`${file} is not valid JSON`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${file}: expected a JSON array of venues`);
  const lines = elementLines(text);
  return data.map((item: unknown, i) => {
    const at = { row: i + 1, line: lines[i] ?? 1 };
    return item !== null && typeof item === "object" && !Array.isArray(item)
      ? { ...at, data: item as Record<string, unknown> }
      : { ...at, problem: `expected a venue (an object), got ${item === null ? "null" : Array.isArray(item) ? "an array" : typeof item}` };
  });
}

/** The line each element of a top-level JSON array starts on (the text is known to be valid JSON). */
export function elementLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch) || ch === "\uFEFF") continue;
    if (depth === 1 && expectValue && ch !== "]") {
      out.push(line);
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectValue = true;
  }
  return out;
}

function rowsFromCsv(text: string, file: string): FileRow[] {
  const [head, ...records] = parseCsvRecords(text, file);
  if (!head) return [];
  const columns = head.cells.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((h) => !CSV_COLUMNS.includes(h));
  if (unknown.length) throw new UsageError(`unknown CSV column(s): ${unknown.join(", ")}; expected ${CSV_COLUMNS.join(",")}`);
  return records.map(({ line, cells }, i) => {
    const at = { row: i + 1, line };
    if (cells.length !== columns.length) {
      return { ...at, problem: `${cells.length} cells where the header has ${columns.length}: nothing of this row was read` };
    }
    return { ...at, data: venueFromCells(columns, cells) };
  });
}

/**
 * A venue row from CSV cells. An empty cell is a missing value; a column of a list or of a
 * description that is in the header counts as given even when empty, so a spreadsheet can clear it.
 */
function venueFromCells(columns: string[], cells: string[]): Record<string, unknown> {
  const has = (col: string) => columns.includes(col);
  const get = (col: string) => {
    const i = columns.indexOf(col);
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
  const out: Record<string, unknown> = { name: text("name"), address: text("address"), price_per_hour: get("price_per_hour") };
  const id = get("id");
  if (id !== undefined) out.id = /^\d{1,10}$/.test(id) ? Number(id) : id;
  const slug = get("slug");
  if (slug !== undefined) out.slug = slug;
  const description = text("description");
  if (description) out.description = description;
  else if (LANGS.some((l) => has(`description_${l}`))) out.description = { ru: "" };
  if (LANGS.some((l) => has(`amenities_${l}`))) {
    const [ru, uz, en] = (["ru", "uz", "en"] as const).map((l) => split(get(`amenities_${l}`)));
    out.amenities = (ru ?? []).map((name, i) => ({ ru: name, uz: uz?.[i] ?? null, en: en?.[i] ?? null }));
  }
  if (get("opening_time")) out.opening_time = get("opening_time");
  if (get("closing_time")) out.closing_time = get("closing_time");
  if (has("images")) out.images = split(get("images"));
  const active = get("is_active");
  if (active !== undefined) out.is_active = /^(true|1|yes)$/i.test(active);
  return out;
}
