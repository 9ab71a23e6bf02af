export const PAGE_SIZE = 10;

export type PageRequest = { page?: number | undefined; pageSize?: number | undefined };
export type Page<T> = { count: number; page: number; pageSize: number; results: T[] };

export function pageBounds(req: PageRequest): { page: number; limit: number; offset: number } {
  const page = Math.max(1, Math.trunc(req.page ?? 1));
  const limit = req.pageSize ?? PAGE_SIZE;
  return { page, limit, offset: (page - 1) * limit };
}

/** Escapes LIKE wildcards so that `%` and `_` in a search are plain characters. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "09:00:00" from the database to "09:00" (and "24:00:00" to "24:00"). */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}
