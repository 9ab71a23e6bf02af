// Venue data access: the public list with price and name search, admin writes, translations, images.
import { DomainError } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { constraintName, sqlState, UNIQUE_VIOLATION } from "./errors.ts";
import { finishPage, hhmm, likeContains, pageBounds } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { venues } from "./schema/venues.ts";
import type { TranslatedText, VenueRow } from "./schema/venues.ts";
import { toUnits, unitsJson, unitsRepository } from "./units.ts";
import type { Unit, UnitInput } from "./units.ts";

export type Venue = {
  id: number;
  slug: string | null;
  name: TranslatedText;
  address: TranslatedText;
  description: TranslatedText;
  amenities: TranslatedText[];
  pricePerHour: string;
  images: string[];
  openingTime: string;
  closingTime: string;
  isActive: boolean;
  /** Every unit, inactive ones too, in the venue's order. */
  units: Unit[];
  createdAt: Date;
  updatedAt: Date;
};

export type VenueInput = {
  slug?: string | null;
  name: TranslatedText;
  address: TranslatedText;
  description?: TranslatedText;
  amenities?: TranslatedText[];
  pricePerHour: string;
  images?: string[];
  openingTime?: string;
  closingTime?: string;
  isActive?: boolean;
};

export type VenuePatch = Partial<VenueInput>;

export type VenueListQuery = PageRequest & {
  search?: string | undefined;
  minPrice?: string | undefined;
  maxPrice?: string | undefined;
  /** Admins see inactive venues too. */
  includeInactive?: boolean | undefined;
  /** Exactly this slug (admins). */
  slug?: string | undefined;
};

export type TranslationPatch = { name?: string; address?: string; description?: string; amenities?: string[] };

type VenueWithUnits = VenueRow & { units: Unit[] };

function toVenue(row: VenueWithUnits): Venue {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    address: row.address,
    description: row.description,
    amenities: row.amenities,
    pricePerHour: row.pricePerHour,
    images: row.images,
    openingTime: hhmm(row.openingTime),
    closingTime: hhmm(row.closingTime),
    isActive: row.isActive,
    units: toUnits(row.units),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const columns = {
  id: venues.id,
  slug: venues.slug,
  name: venues.name,
  address: venues.address,
  description: venues.description,
  amenities: venues.amenities,
  pricePerHour: venues.pricePerHour,
  images: venues.images,
  openingTime: venues.openingTime,
  closingTime: venues.closingTime,
  isActive: venues.isActive,
  createdAt: venues.createdAt,
  updatedAt: venues.updatedAt,
};

// What reads select: the row and its units, in one statement.
const withUnits = { ...columns, units: unitsJson() };

function setPart(input: VenuePatch) {
  const set: Partial<typeof venues.$inferInsert> = {};
  if (input.slug !== undefined) set.slug = input.slug;
  if (input.name !== undefined) set.name = input.name;
  if (input.address !== undefined) set.address = input.address;
  if (input.description !== undefined) set.description = input.description;
  if (input.amenities !== undefined) set.amenities = input.amenities;
  if (input.pricePerHour !== undefined) set.pricePerHour = input.pricePerHour;
  if (input.images !== undefined) set.images = input.images;
  if (input.openingTime !== undefined) set.openingTime = input.openingTime;
  if (input.closingTime !== undefined) set.closingTime = input.closingTime;
  if (input.isActive !== undefined) set.isActive = input.isActive;
  return set;
}

/** A write that may meet the unique slug index: another venue's slug is SLUG_TAKEN, from the index itself. */
async function slugChecked<T>(slug: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (sqlState(e) === UNIQUE_VIOLATION && constraintName(e) === "venues_slug_key") {
      throw new DomainError("SLUG_TAKEN", { params: { slug: slug ?? "" }, field: "slug", cause: e });
    }
    throw e;
  }
}

