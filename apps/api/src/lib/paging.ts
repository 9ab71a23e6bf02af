// The page envelope: {count, next, previous, results} with absolute links, 404 past the end.
import { HttpError } from "./errors.ts";
import type { Page } from "@venue-booking/db";

export function pageEnvelope<T, R>(requestUrl: string, page: Page<T>, map: (item: T) => R) {
  const pages = Math.max(1, Math.ceil(page.count / page.pageSize));
  if (page.page > pages) throw new HttpError("PAGE_NOT_FOUND", { page: page.page });
  const link = (n: number) => {
    const url = new URL(requestUrl);
    if (n === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(n));
    return url.toString();
  };
  return {
    count: page.count,
    next: page.page < pages ? link(page.page + 1) : null,
    previous: page.page > 1 ? link(page.page - 1) : null,
    results: page.results.map(map),
  };
}
