// Bulk import of venues: each row updates the venue with its id, else the one with its slug, else
// creates one. A row that would change nothing is not written, so importing a file again (or an
// export) changes nothing. `atomic` puts every row in one transaction; otherwise each row stands alone.
import type { VenueImportRequest, VenueImportResult, VenueImportRow } from "@venue-booking/contract";
import { compareMoney, DomainError, isDomainError } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { venuesRepository, withTransaction } from "@venue-booking/db";
import type { Database, TransactionDeadline, TransactionOptions, TranslatedText, Venue, VenueInput, VenuePatch } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { assertCalendar, calendarState, toPatch } from "./venues.ts";

type RowResult = VenueImportResult["results"][number];
type Applied = { result: "created" | "updated" | "unchanged"; id: number };

/** Leaves a transaction without committing it, carrying what its rows did. */
class Rollback extends Error {
  constructor(readonly results: RowResult[]) {
    super("rollback");
  }
}

const text = (t: TranslatedText) => ({ ru: t.ru, uz: t.uz || null, en: t.en || null });

/** Whether the patch's value of `key` differs from the venue's (missing translations equal empty ones). */
function differs(key: keyof VenuePatch, patch: VenuePatch, venue: Venue): boolean {
  const value = patch[key];
  switch (key) {
    case "name":
    case "address":
    case "description":
      return JSON.stringify(text(value as TranslatedText)) !== JSON.stringify(text(venue[key]));
    case "amenities":
      return JSON.stringify((value as TranslatedText[]).map(text)) !== JSON.stringify(venue.amenities.map(text));
    case "images":
      return JSON.stringify(value) !== JSON.stringify(venue.images);
    case "pricePerHour":
      return compareMoney(value as string, venue.pricePerHour) !== 0;
    case "weeklyHours":
    case "priceRules":
      return JSON.stringify(value) !== JSON.stringify(venue[key]);
    case "policy":
      return Object.entries(value as object).some(([k, v]) => venue.policy[k as keyof Venue["policy"]] !== v);
    default:
      return value !== venue[key];
  }
}

function checkHours(input: VenuePatch, current?: Venue): void {
  assertCalendar(calendarState(current ?? {}, input));
}

async function updateIfChanged(db: Database, venue: Venue, patch: VenuePatch): Promise<Applied> {
  const changed: VenuePatch = {};
  for (const key of Object.keys(patch) as (keyof VenuePatch)[]) {
    if (patch[key] !== undefined && differs(key, patch, venue)) Object.assign(changed, { [key]: patch[key] });
  }
  if (Object.keys(changed).length === 0) return { result: "unchanged", id: venue.id };
  checkHours(changed, venue);
  await venuesRepository(db).update(venue.id, changed);
  return { result: "updated", id: venue.id };
}

/** One row, inside the transaction `db`. */
async function applyRow(db: Database, row: VenueImportRow): Promise<Applied> {
  const repo = venuesRepository(db);
  const { id, ...body } = row;
  const patch = toPatch(body);
  if (id !== undefined) {
    const venue = await repo.lockBy({ id });
    if (!venue) throw new DomainError("VENUE_NOT_FOUND", { field: "id" });
    return updateIfChanged(db, venue, patch);
  }
  const slug = patch.slug;
  if (!slug) {
    checkHours(patch);
    return { result: "created", id: (await repo.create(patch as VenueInput)).id };
  }
  // The insert waits for a concurrent import holding the same slug; when that one commits, this
  // finds its venue on the second pass and updates it.
  for (let pass = 0; pass < 2; pass++) {
    const venue = await repo.lockBy({ slug });
    if (venue) return updateIfChanged(db, venue, patch);
    checkHours(patch);
    const created = await repo.createUnlessSlugTaken({ ...(patch as VenueInput), slug });
    if (created) return { result: "created", id: created.id };
  }
  throw new DomainError("SLUG_TAKEN", { params: { slug }, field: "slug" });
}

function failed(index: number, e: DomainError, lang: Lang): RowResult {
  return { index, result: "failed", code: e.code, message: e.localized(lang) };
}

/** Every row in one transaction, each behind a savepoint so that one failure leaves the others to check. */
async function inOneTransaction(
  deps: AppDeps,
  rows: VenueImportRow[],
  opts: { commit: "always" | "never" | "if-all-pass"; lang: Lang; deadline: TransactionDeadline | undefined },
) {
  try {
    const results = await withTransaction(deps.database.db, { deadline: opts.deadline }, async (tx) => {
      const out: RowResult[] = [];
      for (const [index, row] of rows.entries()) {
        try {
          out.push({ index, ...(await tx.transaction((sp) => applyRow(sp as unknown as Database, row))) });
        } catch (e) {
          if (!isDomainError(e)) throw e;
          out.push(failed(index, e, opts.lang));
        }
      }
      const anyFailed = out.some((r) => r.result === "failed");
      if (opts.commit === "never" || (opts.commit === "if-all-pass" && anyFailed)) throw new Rollback(out);
      return out;
    });
    return { committed: true, results };
  } catch (e) {
    // A venue that was not created has no id.
    if (e instanceof Rollback)
      return { committed: false, results: e.results.map(({ id, ...r }) => (r.result === "created" ? r : { id, ...r })) };
    throw e;
  }
}

export async function importVenues(
  deps: AppDeps,
  input: { request: VenueImportRequest; lang: Lang } & TransactionOptions,
): Promise<VenueImportResult> {
  const { rows, atomic = false, dry_run: dryRun = false } = input.request;
  const { lang, deadline } = input;
  let outcome: VenueImportResult;
  if (dryRun || atomic) {
    outcome = await inOneTransaction(deps, rows, { commit: dryRun ? "never" : "if-all-pass", lang, deadline });
  } else {
    const results: RowResult[] = [];
    for (const [index, row] of rows.entries()) {
      try {
        results.push({ index, ...(await withTransaction(deps.database.db, { deadline }, (tx) => applyRow(tx, row))) });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        results.push(failed(index, e, lang));
      }
    }
    outcome = { committed: true, results };
  }
  if (outcome.committed) {
    for (const r of outcome.results)
      if (r.id !== undefined && (r.result === "created" || r.result === "updated")) deps.cache.venueChanged(r.id);
  }
  return outcome;
}
