// CSV files of the import and export commands (RFC 4180, through csv-parse and csv-stringify).
// Cells that a spreadsheet would run as a formula are written with a leading apostrophe, as
// OWASP advises against CSV injection, and read back without it, so an export imports unchanged.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { UsageError } from "./errors.ts";

/**
 * Apostrophes before a formula's first character, as csv-stringify's `escape_formulas` knows it
 * (full-width forms too). That option escapes "=1" as "'=1"; a cell that already reads "'=1" gets
 * one more, so that reading takes exactly one off and every cell comes back as it was.
 */
const ESCAPED = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function toCsv(rows: (string | number | boolean)[][]): string {
  return stringify(rows, {
    escape_formulas: true,
    cast: {
      // "true"/"false" rather than csv-stringify's 1 and "".
      boolean: (v) => String(v),
      string: (v) => (ESCAPED.test(v) ? `'${v}` : v),
    },
  });
}

/** A record of a CSV file and the line of the file it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * The records of a CSV text with the line each starts on, every cell unescaped; blank lines and
 * records of empty cells are skipped. Cells are separated by commas, or by semicolons when the first
 * line has more of those (spreadsheets set to a decimal comma write them). Records may have any
 * number of cells: the caller decides about those that do not match the header. A text that cannot
 * be split into records at all (an unclosed quote) is a UsageError naming `source` and the line.
 */
export function parseCsvRecords(text: string, source = "CSV"): CsvRecord[] {
  const lines = text.split(/\r\n|\n|\r/);
  // The line each record ends on, so that a record (or an unclosed quote) can be placed where it began.
  let lastEnd = 0;
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(lines),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        const line = recordStart(lines, lastEnd);
        lastEnd = context.lines;
        return { line, cells: record } as unknown as string[];
      },
    }) as unknown as CsvRecord[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // csv-parse names the end of the file here; the person needs the line the quote opened on.
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new UsageError(`${source}: line ${recordStart(lines, lastEnd)}: a quoted cell is never closed (a " without its closing ")`);
    }
    throw new UsageError(`${source}: ${e.message}`);
  }
  // Every escaped cell starts with an apostrophe and a formula character only after escaping.
  const unescape = (cell: string) => (ESCAPED.test(cell) ? cell.slice(1) : cell);
  return records.filter((r) => r.cells.some((f) => f !== "")).map((r) => ({ line: r.line, cells: r.cells.map(unescape) }));
}

/** The rows of a CSV text (see parseCsvRecords); a row whose cell count differs from the first row's is refused with its line. */
export function parseCsv(text: string, source = "CSV"): string[][] {
  const records = parseCsvRecords(text, source);
  const width = records[0]?.cells.length;
  const odd = records.find((r) => r.cells.length !== width);
  if (odd) throw new UsageError(`${source}: line ${odd.line}: ${odd.cells.length} cells where the first row has ${width}`);
  return records.map((r) => r.cells);
}

/** ";" when the first non-blank line has more semicolons than commas outside quotes, else ",". */
function delimiterOf(lines: string[]): string {
  const first = (lines.find((l) => l.trim() !== "") ?? "").replace(/"[^"]*"/g, "");
  const count = (c: string) => first.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** The first non-blank line after line `lastEnd`: where the next record begins. */
function recordStart(lines: string[], lastEnd: number): number {
  let line = lastEnd + 1;
  while (line < lines.length && lines[line - 1]?.trim() === "") line++;
  return line;
}
