// Venue data access: the public list with price and name search, admin writes, translations, images.
import { daysBetween, DomainError, localStamp, MINUTES_PER_DAY, parseTime } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { constraintName, sqlState, UNIQUE_VIOLATION } from "./errors.ts";
import { finishPage, hhmm, likeContains, pageBounds } from "./paging.ts";
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
  /** Moves on with every change of the venue or its units: what a booking priced from this copy is checked against. */
  configVersion: number;
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
    configVersion: Number(row.configVersion),
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
  configVersion: venues.configVersion,
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

/** A venue a "free at" search found, with how many of its units could take the booking. */
export type FreeVenue = { id: number; freeUnits: number };

/**
 * A page of a "free at" search, and until when it holds as the clock moves on: the latest local
 * time ("YYYY-MM-DD HH:MM") at which every venue found is still outside its notice. Past it, or on
 * another day (a horizon moves on at midnight), the search must be made again. Bookings and venue
 * changes are another matter: they are the caller's to watch.
 */
export type FreeAtPage = Page<FreeVenue> & { holdsThrough: string };

const DAY = sql.raw(String(MINUTES_PER_DAY));
const param = (name: string) => sql.placeholder(name);

/**
 * A venue's opening or closing in minutes (a clock time: 24:00 is 1440) on the weekday of the
 * placeholder `weekday`, or null when it does not open then, from the venue's own week (`weekly`,
 * not null): that day's entry, picked by a JSON path rather than by expanding the list.
 */
function weekClock(weekly: SQL, weekday: string, which: "opening_time" | "closing_time"): SQL {
  const key = sql.raw(`'${which}'`);
  return sql`(date_part('epoch', (jsonb_path_query_first(${weekly}, '$[*] ? (@.weekday == $w)', jsonb_build_object('w', ${param(weekday)}::int))->>${key})::time)::int / 60)`;
}

/** The same for a venue row: one without a week of its own (most) reads its column. */
function clockOn(weekday: string, which: "opening_time" | "closing_time"): SQL {
  const column = sql.raw(`"venues"."${which}"`);
  return sql`case when "venues"."weekly_hours" is null then date_part('epoch', ${column})::int / 60
    else ${weekClock(sql`"venues"."weekly_hours"`, weekday, which)} end`;
}

/**
 * The units of `u` a booking without `unit_id` could get (of the kind asked) for the range of the
 * placeholders `from${n}`-`to${n}`. Those taken or full are found by range (a few hundred claims),
 * and each unit is a lookup in them rather than a probe of its own.
 */
function unitFree(n: number): SQL {
  // The range as a subquery's value, which the planner cannot see: it then estimates the claims the
  // same whether it plans for one search's values or for any, and keeps one plan for every search
  // (with the values in sight, a plan for any looked dearer, and each search was planned anew).
  const range = sql`(select tsrange(${param(`from${n}`)}::timestamp, ${param(`to${n}`)}::timestamp, '[)'))`;
  // The exact test stays out of the index condition ("is true"): the planner would otherwise also
  // search the exclusion constraint's index, whose leading column is the unit, from end to end.
  const taken = sql`select c.unit_id from unit_claims c
    where tsrange(lower(c.during), upper(c.during)) && ${range} and (c.during && ${range}) is true`;
  // pools count per five minutes on the clock, from the count the range starts in
  const full = sql`select g.unit_id from unit_usage g
    where g.slot_start >= ${param(`firstCount${n}`)}::timestamp and g.slot_start < ${param(`to${n}`)}::timestamp
      and (g.used > 0 or g.closures > 0) and (g.used + ${param("places")}::int > g.capacity or g.closures > 0)`;
  return sql`(u.is_active and cardinality(u.contains) = 0 and (${param("kind")}::text is null or u.kind = ${param("kind")}::text)
    and (${param("places")}::int = 1 and u.capacity = 1 and u.id not in (${taken})
      or u.capacity > 1 and u.capacity >= ${param("places")}::int and u.id not in (${full})))`;
}

/**
 * The venue of `h` takes the range of the placeholders `start${n}`-`end${n}`, minutes of its
 * business day: the asked range (n = 0), or the same a day on (n = 1) when it starts before the
 * opening of a day that runs past midnight, which makes it that night's (01:00 of a day open
 * 18:00-02:00), as a booking reads it.
 */
