// What the CLI prints: tables that fit the terminal for people, tab-separated lines when stdout is
// piped, exact JSON for scripts. Colour is decided for each stream by that stream's own terminal.
import { stripVTControlCharacters } from "node:util";
import { DEFAULT_TIME_ZONE, isMoney, localStampOf } from "@venue-booking/core";
import Table from "cli-table3";

/** An amount of money in a table: right-aligned, grouped and with the currency on a terminal; exact when piped. */
export type MoneyCell = { money: string };
export type Cell = string | number | MoneyCell;

export type TableOptions = {
  /** What to say instead of an empty frame when there are no rows. */
  empty?: string;
};

export type Output = {
  json: (value: unknown) => void;
  line: (text: string) => void;
  table: (head: string[], rows: Cell[][], opts?: TableOptions) => void;
  /** A remark for a person (page counts, legends): dimmed on a terminal, left out when stdout is piped. */
  note: (text: string) => void;
  /** Progress for long operations, on stderr and only when stderr is a terminal. */
  progress: (text: string) => void;
  /** Colours for what goes to stdout. */
  color: Colors;
  /** Colours for what goes to stderr. */
  errColor: Colors;
  /** The zone dates and times are shown in (the venues' wall clock). */
  timeZone: string;
};

export type Colors = {
  green: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
};

export const CURRENCY = "UZS";
const DEFAULT_COLUMNS = 80;
/** The narrowest a text column is squeezed to before the table is allowed to overflow. */
const MIN_COLUMN = 8;

function colors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/**
 * Colour for a stream: only on a terminal, never with a non-empty NO_COLOR (no-color.org: an empty
 * value does not count) and never on a terminal that declares itself dumb.
 */
export function colorEnabled(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  return isTTY && !env.NO_COLOR && env.TERM !== "dumb";
}

/** "1500000.5" -> "1 500 000.50 UZS", with no-break spaces so the amount never wraps. */
export function formatMoney(amount: string): string {
  if (!isMoney(amount)) return amount;
  const [whole = "0", frac = ""] = amount.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")}.${frac.padEnd(2, "0")}\u00a0${CURRENCY}`;
}

/** An instant from the API (UTC) as the venue's wall clock shows it: "2026-11-22 03:06". */
export function formatLocal(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return localStampOf(at, timeZone);
}

/** A calendar date with its weekday: "Thu 2026-12-03". */
export function formatDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return `${d.toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" })} ${date}`;
}

const isMoneyCell = (c: Cell): c is MoneyCell => typeof c === "object";

/** Display width: colour codes take no room. */
export function displayWidth(s: string): number {
  return Math.max(
    0,
    ...stripVTControlCharacters(s)
      .split("\n")
      .map((l) => [...l].length),
  );
}

/**
 * Column widths (padding included) that fit `columns`: the widest text columns give up room first;
 * money and numbers are never squeezed.
 */
export function fitWidths(natural: number[], squeezable: boolean[], columns: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + widths.length + 1;
  while (total() > columns) {
    let widest = -1;
    let most = MIN_COLUMN;
    for (const [i, w] of widths.entries()) {
      if (squeezable[i] && w > most) [widest, most] = [i, w];
    }
    if (widest < 0) break;
    widths[widest] = most - 1;
  }
  return widths;
}

/** One cell of a tab-separated line: tabs and line breaks would split it, so they become spaces. */
const tsvCell = (s: string) => s.replace(/[\t\r\n]+/g, " ");

export function createOutput(opts: {
  write: (s: string) => void;
  writeErr: (s: string) => void;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress and error colours follow it); stdout's when not given. */
  errIsTTY?: boolean;
  /** The terminal's width; 80 when unknown. */
  columns?: number | undefined;
  timeZone?: string;
  env: Record<string, string | undefined>;
}): Output {
  const errIsTTY = opts.errIsTTY ?? opts.isTTY;
  const c = colors(colorEnabled(opts.isTTY, opts.env));
  const columns = opts.columns && opts.columns > 0 ? opts.columns : DEFAULT_COLUMNS;

  const table = (head: string[], rows: Cell[][], t: TableOptions = {}) => {
    if (rows.length === 0) {
      // An empty frame says nothing; a pipe gets no lines at all, and the person watching is told why.
      const empty = t.empty ?? "nothing to show";
      if (opts.isTTY) opts.write(`${c.dim(empty)}\n`);
      else opts.writeErr(`${empty}\n`);
      return;
    }
    if (!opts.isTTY) {
      for (const r of [head, ...rows]) {
        opts.write(`${r.map((cell) => tsvCell(isMoneyCell(cell) ? cell.money : String(cell))).join("\t")}\n`);
      }
      return;
    }
    const text = rows.map((r) => r.map((cell) => (isMoneyCell(cell) ? formatMoney(cell.money) : String(cell))));
    const right = head.map((_, i) => rows.every((r) => r[i] === undefined || typeof r[i] !== "string"));
    const natural = head.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i] ?? ""))) + 2);
    const t3 = new Table({
      head: head.map((h) => c.bold(h)),
      style: { head: [], border: [] },
      colWidths: fitWidths(
        natural,
        right.map((r) => !r),
        columns,
      ),
      colAligns: right.map((r) => (r ? "right" : "left")),
      wordWrap: true,
    });
    t3.push(...text);
    opts.write(`${t3.toString()}\n`);
  };

  return {
    json: (value) => opts.write(`${JSON.stringify(value, null, 2)}\n`),
    line: (text) => opts.write(`${text}\n`),
    table,
    note: (text) => {
      if (opts.isTTY) opts.write(`${c.dim(text)}\n`);
    },
    progress: (text) => {
      if (errIsTTY) opts.writeErr(`\r\x1b[K${text}`);
    },
    color: c,
    errColor: colors(colorEnabled(errIsTTY, opts.env)),
    timeZone: opts.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** A money cell for `Output.table`. */
export const money = (amount: string): MoneyCell => ({ money: amount });
