// Short-lived copies of what players read most (venues, venue lists, a day's busy hours), so hot
// reads skip the database round trip. Writes invalidate them at once in this process and, through
// Redis pub/sub, in every other replica; a short time to live covers a lost message. Nothing here
// is state another replica needs: each keeps its own copies and can drop them at any moment.
// Each kind of copy is bounded least-recently-used storage, so a flood of new keys only pushes out
// the coldest entries, and keys are built from validated, normalised parameters only.
import { addDays, LANGS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Page, User, Venue, VenueDayState } from "@venue-booking/db";
import { LRUCache } from "lru-cache";
import type { InvalidationBus } from "./bus.ts";

/** Ages entries by `clock`, read at every lookup (lru-cache would otherwise reuse a reading for a while). */
function ageBy(clock: () => Date) {
  return { perf: { now: () => clock().getTime() }, ttlResolution: 0 };
}

/** Boxed, because the storage holds no null (a venue that does not exist is worth keeping too). */
type Box<T> = { value: T };

class LoadingCache<T> {
  readonly #store: LRUCache<string, Box<T>>;
  readonly #inflight = new Map<string, Promise<T>>();

  constructor(opts: { ttlMs: number; max: number; clock: () => Date }) {
    this.#store = new LRUCache({ max: opts.max, ttl: opts.ttlMs, ...ageBy(opts.clock) });
  }

  get size(): number {
    return this.#store.size;
  }

  /** The cached value, or one load shared by every caller that asks meanwhile. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#store.get(key);
    if (hit) return Promise.resolve(hit.value);
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const p: Promise<T> = load().then(
      (value) => {
        // A write while this was loading forgot the load: its callers get the value, nobody keeps it.
        if (this.#inflight.get(key) === p) {
          this.#inflight.delete(key);
          this.#store.set(key, { value });
        }
        return value;
      },
      (e: unknown) => {
        if (this.#inflight.get(key) === p) this.#inflight.delete(key);
        throw e;
      },
    );
    this.#inflight.set(key, p);
    return p;
  }

  delete(key: string): void {
    this.#store.delete(key);
    this.#inflight.delete(key);
  }

  clear(): void {
    this.#store.clear();
    this.#inflight.clear();
  }
}

export type VenueListKey = {
  page: number;
  search?: string | undefined;
  minPrice?: string | undefined;
  maxPrice?: string | undefined;
  includeInactive: boolean;
};

/** The key of a list query: its known fields only, in a fixed order, whatever else the object holds. */
function venueListKey(q: VenueListKey): string {
  return JSON.stringify([q.page, q.search ?? null, q.minPrice ?? null, q.maxPrice ?? null, q.includeInactive]);
}

/** What the rendered days may hold at most: their bodies' bytes. */
const DAYS_MAX_BYTES = 16 * 1024 * 1024;
/** And the rendered "free at" pages. */
const FREE_AT_MAX_BYTES = 8 * 1024 * 1024;

type ReadCacheOptions = {
  venueTtlMs?: number;
  userTtlMs?: number;
  busyTtlMs?: number;
  /** The app's clock, so copies age with the time the app runs in. */
  clock?: (() => Date) | undefined;
};

export class ReadCache {
  readonly #venues: LoadingCache<Venue | null>;
  /**
   * The users requests authenticate as, so an authenticated request reads nothing before its work.
   * A change of a user (deactivated, demoted, renamed) drops its copy here and in every replica; a
   * booking still checks the player's row under its lock, whatever the copy says.
   */
  readonly #users: LoadingCache<User | null>;
  readonly #lists: LoadingCache<Page<Venue>>;
  readonly #busy: LoadingCache<VenueDayState>;
  /** A venue's public JSON per language, as the UTF-8 bytes a response sends (and a "free at" page is made of). */
  readonly #renderedVenues: LoadingCache<Uint8Array<ArrayBuffer>>;
  readonly #renderedPages: LoadingCache<string>;
  /**
   * "Free at" search results (a page's venue ids, their free units and the count, serialised; the
   * page's JSON is made from the cached venues), valid while the clock leaves them true (see
   * freeAtPage), until a booking near their date or any venue changes, and for a minute at most.
   */
  readonly #freeAt: LRUCache<string, { day: string; holdsThrough: string; generation: number; body: string }>;
  /**
   * A day's availability body per venue and date, valid for the minute it was rendered in. Kept as
   * the UTF-8 bytes a response sends: counted exactly, half the size of a string that holds any
   * Cyrillic (which V8 keeps at two bytes a character), outside the JavaScript heap, and sent by a
   * hit without encoding it again.
   */
  readonly #days: LRUCache<string, { minute: number; bodies: Partial<Record<Lang, Uint8Array<ArrayBuffer>>> }>;
  readonly #bus: InvalidationBus;