function takes(n: 0 | 1): SQL {
  const start = sql`${param(`start${n}`)}::int`;
  const opens = n === 0 ? sql`h.o <= ${start}` : sql`${param("start0")}::int < h.o`;
  return sql`(${opens} and ${start} < h.closing and ${param(`end${n}`)}::int <= h.last_end
    and (${start} - h.o) % h.slot = 0
    and ${start} - coalesce(h.notice, ${param("defaultNotice")}::int) >= ${param("nowMinute")}::int
    and h.id in (select u.venue_id from units u where ${unitFree(n)}))`;
}

/**
 * The found venues of one page. Each venue's day is worked out once, in two steps (offset 0 keeps
 * each subquery whole, so no value is computed twice): its opening and closing that weekday and the
 * next, then its closing in minutes from the opening day's midnight (past 1440 when it closes at or
 * before it opens) and the latest a booking may end: that closing, or on into the next day where it
 * opens as this one closes and this day is whole slots. Then each venue is tested against the range;
 * the units free are looked up in sets the statement builds once per range. `filters` are the
 * list's, on "venues".
 */
function freeAtStatement(filters: SQL[]): SQL {
  const closing = sql`d.c + case when d.c <= d.o then ${DAY} else 0 end`;
  // the latest "now" (in minutes from the date's midnight) at which every venue found is still
  // outside its notice: the answer holds until then, as far as the clock goes
  const lastMinute = sql`min(case when h.o <= ${param("start0")}::int then ${param("start0")}::int else ${param("start1")}::int end
    - coalesce(h.notice, ${param("defaultNotice")}::int)) over ()`;
  return sql`select h.id, case when h.o <= ${param("start0")}::int then 0 else 1 end as night, count(*) over () as total,
      ${lastMinute} as last_minute
      from (
        select d.id, d.slot, d.shortest, d.longest, d.notice, d.horizon, d.o, ${closing} as closing,
               case when d.next_o + ${DAY} = ${closing} and (${closing} - d.o) % d.slot = 0
                    then greatest(${closing}, d.next_c + case when d.next_c <= d.next_o then ${DAY} else 0 end + ${DAY})
                    else ${closing} end as last_end
          from (
            select "venues"."id" as id, "venues"."slot_minutes" as slot,
                   "venues"."min_duration_minutes" as shortest, "venues"."max_duration_minutes" as longest,
                   "venues"."min_notice_minutes" as notice, "venues"."horizon_days" as horizon,
                   ${clockOn("weekday", "opening_time")} as o, ${clockOn("weekday", "closing_time")} as c,
                   ${clockOn("nextWeekday", "opening_time")} as next_o, ${clockOn("nextWeekday", "closing_time")} as next_c
              from venues
             where ${sql.join(filters, sql` and `)}
            offset 0) d
        offset 0) h
     where (${takes(0)} or ${takes(1)})
       and ${param("length")}::int % h.slot = 0
       and ${param("length")}::int >= coalesce(h.shortest, h.slot)
       and ${param("length")}::int <= coalesce(h.longest, h.closing - h.o)
       and ${param("daysAhead")}::int <= coalesce(h.horizon, ${param("defaultHorizon")}::int)
     order by h.id
     limit ${param("limit")} offset ${param("offset")}`;
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

  // One prepared statement per combination of the list's filters, built once: PostgreSQL then
  // neither parses nor plans each search (a third less work for it), and the text (6 KB) goes
  // once per connection.
  const freeAtStatements = new Map<string, ReturnType<typeof prepareFreeAt>>();

  function prepareFreeAt(shape: { minPrice: boolean; maxPrice: boolean; search: boolean }) {
    const filters: SQL[] = [sql`"venues"."is_active"`];
    if (shape.minPrice) filters.push(sql`"venues"."price_per_hour" >= ${param("minPrice")}`);
    if (shape.maxPrice) filters.push(sql`"venues"."price_per_hour" <= ${param("maxPrice")}`);
    if (shape.search) filters.push(sql`"venues"."search_text" like ${param("search")} escape '\\'`);
    const name = `venues_free_at_${Number(shape.minPrice)}${Number(shape.maxPrice)}${Number(shape.search)}`;
    return db
      .select({
        id: sql<number>`p.id`,
        total: sql<number>`p.total`.mapWith(Number),
        lastMinute: sql<number>`p.last_minute`.mapWith(Number),
        // counted for the page's venues only
        freeUnits: sql<number>`(select count(*) from units u where u.venue_id = p.id
          and case when p.night = 0 then ${unitFree(0)} else ${unitFree(1)} end)`.mapWith(Number),
      })
      .from(sql`(${freeAtStatement(filters)}) p`)
      .orderBy(sql`p.id`)
      .prepare(name);
  }

  /**
   * The venues (their ids) that can take a booking of `q.start`-`q.end` on `q.date` now, with how
   * many units could take it (one statement): open then (the day's hours, or running on into the
   * next day when it opens as this one closes), on the venue's grid and duration bounds, within its
   * notice and horizon, and with a unit a booking without `unit_id` would get (of `q.unitKind`)
   * free for the whole range: no claim on an exclusive unit (bookings, sessions and closures all
   * claim), or a pool with `q.places` left and not closed at any moment of it.
   */
  async function freeAt(q: FreeAtQuery): Promise<FreeAtPage> {
    const { page, limit, offset } = pageBounds(q);
    const term = q.search?.trim();
    const shape = { minPrice: q.minPrice !== undefined, maxPrice: q.maxPrice !== undefined, search: Boolean(term) };
    const key = JSON.stringify(shape);
    let statement = freeAtStatements.get(key);
    if (!statement) {
      statement = prepareFreeAt(shape);
      freeAtStatements.set(key, statement);
    }
    const weekday = isoWeekday(q.date);
    const nowDate = q.localNow.slice(0, 10);
    // The calendar is worked out here, so that a venue costs the statement a few integer comparisons:
    // the range in minutes and as timestamps (as asked, and a day on), the minutes from the day's
    // midnight to now (the notice) and the days ahead (the horizon).
    const ranges: Record<string, number | string> = {};
    for (const n of [0, 1]) {
      const shift = n * MINUTES_PER_DAY;
      ranges[`start${n}`] = q.start + shift;
      ranges[`end${n}`] = q.end + shift;
      ranges[`from${n}`] = localStamp(q.date, q.start + shift);
      ranges[`to${n}`] = localStamp(q.date, q.end + shift);
      ranges[`firstCount${n}`] = localStamp(q.date, q.start + shift - (q.start % 5));
    }
    const rows = await statement.execute({
      ...ranges,
      weekday,
      nextWeekday: weekday === 7 ? 1 : weekday + 1,
      length: q.end - q.start,
      nowMinute: daysBetween(q.date, nowDate) * MINUTES_PER_DAY + parseTime(q.localNow.slice(11)),
      daysAhead: daysBetween(nowDate, q.date),
      defaultNotice: q.defaults.minNoticeMinutes,
      defaultHorizon: q.defaults.horizonDays,
      places: q.places,
      kind: q.unitKind ?? null,
      minPrice: q.minPrice,
      maxPrice: q.maxPrice,
      search: term ? likeContains(term.toLowerCase()) : undefined,
      limit,
      offset,
    });
    // A page past the last is worked out from the first; nothing found stays so all day (the
    // notice only ever takes venues away).
    let holdsThrough = rows[0] ? localStamp(q.date, rows[0].lastMinute) : `${nowDate} 23:59`;
    const found = await finishPage(
      rows,
      { page, limit },
      (r) => ({ id: r.id, freeUnits: r.freeUnits }),
      async () => {
        const first = await freeAt({ ...q, page: 1 });
        holdsThrough = first.holdsThrough;
        return first.count;
      },
    );
    return { ...found, holdsThrough };
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

  /**
   * The written venue with its units, read after the write: a RETURNING list sees the units (and
   * the config_version their triggers moved on) as they were before it.
   */
  async function withItsUnits(row: VenueRow): Promise<Venue> {
    const [fresh] = await db.select(withUnits).from(venues).where(eq(venues.id, row.id)).limit(1);
    if (!fresh) throw new Error(`venue ${row.id} vanished inside its own write`);
    return toVenue(fresh as VenueWithUnits);
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
