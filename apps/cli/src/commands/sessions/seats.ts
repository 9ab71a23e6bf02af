// The numbered seats of a session: typed as labels and ranges (`A1-A10,B1-B10`), drawn as a map
// with a row for each row letter and a mark for each seat, free or taken.
import { MAX_SESSION_CAPACITY } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { commaList } from "../../args.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import type { Output } from "../../output.ts";

/** "A1-A10" or "A1-10": one row's letters, the first number, the last one. */
const RANGE = /^(\p{L}*)(\d{1,9})\s*-\s*(\p{L}*)(\d{1,9})$/u;

/** One item of --seats as its labels: a range counts up within its row, keeping a leading zero's width. */
function expand(item: string, left: number, lang: Lang): string[] {
  const m = RANGE.exec(item);
  if (!m) return [item];
  const [, row = "", first = "", again = "", last = ""] = m;
  const from = Number(first);
  const to = Number(last);
  if ((again !== "" && again !== row) || from > to) throw new UsageError(t(lang, "usage.seatRange", { item }));
  if (to - from + 1 > left) throw new UsageError(t(lang, "usage.tooManySeats", { max: MAX_SESSION_CAPACITY }));
  const width = first.startsWith("0") ? first.length : 0;
  return Array.from({ length: to - from + 1 }, (_, i) => `${row}${String(from + i).padStart(width, "0")}`);
}

/** The labels of --seats in the order given; an absent flag stays absent. Each label's form is the contract's to check. */
export function parseSeats(value: string | undefined, lang: Lang): string[] | undefined {
  const items = commaList(value);
  if (!items) return undefined;
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const label of expand(item, MAX_SESSION_CAPACITY - labels.length, lang)) {
      if (seen.has(label)) throw new UsageError(t(lang, "usage.seatTwice", { seat: label }));
      seen.add(label);
      labels.push(label);
    }
    if (labels.length > MAX_SESSION_CAPACITY) throw new UsageError(t(lang, "usage.tooManySeats", { max: MAX_SESSION_CAPACITY }));
  }
  return labels;
}

/** A prompt check of the seats answer: true, or what is wrong. */
export const seatsAnswer =
  (lang: Lang) =>
  (v: string): true | string => {
    try {
      parseSeats(v, lang);
      return true;
    } catch (e) {
      return e instanceof UsageError ? e.message : t(lang, "answer.seats");
    }
  };

type Seat = { label: string; available: boolean };

/** A seat's row (its letters before the number) and its place in the row; a label with no number is a row of its own kind, "". */
function splitLabel(label: string): { row: string; place: string; n: number } {
  const m = /^(.*?)(\d+)$/u.exec(label);
  if (!m || m[1] === undefined || m[2] === undefined) return { row: "", place: label, n: Number.POSITIVE_INFINITY };
  return { row: m[1], place: m[2], n: Number(m[2]) };
}

/** The seats by row, rows in the order they first appear, each row's seats by number. */
function seatRows(seats: readonly Seat[]): { row: string; seats: (Seat & { place: string })[] }[] {
  const rows = new Map<string, (Seat & { place: string; n: number })[]>();
  for (const s of seats) {
    const { row, place, n } = splitLabel(s.label);
    const list = rows.get(row) ?? [];
    list.push({ ...s, place, n });
    rows.set(row, list);
  }
  return [...rows].map(([row, list]) => ({ row, seats: list.sort((a, b) => a.n - b.n) }));
}

const SEAT_GLYPHS = { free: "░", taken: "█" } as const;
const MAP_WIDTH = 78;

/** The map: "A  ░1  ░2  █3", long rows wrapped under themselves, then the legend and the count. */
export function printSeatMap(out: Output, seats: readonly Seat[], lang: Lang): void {
  const rows = seatRows(seats);
  const head = Math.max(...rows.map((r) => r.row.length));
  const cell = Math.max(...rows.flatMap((r) => r.seats.map((s) => s.place.length))) + 1;
  const perLine = Math.max(1, Math.floor((MAP_WIDTH - head - 2) / (cell + 1)));
  const mark = (s: Seat & { place: string }) =>
    s.available
      ? out.color.green(`${SEAT_GLYPHS.free}${s.place.padEnd(cell - 1)}`)
      : out.color.red(`${SEAT_GLYPHS.taken}${s.place.padEnd(cell - 1)}`);
  for (const { row, seats: list } of rows) {
    for (let i = 0; i < list.length; i += perLine) {
      const label = i === 0 ? row : "";
      out.line(
        `${label.padEnd(head)}  ${list
          .slice(i, i + perLine)
          .map(mark)
          .join(" ")}`.trimEnd(),
      );
    }
  }
  const free = seats.filter((s) => s.available).length;
  out.line(
    `${out.color.green(SEAT_GLYPHS.free)} ${t(lang, "seat.free")} (${free})  ${out.color.red(SEAT_GLYPHS.taken)} ${t(lang, "seat.taken")} (${seats.length - free})`,
  );
}
