// Venue data access: the public list with price and name search, admin writes, translations, images.
import { DomainError } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { constraintName, sqlState, UNIQUE_VIOLATION } from "./errors.ts";
import { finishPage, hhmm, likeContains, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { venues } from "./schema/venues.ts";
import type { PriceRuleRow, TranslatedText, VenueRow, WeeklyHoursRow } from "./schema/venues.ts";
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
  /** Hours per weekday, or null: every day openingTime-closingTime. */
  weeklyHours: WeeklyHoursRow[] | null;
  slotMinutes: number;
  minDurationMinutes: number | null;
  maxDurationMinutes: number | null;
  priceRules: PriceRuleRow[];
  /** The venue's own policy; null follows the server's default. */
  policy: VenuePolicy;
  /** Every unit, inactive ones too, in the venue's order. */
  units: Unit[];
  createdAt: Date;
  updatedAt: Date;
};

export type VenuePolicy = {
  minNoticeMinutes: number | null;
  horizonDays: number | null;
  cancelUntilMinutes: number | null;
  holdMinutes: number | null;
  maxLiveBookingsPerUser: number | null;
};

export const POLICY_FIELDS = ["minNoticeMinutes", "horizonDays", "cancelUntilMinutes", "holdMinutes", "maxLiveBookingsPerUser"] as const;

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
  weeklyHours?: WeeklyHoursRow[] | null;
  slotMinutes?: number;
  minDurationMinutes?: number | null;
  maxDurationMinutes?: number | null;
  priceRules?: PriceRuleRow[];
  policy?: Partial<VenuePolicy>;
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
    weeklyHours: row.weeklyHours,
    slotMinutes: row.slotMinutes,
    minDurationMinutes: row.minDurationMinutes,
    maxDurationMinutes: row.maxDurationMinutes,
    priceRules: row.priceRules,
    policy: {
      minNoticeMinutes: row.minNoticeMinutes,
      horizonDays: row.horizonDays,
      cancelUntilMinutes: row.cancelUntilMinutes,
      holdMinutes: row.holdMinutes,
      maxLiveBookingsPerUser: row.maxLiveBookingsPerUser,
    },
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
  weeklyHours: venues.weeklyHours,
  slotMinutes: venues.slotMinutes,
  minDurationMinutes: venues.minDurationMinutes,
  maxDurationMinutes: venues.maxDurationMinutes,
  priceRules: venues.priceRules,
  minNoticeMinutes: venues.minNoticeMinutes,
  horizonDays: venues.horizonDays,
  cancelUntilMinutes: venues.cancelUntilMinutes,
  holdMinutes: venues.holdMinutes,
  maxLiveBookingsPerUser: venues.maxLiveBookingsPerUser,
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
  if (input.weeklyHours !== undefined) set.weeklyHours = input.weeklyHours;
  if (input.slotMinutes !== undefined) set.slotMinutes = input.slotMinutes;
  if (input.minDurationMinutes !== undefined) set.minDurationMinutes = input.minDurationMinutes;
  if (input.maxDurationMinutes !== undefined) set.maxDurationMinutes = input.maxDurationMinutes;
  if (input.priceRules !== undefined) set.priceRules = input.priceRules;
  for (const field of POLICY_FIELDS) {
    const value = input.policy?.[field];
    if (value !== undefined) set[field] = value;
  }
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

/** "Where can I play": a business day, a range of it and what is needed, with the list's filters. */
export type FreeAtQuery = VenueListQuery & {
  date: string;
  /** Minutes of the business day; the end may pass 1440 (after midnight). */
  start: number;
  end: number;
  places: number;
  unitKind?: string | undefined;
  /** The venue wall clock now, "YYYY-MM-DD HH:MM", and the policy defaults of venues that set none. */
  localNow: string;
  defaults: { horizonDays: number; minNoticeMinutes: number };
};

/**
 * A venue's opening or closing on ISO weekday `weekday` in minutes (a clock time: 24:00 is 1440), or
 * null when it does not open that day. A venue without a week of its own (most) reads its column; one
 * with a week picks that day's entry by a JSON path rather than expanding the list.
 */
