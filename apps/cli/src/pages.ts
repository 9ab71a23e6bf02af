// Lists longer than a page: `--all` follows every page, `--limit n` stops after n items. Both print
// the shape of one page, so a script reads `results` whatever the flags.
import type { Page } from "@venue-booking/contract";
import { PAGE_SIZE } from "@venue-booking/core";
import type { Command } from "commander";
import type { Lang } from "@venue-booking/core";
import { parseId, parsePage } from "./args.ts";
import { t } from "./i18n.ts";
import { UsageError } from "./errors.ts";

export type PagingOptions = { page?: string; all?: boolean; limit?: string };

export type Paging = {
  /** The page asked for (or the first to collect from). */
  page: number | undefined;
  limit: number | undefined;
  /** Whether to go on to the next pages. */
  follow: boolean;
};

export function parsePaging(o: PagingOptions, lang: Lang): Paging {
  if (o.all && o.page !== undefined) throw new UsageError(t(lang, "usage.notBoth", { a: "--all", b: "--page" }));
  const limit = o.limit === undefined ? undefined : parseId(o.limit, lang, "--limit");
  return { page: parsePage(o.page, lang), limit, follow: o.all === true || limit !== undefined };
}

/**
 * One page, or (following) the pages from the one asked for until there is no next one or `limit`
 * items are in. An item seen twice, because an insert moved a page boundary while reading, counts once.
 * A collected list has no `next`/`previous`: `count` still says how many match in all.
 */
export async function collectPages<T extends { id: number }>(
  fetchPage: (page: number | undefined) => Promise<Page<T>>,
  p: Paging,
): Promise<Page<T>> {
  if (!p.follow) return fetchPage(p.page);
  const seen = new Set<number>();
  const results: T[] = [];
  let count = 0;
  for (let n = p.page ?? 1; ; n++) {
    const page = await fetchPage(n);
    count = page.count;
    for (const item of page.results) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      results.push(item);
    }
    if ((p.limit !== undefined && results.length >= p.limit) || !page.next || page.results.length === 0) break;
  }
  return { count, next: null, previous: null, results: p.limit === undefined ? results : results.slice(0, p.limit) };
}

/** The remark under a list: how many, and where the rest is. */
export function pageNote(
  page: Page<unknown>,
  p: Paging,
  lang: Lang,
  noun: "venue" | "booking" | "session" | "user" | "series" | "webhook" | "delivery" | "waitlist" | "notification",
): string {
  const what = t(lang, `noun.${noun}`);
  if (p.follow) return t(lang, "page.collected", { shown: page.results.length, count: page.count, noun: what });
  const n = p.page ?? 1;
  const last = Math.max(1, Math.ceil(page.count / PAGE_SIZE));
  const next = page.next ? t(lang, "page.next", { n: n + 1 }) : "";
  return t(lang, "page.one", { count: page.count, noun: what, n, last, next });
}

/** --page, --all and --limit. */
export function pagingOptions(cmd: Command): Command {
  return cmd
    .option("--page <n>", `one page of ${PAGE_SIZE}`)
    .option("--all", "every page")
    .option("--limit <n>", "at most n items, from as many pages as that takes");
}
