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

/**
 * The rows of a CSV text, every cell unescaped; blank lines and rows of empty cells are skipped.
 * A malformed file is a UsageError naming `source` and the line, so nothing of it is used.
 */
export function parseCsv(text: string, source = "CSV"): string[][] {
  // The line each record ends on, so that an unclosed quote can be placed where its record began.
  let lastEnd = 0;
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lastEnd = context.lines;
        return record;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // csv-parse names the end of the file here; the person needs the line the quote opened on.
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new UsageError(`${source}: line ${recordStart(text, lastEnd)}: a quoted cell is never closed (a " without its closing ")`);
    }
    throw new UsageError(`${source}: ${e.message}`);
  }
  // Every escaped cell starts with an apostrophe and a formula character only after escaping.
  const unescape = (cell: string) => (ESCAPED.test(cell) ? cell.slice(1) : cell);
  return rows.filter((r) => r.some((f) => f !== "")).map((r) => r.map(unescape));
}

/** The first non-blank line after line `lastEnd`: where the next record begins. */
function recordStart(text: string, lastEnd: number): number {
  const lines = text.split(/\r\n|\n|\r/);
  let line = lastEnd + 1;
  while (line < lines.length && lines[line - 1]?.trim() === "") line++;
  return line;
}
