// The page envelope: {count, next, previous, results} with links, 404 past the end.
import type { Page } from "@venue-booking/db";
import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import { HttpError } from "./errors.ts";
import { forwardedOrigin } from "./request-context.ts";

/** What links are built from: any route's context. */
export type RequestView = Pick<Context<AppEnv>, "req" | "var" | "env">;

// Parses links that have no origin; never shown.
const NO_ORIGIN = "http://no-origin.invalid";

/**
 * The public address of this request for links: PUBLIC_URL, or the origin a trusted proxy
 * reports, before the path and query; with neither, a relative link. The Host header is the
 * client's to write, so it never decides a link.
 */
export function requestLink(c: RequestView): string {
  const url = new URL(c.req.url);
  const base = linkOrigin(c);
  // A path starting "//" would read as another host in a relative link.
  return `${base}${url.pathname.replace(/^\/+/, "/")}${url.search}`;
}

/** What links start with: PUBLIC_URL, the origin a trusted proxy reports, or "" (relative links). */
export function linkOrigin(c: RequestView): string {
  return c.var.deps.config.publicUrl ?? forwardedOrigin(c) ?? "";
}

/** The envelope of `page`; its links are `requestLink` (absolute or relative) with another page. */
export function pageEnvelope<T, R>(requestLink: string, page: Page<T>, map: (item: T) => R) {
  const pages = Math.max(1, Math.ceil(page.count / page.pageSize));
  if (page.page > pages) throw new HttpError("PAGE_NOT_FOUND", { page: page.page });
  const link = (n: number) => {
    const url = new URL(requestLink, NO_ORIGIN);
    if (n === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(n));
    return url.origin === NO_ORIGIN ? `${url.pathname}${url.search}` : url.toString();
  };
  return {
    count: page.count,
    next: page.page < pages ? link(page.page + 1) : null,
    previous: page.page > 1 ? link(page.page - 1) : null,
    results: page.results.map(map),
  };
}