export function venuesRepository(db: Database) {
  async function get(id: number, opts: { includeInactive?: boolean } = {}): Promise<Venue | null> {
    const where = opts.includeInactive ? eq(venues.id, id) : and(eq(venues.id, id), eq(venues.isActive, true));
    const [row] = await db.select(withUnits).from(venues).where(where).limit(1);
    return row ? toVenue(row as VenueWithUnits) : null;
  }

  async function list(query: VenueListQuery): Promise<Page<Venue>> {
    const { page, limit, offset } = pageBounds(query);
    const conditions: SQL[] = [];
    if (!query.includeInactive) conditions.push(eq(venues.isActive, true));
    if (query.minPrice !== undefined) conditions.push(gte(venues.pricePerHour, query.minPrice));
    if (query.maxPrice !== undefined) conditions.push(lte(venues.pricePerHour, query.maxPrice));
    if (query.slug !== undefined) conditions.push(eq(venues.slug, query.slug));
    const term = query.search?.trim();
    if (term) conditions.push(sql`${venues.searchText} like ${likeContains(term.toLowerCase())} escape '\\'`);
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await db
      .select({ ...withUnits, total: sql<number>`count(*) over()`.mapWith(Number) })
      .from(venues)
      .where(where)
      .orderBy(asc(venues.id))
      .limit(limit)
      .offset(offset);
    return finishPage(
      rows,
      { page, limit },
      (r) => toVenue(r as unknown as VenueWithUnits),
      async () => {
        const [c] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(venues)
          .where(where);
        return c?.n ?? 0;
      },
    );
  }

  /**
   * What booking needs of the venue, with the row locked until the transaction ends. The lock queues
   * bookings of one venue behind each other: without it two clashing inserts can each wait for the
   * other inside the exclusion check and one dies as a deadlock; with it the later one meets the
   * committed earlier one and gets 23P01 at once. The constraint still decides; this only orders.
   */
  async function lockForBooking(id: number): Promise<{
    name: TranslatedText;
    pricePerHour: string;
    openingTime: string;
    closingTime: string;
    isActive: boolean;
    units: Unit[];
  } | null> {
    const [row] = await db
      .select({
        name: venues.name,
        pricePerHour: venues.pricePerHour,
        openingTime: venues.openingTime,
        closingTime: venues.closingTime,
        isActive: venues.isActive,
        units: unitsJson(),
      })
      .from(venues)
      .where(eq(venues.id, id))
      .for("no key update")
      .limit(1);
    return row ? { ...row, units: toUnits(row.units), openingTime: hhmm(row.openingTime), closingTime: hhmm(row.closingTime) } : null;
  }

  /** The written row with its units (read after the write: a RETURNING list sees the units before it). */
  async function withItsUnits(row: VenueRow): Promise<Venue> {
    return toVenue({ ...row, units: await unitsRepository(db).listByVenue(row.id) });
  }

  /** The venue's first units: those given, or one exclusive unit named after the venue. */
  async function addUnits(venue: { id: number; name: TranslatedText }, given: UnitInput[] | undefined): Promise<void> {
    const repo = unitsRepository(db);
    const list = given?.length ? given : [{ name: venue.name }];
    for (const [i, unit] of list.entries()) await repo.create(venue.id, { sortOrder: i, ...unit });
  }

  /** A new venue with its units (one named after it when none are given): run it in a transaction. */
  async function create(input: VenueInput, withUnits?: UnitInput[]): Promise<Venue> {
    const [row] = await slugChecked(input.slug, () =>
      db
        .insert(venues)
        .values({ description: { ru: "" }, ...setPart(input) } as typeof venues.$inferInsert)
        .returning(columns),
    );
    await addUnits(row as VenueRow, withUnits);
    return withItsUnits(row as VenueRow);
  }

  /**
   * A new venue, or null when another venue holds its slug (committed, or committed meanwhile by a
   * concurrent transaction this one waited for): the caller then updates that venue instead.
   */
  async function createUnlessSlugTaken(input: VenueInput & { slug: string }): Promise<Venue | null> {
    const [row] = await db
      .insert(venues)
      .values({ description: { ru: "" }, ...setPart(input) } as typeof venues.$inferInsert)
      .onConflictDoNothing({ target: venues.slug, where: sql`${venues.slug} is not null` })
      .returning(columns);
    if (!row) return null;
    await addUnits(row, undefined);
    return withItsUnits(row as VenueRow);
  }

  /** The venue with this id or slug, locked until the transaction ends (an import compares, then writes). */
  async function lockBy(key: { id: number } | { slug: string }): Promise<Venue | null> {
    const where = "id" in key ? eq(venues.id, key.id) : eq(venues.slug, key.slug);
    const [row] = await db.select(withUnits).from(venues).where(where).for("update").limit(1);
    return row ? toVenue(row as VenueWithUnits) : null;
  }

  async function update(id: number, patch: VenuePatch): Promise<Venue | null> {
    const set = setPart(patch);
    const [row] = await slugChecked(patch.slug, () =>
      db
        .update(venues)
        .set({ ...set, updatedAt: sql`now()` })
        .where(eq(venues.id, id))
        .returning(columns),
    );
    return row ? withItsUnits(row as VenueRow) : null;
  }

  /** Soft delete: the venue disappears from the public but keeps its bookings. */
  async function deactivate(id: number): Promise<boolean> {
    const rows = await db
      .update(venues)
      .set({ isActive: false, updatedAt: sql`now()` })
      .where(eq(venues.id, id))
      .returning({ id: venues.id });
    return rows.length > 0;
  }

  /** Sets one language of the translated fields; amenities are matched by position. */
  async function setTranslation(id: number, lang: Lang, patch: TranslationPatch): Promise<Venue | null> {
    const written = await db.transaction(async (tx) => {
      const [row] = await tx.select(columns).from(venues).where(eq(venues.id, id)).for("update");
      if (!row) return null;
      const next: VenuePatch = {};
      if (patch.name !== undefined) next.name = { ...row.name, [lang]: patch.name };
      if (patch.address !== undefined) next.address = { ...row.address, [lang]: patch.address };
      if (patch.description !== undefined) next.description = { ...row.description, [lang]: patch.description };
      if (patch.amenities !== undefined) {
        const texts = patch.amenities;
        const length = Math.max(texts.length, row.amenities.length);
        next.amenities = Array.from({ length }, (_, i) => {
          const current: TranslatedText = row.amenities[i] ?? { ru: texts[i] ?? "" };
          return i < texts.length ? { ...current, [lang]: texts[i] } : current;
        });
      }
      const [updated] = await tx
        .update(venues)
        .set({ ...setPart(next), updatedAt: sql`now()` })
        .where(eq(venues.id, id))
        .returning(columns);
      return updated as VenueRow;
    });
    return written ? withItsUnits(written) : null;
  }

  /** Adds URLs that are not there yet, keeping order; removing ignores URLs that are absent. */
  async function changeImages(id: number, change: { add?: string[]; remove?: string[] }): Promise<Venue | null> {
    const written = await db.transaction(async (tx) => {
      const [row] = await tx.select({ images: venues.images }).from(venues).where(eq(venues.id, id)).for("update");
      if (!row) return null;
      const removed = new Set(change.remove ?? []);
      const images = [...new Set([...row.images, ...(change.add ?? [])])].filter((u) => !removed.has(u));
      const [updated] = await tx
        .update(venues)
        .set({ images, updatedAt: sql`now()` })
        .where(eq(venues.id, id))
        .returning(columns);
      return updated as VenueRow;
    });
    return written ? withItsUnits(written) : null;
  }

  return { get, list, lockForBooking, create, createUnlessSlugTaken, lockBy, update, deactivate, setTranslation, changeImages };
}

export type VenuesRepository = ReturnType<typeof venuesRepository>;
