// Short-lived copies of what players read most (venues, venue lists, a day's busy hours), so hot
// reads skip the database round trip. Writes invalidate them at once in this process and, through
// Redis pub/sub, in every other replica; a short time to live covers a lost message. Nothing here
// is state another replica needs: each keeps its own copies and can drop them at any moment.
import type { Interval } from "@venue-booking/core";
import type { Page, Venue } from "@venue-booking/db";
import type { InvalidationBus } from "./bus.ts";

type Entry<T> = { value: T; expires: number };

class TtlMap<T> {
  readonly #map = new Map<string, Entry<T>>();
  readonly #inflight = new Map<string, Promise<T>>();
  constructor(
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {}

  /** The cached value, or one load shared by every caller that asks meanwhile. */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#map.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.value;
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const generation = this.#generation;
    const p = load().then(
      (value) => {
        this.#inflight.delete(key);
        // A write that happened while loading makes this value suspect: serve it, do not keep it.
        if (generation === this.#generation && !this.#dropped.has(key)) {
          if (this.#map.size >= this.maxEntries) this.#map.clear();
          this.#map.set(key, { value, expires: Date.now() + this.ttlMs });
        }
        this.#dropped.delete(key);
        return value;
      },
      (e: unknown) => {
        this.#inflight.delete(key);
        throw e;
      },
    );
    this.#inflight.set(key, p);
    return p;
  }

  #generation = 0;
  readonly #dropped = new Set<string>();

  delete(key: string): void {
    this.#map.delete(key);
    if (this.#inflight.has(key)) this.#dropped.add(key);
  }

  clear(): void {
    this.#map.clear();
    this.#generation++;
  }
}

export type VenueListKey = {
  page: number;
  search?: string | undefined;
  minPrice?: string | undefined;
  maxPrice?: string | undefined;
  includeInactive: boolean;
};

export class ReadCache {
  readonly #venues: TtlMap<Venue | null>;
  readonly #lists: TtlMap<Page<Venue>>;
  readonly #busy: TtlMap<Interval[]>;
  readonly #rendered: TtlMap<string>;
  /** A day's availability body per venue and date, valid for the minute it was rendered in. */
  readonly #days = new Map<string, { minute: number; body: string }>();
  readonly #bus: InvalidationBus;

  constructor(bus: InvalidationBus, opts: { venueTtlMs?: number; busyTtlMs?: number } = {}) {
    this.#venues = new TtlMap(opts.venueTtlMs ?? 10_000, 5_000);
    this.#lists = new TtlMap(opts.venueTtlMs ?? 10_000, 1_000);
    this.#busy = new TtlMap(opts.busyTtlMs ?? 15_000, 20_000);
    this.#rendered = new TtlMap(opts.venueTtlMs ?? 10_000, 2_000);
    this.#bus = bus;
    bus.onMessage((message) => this.#apply(message));
  }

  /** Resolves once invalidations from other replicas are being received. */
  ready(): Promise<void> {
    return this.#bus.ready();
  }

  venue(id: number, load: () => Promise<Venue | null>): Promise<Venue | null> {
    return this.#venues.get(String(id), load);
  }

  venueList(key: VenueListKey, load: () => Promise<Page<Venue>>): Promise<Page<Venue>> {
    return this.#lists.get(JSON.stringify(key), load);
  }

  /**
   * A finished JSON body of public venue data (a page of the list, a venue in one language), so a
   * hot read is a lookup rather than a rebuild. Dropped with every venue change.
   */
  renderedVenues(key: string, render: () => Promise<string>): Promise<string> {
    return this.#rendered.get(key, render);
  }

  /**
   * The availability body of a venue's day, rendered at most once a minute (slots turn "past" only
   * on minute boundaries) and dropped when a booking of that day changes.
   */
  async availability(venueId: number, date: string, now: Date, render: () => Promise<string>): Promise<string> {
    const key = `${venueId}:${date}`;
    const minute = Math.floor(now.getTime() / 60_000);
    const hit = this.#days.get(key);
    if (hit && hit.minute === minute) return hit.body;
    const generation = this.#daysGeneration;
    const body = await render();
    if (generation === this.#daysGeneration) {
      if (this.#days.size >= 20_000) this.#days.clear();
      this.#days.set(key, { minute, body });
    }
    return body;
  }

  #daysGeneration = 0;

  busy(venueId: number, date: string, load: () => Promise<Interval[]>): Promise<Interval[]> {
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
    // Any change may touch a rendered day; an entry rendered meanwhile is not kept either.
    this.#daysGeneration++;
    if (message.startsWith("busy:") && message !== "busy:*") this.#days.delete(message.slice(5));
    else this.#days.clear();
    if (message.startsWith("venue:")) {
      this.#venues.delete(message.slice(6));
      this.#lists.clear();
      this.#rendered.clear();
    } else if (message === "busy:*") this.#busy.clear();
    else if (message.startsWith("busy:")) this.#busy.delete(message.slice(5));
  }
}