function clockOn(weekday: number, which: "opening_time" | "closing_time"): SQL {
  const column = sql.raw(`"venues"."${which}"`);
  const key = sql.raw(`'${which}'`);
  return sql`(extract(epoch from case when "venues"."weekly_hours" is null then ${column}
    else (jsonb_path_query_first("venues"."weekly_hours", '$[*] ? (@.weekday == $w)', jsonb_build_object('w', ${weekday}::int))->>${key})::time end) / 60)::int`;
}

function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
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
   * Venues that can take a booking of `q.start`-`q.end` on `q.date` now, with how many units could
   * take it (one statement): open then (the day's hours, or running on into the next day when it
   * opens as this one closes), on the venue's grid and duration bounds, within its notice and
   * horizon, and with a unit a booking without `unit_id` would get (of `q.unitKind`) free for the
   * whole range: no claim on an exclusive unit (bookings, sessions and closures all claim), or a
   * pool with `q.places` left and not closed at any moment of it.
   */
  async function freeAt(q: FreeAtQuery): Promise<Page<Venue & { freeUnits: number }>> {
    const { page, limit, offset } = pageBounds(q);
    const wd = isoWeekday(q.date);
    const next = wd === 7 ? 1 : wd + 1;
    // Where the range falls in each venue's day: a start before the opening of a day that runs past
    // midnight is that night's (01:00 of a day open 18:00-02:00), as a booking reads it.
    const start = sql`(${q.start}::int + sh.shift)`;
    const end = sql`(${q.end}::int + sh.shift)`;
    const filters: SQL[] = [sql`"venues"."is_active"`];
    if (q.minPrice !== undefined) filters.push(sql`"venues"."price_per_hour" >= ${q.minPrice}`);
    if (q.maxPrice !== undefined) filters.push(sql`"venues"."price_per_hour" <= ${q.maxPrice}`);
    const term = q.search?.trim();
    if (term) filters.push(sql`"venues"."search_text" like ${likeContains(term.toLowerCase())} escape '\\'`);
    const selected = sql.join(
      Object.entries(columns).map(([key, col]) => sql`${col} as ${sql.identifier(key)}`),
      sql`, `,
    );
    // Set by set, each step once (materialized): the units taken or full at the range (and at the
    // same range a day on, for venues whose night it falls in), the venues open then, and their free
    // units; the page's venues last. One round trip.
    const r0 = sql`tsrange(${q.date}::date + make_interval(mins => ${q.start}::int), ${q.date}::date + make_interval(mins => ${q.end}::int), '[)')`;
    const r1 = sql`tsrange(${q.date}::date + 1 + make_interval(mins => ${q.start}::int), ${q.date}::date + 1 + make_interval(mins => ${q.end}::int), '[)')`;
    const inSlots = (r: SQL) =>
      sql`(g.slot_start >= date_bin('5 minutes', lower(${r}), timestamp '2000-01-01') and g.slot_start < upper(${r}))`;
    const result: unknown = await db.execute(sql`
      with taken as materialized (
        select c.unit_id, bool_or(c.during && ${r0}) as t0, bool_or(c.during && ${r1}) as t1
          from unit_claims c
         where tsrange(lower(c.during), upper(c.during)) && ${r0} or tsrange(lower(c.during), upper(c.during)) && ${r1}
         group by c.unit_id),
      full_pools as materialized (
        select g.unit_id, bool_or(${inSlots(r0)}) as t0, bool_or(${inSlots(r1)}) as t1
          from unit_usage g
         where (${inSlots(r0)} or ${inSlots(r1)}) and (g.used > 0 or g.closures > 0)
           and (g.used + ${q.places}::int > g.capacity or g.closures > 0)
         group by g.unit_id),
      hours as materialized (
        select "venues"."id" as id, "venues"."slot_minutes" as slot, "venues"."min_duration_minutes" as shortest,
               "venues"."max_duration_minutes" as longest, "venues"."min_notice_minutes" as notice, "venues"."horizon_days" as horizon,
               ${clockOn(wd, "opening_time")} as o, ${clockOn(wd, "closing_time")} as c,
               ${clockOn(next, "opening_time")} as next_o, ${clockOn(next, "closing_time")} as next_c
          from venues
         where ${sql.join(filters, sql` and `)}),
      spans as materialized (
        select id, slot, shortest, longest, notice, horizon, o,
               c + case when c <= o then 1440 else 0 end as c,
               next_o, next_c + case when next_c <= next_o then 1440 else 0 end as next_c
          from hours where o is not null),
      open_venues as materialized (
        select id, shift
          from spans cross join lateral (select case when ${q.start}::int < o and ${q.start}::int + 1440 < c then 1440 else 0 end as shift) sh
         where ${start} >= o and ${start} < c
           and (${end} <= c or (next_o + 1440 = c and (c - o) % slot = 0 and ${end} <= next_c + 1440))
           and (${start} - o) % slot = 0
           and (${end} - o) % slot = 0
           and ${end} - ${start} >= coalesce(shortest, slot)
           and ${end} - ${start} <= coalesce(longest, c - o)
           and ${q.date}::date + make_interval(mins => ${start})
               >= ${q.localNow}::timestamp + make_interval(mins => coalesce(notice, ${q.defaults.minNoticeMinutes}::int))
           and ${q.date}::date - ${q.localNow}::timestamp::date <= coalesce(horizon, ${q.defaults.horizonDays}::int)),
      fa as materialized (
        select ov.id, count(*)::int as free_units
          from open_venues ov
          join units u on u.venue_id = ov.id
          left join taken t on t.unit_id = u.id
          left join full_pools f on f.unit_id = u.id
         where u.is_active and cardinality(u.contains) = 0
           and (${q.unitKind ?? null}::text is null or u.kind = ${q.unitKind ?? null}::text)
           and ((${q.places}::int = 1 and u.capacity = 1 and not coalesce(case when ov.shift = 0 then t.t0 else t.t1 end, false))
             or (u.capacity > 1 and u.capacity >= ${q.places}::int and not coalesce(case when ov.shift = 0 then f.t0 else f.t1 end, false)))
         group by ov.id)
      select ${selected}, ${unitsJson()} as "units", fa.free_units as "freeUnits", count(*) over() as "total"
        from venues join fa on fa.id = "venues"."id"
       order by "venues"."id"
       limit ${limit} offset ${offset}`);
    type FreeRow = VenueWithUnits & { freeUnits: number; total: number | string };
    const rows = rowsOf<FreeRow>(result).map((r) => ({ ...r, total: Number(r.total) }));
    return finishPage(
      rows,
      { page, limit },
      (r) => ({ ...toVenue({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }), freeUnits: Number(r.freeUnits) }),
      // a page past the last: the count is what the first page would have said
      async () => (page > 1 ? (await freeAt({ ...q, page: 1 })).count : 0),
    );
  }

  /**
   * What booking needs of the venue, with the row locked until the transaction ends. The lock queues
   * bookings of one venue behind each other: without it two clashing inserts can each wait for the
   * other inside the exclusion check and one dies as a deadlock; with it the later one meets the
   * committed earlier one and gets 23P01 at once. The constraint still decides; this only orders.
   */
  async function lockForBooking(id: number): Promise<Venue | null> {
    const [row] = await db.select(withUnits).from(venues).where(eq(venues.id, id)).for("no key update").limit(1);
    return row ? toVenue(row as VenueWithUnits) : null;
  }

  /**
   * The lock of lockForBooking without reading the venue: a cancel takes it so that it queues behind
   * a move of the venue's bookings instead of taking a pool's counters in another order.
   */
  async function lockBookings(id: number): Promise<void> {
    await db.select({ id: venues.id }).from(venues).where(eq(venues.id, id)).for("no key update");
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

  return {
    get,
    list,
    freeAt,
    lockForBooking,
    lockBookings,
    create,
    createUnlessSlugTaken,
    lockBy,
    update,
    deactivate,
    setTranslation,
    changeImages,
  };
}

export type VenuesRepository = ReturnType<typeof venuesRepository>;