  constructor(bus: InvalidationBus, opts: ReadCacheOptions = {}) {
    const clock = opts.clock ?? (() => new Date());
    const venueTtlMs = opts.venueTtlMs ?? 10_000;
    this.#venues = new LoadingCache({ ttlMs: venueTtlMs, max: 5_000, clock });
    this.#users = new LoadingCache({ ttlMs: opts.userTtlMs ?? 10_000, max: 20_000, clock });
    this.#lists = new LoadingCache({ ttlMs: venueTtlMs, max: 1_000, clock });
    this.#busy = new LoadingCache({ ttlMs: opts.busyTtlMs ?? 15_000, max: 20_000, clock });
    this.#renderedVenues = new LoadingCache({ ttlMs: venueTtlMs, max: 5_000, clock });
    this.#renderedPages = new LoadingCache({ ttlMs: venueTtlMs, max: 2_000, clock });
    // Entries are per minute and checked against the minute they were rendered in; the time to
    // live only clears out days nobody asks for any more.
    // Bounded by size too: a day of a venue with many units renders to several kilobytes per language.
    this.#days = new LRUCache({
      max: 20_000,
      maxSize: DAYS_MAX_BYTES,
      sizeCalculation: (entry) => Object.values(entry.bodies).reduce((n, body) => n + body.byteLength, 64),
      ttl: 120_000,
      ...ageBy(clock),
    });
    this.#freeAt = new LRUCache({
      max: 5_000,
      maxSize: FREE_AT_MAX_BYTES,
      sizeCalculation: (entry) => 2 * entry.body.length + 96,
      ttl: 60_000,
      ...ageBy(clock),
    });
    this.#bus = bus;
    bus.onMessage((message) => this.#apply(message));
  }

  /** Resolves once invalidations from other replicas are being received (see InvalidationBus.ready). */
  ready(): Promise<void> {
    return this.#bus.ready();
  }

  /** How many copies are held, of every kind. */
  get size(): number {
    return (
      this.#venues.size +
      this.#users.size +
      this.#lists.size +
      this.#busy.size +
      this.#renderedVenues.size +
      this.#renderedPages.size +
      this.#days.size +
      this.#freeAt.size
    );
  }

  venue(id: number, load: () => Promise<Venue | null>): Promise<Venue | null> {
    return this.#venues.get(String(id), load);
  }

  user(id: number, load: () => Promise<User | null>): Promise<User | null> {
    return this.#users.get(String(id), load);
  }

  /** A user changed (or may have: a sign-in, an admin's change): its copy goes everywhere. */
  userChanged(id: number): void {
    this.#broadcast(`user:${id}`);
  }

  venueList(key: VenueListKey, load: () => Promise<Page<Venue>>): Promise<Page<Venue>> {
    return this.#lists.get(venueListKey(key), load);
  }

  /** A venue in one language as finished JSON, so a hot read is a lookup rather than a rebuild. */
  renderedVenue(id: number, lang: Lang, render: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
    return this.#renderedVenues.get(`${lang}:${id}`, render);
  }

  /**
   * A page of the public list in one language as finished JSON, its links starting with `origin`
   * (PUBLIC_URL, a trusted proxy's origin, or "" for relative links).
   */
  renderedVenuePage(key: VenueListKey, lang: Lang, origin: string, render: () => Promise<string>): Promise<string> {
    return this.#renderedPages.get(`${lang}:${origin}:${venueListKey(key)}`, render);
  }

  /**
   * The availability body of a venue's day, rendered at most once a minute (slots turn "past" only
   * on minute boundaries) and dropped when a booking of that day changes.
   */
  async availability(
    venueId: number,
    date: string,
    lang: Lang,
    now: Date,
    render: () => Promise<Uint8Array<ArrayBuffer>>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    const key = `${venueId}:${date}`;
    const minute = Math.floor(now.getTime() / 60_000);
    const hit = this.#days.get(key);
    const body = hit?.minute === minute ? hit.bodies[lang] : undefined;
    if (body !== undefined) return body;
    const generation = this.#daysGeneration;
    const rendered = await render();
    if (generation === this.#daysGeneration) {
      // The languages of one day are kept together, so a booking drops them with one key.
      const current = this.#days.get(key);
      const bodies = current?.minute === minute ? current.bodies : {};
      this.#days.set(key, { minute, bodies: { ...bodies, [lang]: rendered } });
    }
    return rendered;
  }

  /**
   * What a "free at" search found on `date` (its key: the query in one spelling), kept while it
   * holds: until the local time its venues' notice runs out (`holdsThrough`, see FreeAtPage), on
   * the day it was found (a horizon moves on at midnight), while no booking near that date and no
   * venue changed, and for a minute at most (a lost invalidation). `localNow` is "YYYY-MM-DD HH:MM".
   */
  async freeAtPage(
    key: string,
    date: string,
    localNow: string,
    render: () => Promise<{ body: string; holdsThrough: string }>,
  ): Promise<string> {
    const hit = this.#freeAt.get(key);
    const today = localNow.slice(0, 10);
    if (hit && hit.day === today && localNow <= hit.holdsThrough && hit.generation === this.#freeAtGeneration(date)) return hit.body;
    // a change while it rendered may not be in it: the generation it started from is then behind
    const generation = this.#freeAtGeneration(date);
    const { body, holdsThrough } = await render();
    this.#freeAt.set(key, { day: today, holdsThrough, generation, body });
    return body;
  }

  /** How many times the bookings near `date` (or everything) changed, as "free at" entries compare it. */
  #freeAtGeneration(date: string): number {
    return this.#freeAtEpoch + (this.#freeAtDates.get(date) ?? 0);
  }

  /**
   * Bookings of this business date changed: searches of the day before (whose nights run into it)
   * and after (into whose early hours its nights run) as well as its own may have found them.
   */
  #freeAtDateChanged(date: string): void {
    for (const d of [addDays(date, -1), date, addDays(date, 1)]) {
      // bounded: when it grows past a year or two of dates, every entry goes at once instead
      if (this.#freeAtDates.size >= 1_000 && !this.#freeAtDates.has(d)) this.#freeAtAllChanged();
      this.#freeAtDates.set(d, (this.#freeAtDates.get(d) ?? 0) + 1);
    }
  }

  #freeAtAllChanged(): void {
    // counts stay comparable: every entry's generation is now behind
    this.#freeAtEpoch += 1 + Math.max(0, ...this.#freeAtDates.values());
    this.#freeAtDates.clear();
  }

  #freeAtEpoch = 0;
  readonly #freeAtDates = new Map<string, number>();

  #daysGeneration = 0;

  busy(venueId: number, date: string, load: () => Promise<VenueDayState>): Promise<VenueDayState> {
    return this.#busy.get(`${venueId}:${date}`, load);
  }

  /** A venue changed: its copy and every list go. */
  venueChanged(id: number): void {
    this.#broadcast(`venue:${id}`);
  }

  /** A booking of this venue and day was made or changed status. */
  busyChanged(venueId: number, date: string): void {
    this.#broadcast(`busy:${venueId}:${date}`);
  }

  /** Many bookings changed (the lifecycle job). */
  allBusyChanged(): void {
    this.#broadcast("busy:*");
  }

  #broadcast(message: string): void {
    this.#apply(message);
    this.#bus.publish(message);
  }

  #apply(message: string): void {
    if (message.startsWith("user:")) {
      this.#users.delete(message.slice(5));
      return;
    }
    // Any change may touch a rendered day; an entry rendered meanwhile is not kept either.
    this.#daysGeneration++;
    if (message.startsWith("busy:") && message !== "busy:*") {
      const day = message.slice(5);
      this.#days.delete(day);
      this.#freeAtDateChanged(day.slice(day.indexOf(":") + 1));
    } else {
      this.#days.clear();
      this.#freeAtAllChanged();
    }
    if (message.startsWith("venue:")) {
      const id = message.slice(6);
      this.#venues.delete(id);
      for (const lang of LANGS) this.#renderedVenues.delete(`${lang}:${id}`);
      // Any list may hold the venue, or hold it now.
      this.#lists.clear();
      this.#renderedPages.clear();
    } else if (message === "busy:*") this.#busy.clear();
    else if (message.startsWith("busy:")) this.#busy.delete(message.slice(5));
  }
}
