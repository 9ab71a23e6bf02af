import { PAGE_SIZE } from "@venue-booking/core";

export type PageRequest = { page?: number | undefined; pageSize?: number | undefined };
export type Page<T> = { count: number; page: number; pageSize: number; results: T[] };

export function pageBounds(req: PageRequest): { page: number; limit: number; offset: number } {
  const page = Math.max(1, Math.trunc(req.page ?? 1));
  const limit = req.pageSize ?? PAGE_SIZE;
  return { page, limit, offset: (page - 1) * limit };
}

/**
 * A page from rows that carry `count(*) over()` as `total`. An empty page past the first has no
 * row to carry it, so the total is then counted on its own (the API answers 404 with it).
 */
export async function finishPage<R extends { total: number }, T>(
  rows: R[],
  bounds: { page: number; limit: number },
  map: (row: R) => T,
  countAll: () => Promise<number>,
): Promise<Page<T>> {
  const count = rows[0]?.total ?? (bounds.page > 1 ? await countAll() : 0);
  return { count, page: bounds.page, pageSize: bounds.limit, results: rows.map(map) };
}

/** Escapes LIKE wildcards so that `%` and `_` in a search are plain characters. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "09:00:00" from the database to "09:00" (and "24:00:00" to "24:00"). */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}

/** The rows of a raw `db.execute` result (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A date column as "YYYY-MM-DD", whether the driver gave a string or a Date; null stays null. */
export function isoDay(d: string | Date | null): string | null {
  return d === null ? null : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}
