// Booking use cases. Each verb owns its transaction, the idempotency record, metrics and cache
// invalidation; the database's exclusion constraint decides clashes, never a read before a write.
import { createHash } from "node:crypto";
import type { AdminBookingCreate, BookingCreate } from "@venue-booking/contract";
import {
  addDays,
  assertCancellable,
  businessSpan,
  localStamp,
  MINUTES_PER_DAY,
  assertEnded,
  assertTransition,
  checkBooking,
  formatClock,
  hoursOn,
  priceBooking,
  reachOf,
  requestSpan,
  compareLocal,
  DomainError,
  isCombined,
  isDomainError,
  isMoney,
  isPooled,
  localDateTime,
  multiplyMoney,
  offeredUnits,
  parseTime,
} from "@venue-booking/core";
import type { BookingStatus } from "@venue-booking/core";
import { repositories, withSavepoint, withTransaction } from "@venue-booking/db";
import type {
  Actor,
  AtOnceBooking,
  Booking,
  BookingSource,
  BookingEvent,
  BookingFilter,
  BookingValues,
  Database,
  Page,
  Repositories,
  TransactionOptions,
  Unit,
  Venue,
} from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { HttpError } from "../lib/errors.ts";
import { effectivePolicy, localNow, policyDefaults, rulesOf, weekOfVenue } from "./calendar.ts";

export type CreateBookingInput = {
  userId: number;
  request: BookingCreate;
  idempotencyKey?: string | undefined;
} & TransactionOptions;

/** The booking, and whether it is the one an earlier request with the same Idempotency-Key made. */
export type CreatedBooking = { booking: Booking; replayed: boolean };

/** How far ahead staff may book: a year and a day, for a weekly series of 52 weeks. */
export const STAFF_HORIZON_DAYS = 366;

/** The largest total a booking can store (numeric(12,2)). */
export const MAX_TOTAL = "9999999999.99";

function requestHash(r: BookingCreate): string {
  if (r.session_id !== undefined) {
    const fields: unknown[] = ["session", r.session_id, r.places ?? r.seats?.length ?? 1, [...(r.seats ?? [])].sort()];
    return hashOf(r.note === undefined ? fields : [...fields, { note: r.note }]);
  }
  const fields: unknown[] = [r.venue_id, r.booking_date, r.start_time, r.end_time];
  // Requests without a unit or places hash as they did before units existed, so keys stored then still match.
  const places = r.places ?? 1;
  if (r.unit_id !== undefined || r.unit_kind !== undefined || places !== 1) fields.push(r.unit_id ?? null, r.unit_kind ?? null, places);
  // and without a note as they did before notes existed
  if (r.note !== undefined) fields.push({ note: r.note });
  return hashOf(fields);
}

/** A request's fingerprint for its Idempotency-Key. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/**
 * The units a request may go to, in the venue's order: the one it names, else the active units
 * (of its kind) that are not combined; for more than one place, the pools big enough. Each way of
 * asking for something the venue does not have is its own 4xx.
 */
export function candidateUnits(units: readonly Unit[], r: Pick<BookingCreate, "unit_id" | "unit_kind">, places: number): Unit[] {
  const active = offeredUnits(units);
  let candidates: Unit[];
  if (r.unit_id !== undefined) {
    candidates = active.filter((u) => u.id === r.unit_id && (r.unit_kind === undefined || u.kind === r.unit_kind));
    if (!candidates.length) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
  } else {
    candidates = active.filter((u) => !isCombined(u) && (r.unit_kind === undefined || u.kind === r.unit_kind));
    if (!candidates.length) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_kind" });
  }
  if (places === 1) return candidates;
  const pools = candidates.filter(isPooled);
  if (!pools.length) throw new DomainError("PLACES_ON_EXCLUSIVE_UNIT", { field: "places" });
  const fit = pools.filter((u) => u.capacity >= places);
  if (!fit.length)
    throw new DomainError("PLACES_ABOVE_CAPACITY", { field: "places", params: { capacity: Math.max(...pools.map((u) => u.capacity)) } });
  return fit;
}

/** The days whose availability a booking shows on: its own, and the next when it runs past midnight. */
export function busyChanged(
  deps: AppDeps,
  booking: { venueId: number; bookingDate: string; startTime: string; endTime: string; afterMidnight: boolean },
): void {
  deps.cache.busyChanged(booking.venueId, booking.bookingDate);
  if (booking.afterMidnight || parseTime(booking.endTime) <= parseTime(booking.startTime)) {
    deps.cache.busyChanged(booking.venueId, addDays(booking.bookingDate, 1));
  }
}

/** What the database refuses a booking for when another one got there first. */
const CONFLICTS = ["SLOT_TAKEN", "NOT_ENOUGH_PLACES", "SESSION_FULL", "SEAT_TAKEN", "ALREADY_BOOKED"] as const;

function isConflict(e: unknown): boolean {
  return CONFLICTS.some((code) => isDomainError(e, code));
}

/** The booking an earlier request with this key made, or null; a different request under the key is refused. */
async function replay(deps: AppDeps, userId: number, key: string, hash: string): Promise<Booking | null> {
  const stored = await deps.repos.idempotency.find(userId, key);
  if (!stored) return null;
  if (stored.requestHash !== hash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
  // The record keeps the booking's id (older records kept the whole body, whose `id` is the same).
  return deps.repos.bookings.get((stored.body as { id: number }).id);
}

/**
 * Locks the player's row (after the session's, the order every booking takes: book_hours does the
 * same for an hourly booking) and checks they may book one more. The locked row decides, not the
 * check made when the request was authenticated: a user deactivated meanwhile books nothing. The
 * count is a statement of its own, after the lock: folded into the locking statement it would see
 * that statement's snapshot, taken before waiting, and miss the booking of the transaction it waited for.
 */
async function lockPlayer(deps: AppDeps, repos: Repositories, userId: number, maker: Maker = APP): Promise<{ phone: string }> {
  const user = await repos.users.lockForBooking(userId);
  if (!user) throw new HttpError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError(maker.source === "staff" ? "CUSTOMER_INACTIVE" : "USER_INACTIVE");
  // The limit keeps players from hoarding hours in the app; what staff book (a team's standing game) is theirs to judge.
  if (maker.source === "staff") return user;
  const limit = deps.config.maxLiveBookingsPerUser;
  if ((await repos.bookings.countLiveUpcoming(userId, localNow(deps))) >= limit) {
    throw new DomainError("TOO_MANY_LIVE_BOOKINGS", { params: { limit } });
  }
  return user;
}

/** Who makes a booking, and how: the player in the app, or staff for a customer. */
export type Maker = {
  actor: Actor;
  /** who made it, when not the player themselves */
  actorUserId: number | null;
  source: BookingSource;
  status: "pending" | "confirmed";
  note: string | null;
  seriesId?: number | null;
  /** How far ahead staff may book here (default STAFF_HORIZON_DAYS; a series reaches its last date). */
  horizonDays?: number;
  /** Made for a waiting player when the time freed: the notice does not apply (the player's limit does). */
  offer?: boolean;
};

/** A player booking in the app: pending until the venue confirms it. */
const APP: Maker = { actor: "user", actorUserId: null, source: "app", status: "pending", note: null };

/** Inserts the booking with its audit row and, with an Idempotency-Key, the record of it. */
async function insertBooking(
  repos: Repositories,
  values: BookingValues,
  shown: Parameters<Repositories["bookings"]["insertWithEvent"]>[2],
  idempotency: { key: string | undefined; hash: string },
  maker: Maker = APP,
): Promise<Booking> {
  // A valid amount is one numeric(12,2) can hold.
  if (!isMoney(values.totalPrice)) throw new DomainError("TOTAL_TOO_HIGH", { field: "places", params: { max: MAX_TOTAL } });
  const made = await repos.bookings.insertWithEvent(
    { ...values, status: maker.status, source: maker.source, note: maker.note, seriesId: maker.seriesId ?? null },
    { actor: maker.actor, actorUserId: maker.actorUserId ?? values.userId },
    shown,
  );
  const { key, hash } = idempotency;
  // staff keep their keys under their own id (one admin books for many customers)
  if (key)
    await repos.idempotency.record(maker.actorUserId ?? values.userId, key, { requestHash: hash, status: 201, body: { id: made.id } });
  return made;
}

/**
 * An hourly booking, in one statement of the transaction `db` (book_hours): the rules checked and
 * every unit it may go to priced from a copy of the venue (the read cache's, so a booking reads
 * nothing before it writes), then the statement locks the venue, checks that the copy is still the
 * venue (its config_version), locks and counts the player, and inserts the booking on the first of
 * the units the database lets it have, with its audit row and the Idempotency-Key's record. A copy
 * that is out of date writes nothing, and the booking is priced again from a read under the lock;
 * so is a refusal the cached copy gave, before it is believed. With a deadline, the statement's
 * lock waits end when the caller's time does (the transaction sets no limit of its own).
 */
export async function bookHours(
  deps: AppDeps,
  db: Database,
  userId: number,
  r: BookingCreate,
  key: string | undefined,
  hash: string,
  maker: Maker = { ...APP, note: r.note ?? null },
  options: TransactionOptions = {},
): Promise<Booking> {
  const venueId = r.venue_id;
  const date = r.booking_date;
  if (venueId === undefined || date === undefined || r.start_time === undefined || r.end_time === undefined) {
    throw new Error("an hourly booking without its venue, date or times passed validation");
  }
  const startTime = r.start_time.slice(0, 5);
  const endTime = r.end_time.slice(0, 5);
  const places = r.places ?? 1;
  const repos = repositories(db);
  // A stale copy is read again under the venue's lock (the call took it), so a second call cannot
  // find it stale; a refusal from the cached copy is checked once against a fresh read.
  let stale = 0;
  for (let attempt = 0; ; attempt++) {
    const cached = attempt === 0;
    // read in the transaction (the embedded database has one connection; the transaction holds it)
    const venue = cached ? await deps.cache.venue(venueId, () => repos.venues.get(venueId)) : await repos.venues.get(venueId);
    let call: AtOnceBooking;
    try {
      if (!venue?.isActive) throw new DomainError("VENUE_NOT_FOUND", { field: "venue_id" });
      call = priceHours(deps, venue, userId, r, { date, startTime, endTime, places }, maker);
    } catch (e) {
      if (cached && isDomainError(e)) continue;
      throw e;
    }
    const outcome = await repos.bookings.bookAtOnce({
      ...call,
      idempotency: key ? { userId: maker.actorUserId ?? userId, key, hash } : null,
      lockTimeoutMs: options.deadline?.remainingMs(),
    });
    switch (outcome.outcome) {
      case "booked":
        return outcome.booking;
      case "stale":
        // the venue is locked now: the next read is what the next call compares with
        if (++stale > 1) throw new Error("a booking found its venue changed under its own lock");
        continue;
      case "venue_not_found":
        throw new DomainError("VENUE_NOT_FOUND", { field: "venue_id" });
      case "user_not_found":
        throw new HttpError("UNAUTHORIZED");
      case "user_inactive":
        throw new DomainError(maker.source === "staff" ? "CUSTOMER_INACTIVE" : "USER_INACTIVE");
      case "too_many":
        throw new DomainError("TOO_MANY_LIVE_BOOKINGS", { params: { limit: call.limit?.count ?? 0 } });
    }
  }
}

/**
 * The rules of the venue checked (hours, slots, durations, notice, horizon) and the booking priced
 * on every unit it may go to, in the venue's order: what book_hours is called with.
 */
function priceHours(
  deps: AppDeps,
  venue: Venue,
  userId: number,
  r: BookingCreate,
  at: { date: string; startTime: string; endTime: string; places: number },
  maker: Maker,
): AtOnceBooking {
  const { date, startTime, endTime, places } = at;
  const week = weekOfVenue(venue);
  const hours = hoursOn(week, date);
  const policy = effectivePolicy(venue, policyDefaults(deps.config));
  const range = checkBooking(
    { date, start: parseTime(startTime, "start_time"), end: parseTime(endTime, "end_time") },
    {
      hours,
      reach: reachOf(week, date),
      now: deps.clock(),
      // staff pass the venue's notice and horizon (a customer at the desk, a series a year long)
      policy: {
        timeZone: deps.config.timeZone,
        horizonDays: maker.source === "staff" ? (maker.horizonDays ?? STAFF_HORIZON_DAYS) : policy.horizonDays,
        minNoticeMinutes: maker.source === "staff" || maker.offer ? 0 : policy.minNoticeMinutes,
        slotMinutes: venue.slotMinutes,
        minDurationMinutes: venue.minDurationMinutes,
        maxDurationMinutes: venue.maxDurationMinutes,
      },
    },
  );
  const rules = rulesOf(venue);
  const units = candidateUnits(venue.units, r, places).flatMap((unit) => {
    const priced = priceBooking({
      date,
      range,
      slotMinutes: venue.slotMinutes,
      rules,
      unitId: unit.id,
      fallback: unit.pricePerHour ?? venue.pricePerHour,
      places,
      dayEnd: hours?.closing,
    });
    // A valid amount is one numeric(12,2) can hold; a unit that would cost more is not offered.
    if (!isMoney(priced.total)) return [];
    const priceBreakdown = priced.breakdown.map((l) => ({
      start_time: formatClock(l.start, "start"),
      end_time: formatClock(l.end),
      price_per_hour: l.pricePerHour,
      amount: l.amount,
    }));
    return [{ unitId: unit.id, unitName: unit.name, totalPrice: priced.total, priceBreakdown }];
  });
  if (!units.length) throw new DomainError("TOTAL_TOO_HIGH", { field: "places", params: { max: MAX_TOTAL } });
  // The limit keeps players from hoarding hours in the app; what staff book (a team's standing game) is theirs to judge.
  // A venue with a limit of its own counts the player's bookings there; else all of them count.
  const own = venue.policy.maxLiveBookingsPerUser;
  return {
    userId,
    venueId: venue.id,
    venueVersion: venue.configVersion,
    venueName: venue.name,
    units,
    places,
    bookingDate: date,
    startTime,
    endTime,
    afterMidnight: range.start >= MINUTES_PER_DAY,
    status: maker.status,
    source: maker.source,
    note: maker.note,
    seriesId: maker.seriesId ?? null,
    actor: maker.actor,
    actorUserId: maker.actorUserId ?? userId,
    limit:
      maker.source === "staff"
        ? null
        : {
            count: own ?? deps.config.maxLiveBookingsPerUser,
            hereOnly: own !== null,
            localNow: localNow(deps),
          },
    idempotency: null,
  };
}

/**
 * Why an hourly booking found its time held, when a closure holds it: VENUE_CLOSED with the
 * closure's reason (read after the refusal, for its message only: the database already refused).
 */
export async function closedInstead(
  repos: Repositories,
  r: Pick<BookingCreate, "venue_id" | "booking_date" | "start_time" | "end_time" | "unit_id">,
  e: unknown,
): Promise<unknown> {
  const { venue_id: venueId, booking_date: date, start_time: start, end_time: end } = r;
  if (venueId === undefined || date === undefined || start === undefined || end === undefined) return e;
  if (!isDomainError(e, "SLOT_TAKEN") && !isDomainError(e, "VENUE_CLOSED")) return e;
  const closure = await (async () => {
    const venue = await repos.venues.get(venueId);
    if (!venue) return null;
    const span = businessSpan({ date, start: parseTime(start), end: parseTime(end) }, hoursOn(weekOfVenue(venue), date));
    return repos.closures.covering(venueId, r.unit_id ?? null, { from: localStamp(date, span.start), to: localStamp(date, span.end) });
  })().catch(() => null);
  if (!closure)
    return isDomainError(e, "VENUE_CLOSED") ? new DomainError("VENUE_CLOSED", { field: "start_time", params: reasonParams(null) }) : e;
  return new DomainError("VENUE_CLOSED", { field: "start_time", params: reasonParams(closure.reason), cause: e });
}

/** A closure's reason as message parameters, one per language (each message takes its own). */
function reasonParams(reason: { ru: string; uz?: string | null; en?: string | null } | null): Record<string, string> {
  const ru = reason?.ru ?? "—";
  return { reason_ru: ru, reason_uz: reason?.uz || ru, reason_en: reason?.en || ru };
}

/**
 * A place (or seats) in a session: the session must be scheduled and not started; its places,
 * seats and the one-booking-per-player rule are the database's to decide, in the insert.
 */
async function bookSession(
  deps: AppDeps,
  tx: Database,
  userId: number,
  r: BookingCreate,
  key: string | undefined,
  hash: string,
  maker: Maker = { ...APP, note: r.note ?? null },
): Promise<Booking> {
  const repos = repositories(tx);
  const session = r.session_id === undefined ? null : await repos.sessions.view(r.session_id);
  if (!session || session.status !== "scheduled" || !session.offered) throw new DomainError("SESSION_NOT_FOUND", { field: "session_id" });
  const local = localDateTime(deps.clock(), deps.config.timeZone);
  if (compareLocal({ date: session.bookingDate, minutes: parseTime(session.startTime) }, local) <= 0) {
    throw new DomainError("SESSION_STARTED", { field: "session_id" });
  }
  const seats = r.seats ?? [];
  const seated = session.seats.length > 0;
  const places = seated ? seats.length : (r.places ?? 1);
  if (seated && (seats.length === 0 || (r.places !== undefined && r.places !== seats.length))) {
    throw new DomainError("SEATS_REQUIRED", { field: "seats" });
  }
  if (!seated && seats.length > 0) throw new DomainError("NOT_SEATED", { field: "seats" });
  if (seats.some((label) => !session.seats.includes(label))) throw new DomainError("UNKNOWN_SEAT", { field: "seats" });
  const user = await lockPlayer(deps, repos, userId, maker);
  return insertBooking(
    repos,
    {
      userId,
      venueId: session.venueId,
      unitId: session.unitId,
      places,
      sessionId: session.id,
      seats,
      bookingDate: session.bookingDate,
      startTime: session.startTime,
      endTime: session.endTime,
      totalPrice: multiplyMoney(session.pricePerPlace, places),
    },
    { venueName: session.venueName, unitName: session.unitName, userPhone: user.phone, sessionTitle: session.title },
    { key, hash },
    maker,
  );
}

/**
 * Books a slot for a player: checks the rules against the venue (its row locked, so bookings of one
 * venue queue instead of deadlocking), checks the player's count of upcoming bookings (their row
 * locked, so parallel requests cannot pass the limit together), chooses the unit, prices it, inserts
 * it (its trigger claims the unit or its places) with its audit row and, with an Idempotency-Key,
 * the record of it, all in one transaction.
 */
export function createBooking(deps: AppDeps, input: CreateBookingInput): Promise<CreatedBooking> {
  const { request: r } = input;
  return book(deps, { ...input, hash: requestHash(r), maker: { ...APP, note: r.note ?? null } });
}

/**
 * Staff book for a customer by phone: the customer is found or made (unverified) in a transaction
 * of its own, before the venue is locked, then the booking is made as a player's is, except that
 * the notice, the horizon and the player's limit are the desk's to judge, and it is confirmed
 * unless asked otherwise. The audit row names the admin.
 */
export async function createStaffBooking(
  deps: AppDeps,
  input: { adminId: number; request: AdminBookingCreate; idempotencyKey?: string | undefined } & TransactionOptions,
): Promise<CreatedBooking> {
  const { phone, name, status, ...r } = input.request;
  const hash = hashOf(["staff", phone, name ?? null, status ?? "confirmed", requestHash(r)]);
  if (input.idempotencyKey) {
    const earlier = await replay(deps, input.adminId, input.idempotencyKey, hash);
    if (earlier) return { booking: earlier, replayed: true };
  }
  const customer = await findCustomer(deps, phone, name, input);
  return book(deps, {
    userId: customer.id,
    request: r,
    idempotencyKey: input.idempotencyKey,
    deadline: input.deadline,
    hash,
    maker: { actor: "admin", actorUserId: input.adminId, source: "staff", status: status ?? "confirmed", note: r.note ?? null },
  });
}

/** The customer with this phone, made (unverified, with `name`) when new: committed on its own, before any venue is locked. */
export async function findCustomer(
  deps: AppDeps,
  phone: string,
  name: string | undefined,
  options: TransactionOptions,
): Promise<{ id: number; isActive: boolean }> {
  const customer = await withTransaction(deps.database.db, { deadline: options.deadline }, (tx) =>
    repositories(tx).users.customer(phone, name),
  );
  // the desk may have named them
  deps.cache.userChanged(customer.id);
  return customer;
}

/** Makes a booking in its own transaction; with an Idempotency-Key, a retry (or a racing twin) gets the first one. */
async function book(deps: AppDeps, input: CreateBookingInput & { hash: string; maker: Maker }): Promise<CreatedBooking> {
  const { userId, request: r, idempotencyKey: key, hash, maker } = input;
  const keeper = maker.actorUserId ?? userId;
  if (key) {
    const earlier = await replay(deps, keeper, key, hash);
    if (earlier) return { booking: earlier, replayed: true };
  }
  let booking: Booking;
  try {
    const { deadline } = input;
    booking =
      r.session_id === undefined
        ? await withTransaction(deps.database.db, { deadline, boundsItsOwnWaits: true }, (tx) =>
            bookHours(deps, tx, userId, r, key, hash, maker, { deadline }),
          )
        : await withTransaction(deps.database.db, { deadline }, (tx) => bookSession(deps, tx, userId, r, key, hash, maker));
  } catch (caught) {
    const e = r.session_id === undefined ? await closedInstead(deps.repos, r, caught) : caught;
    if (isConflict(e)) deps.metrics.bookingConflicts.inc();
    // A concurrent request with the same key won (its booking holds the slot, the places or the last
    // booking under the limit, or its record the key).
    if (key && (isConflict(e) || isDomainError(e, "TOO_MANY_LIVE_BOOKINGS") || !isDomainError(e))) {
      const winner = await replay(deps, keeper, key, hash);
      if (winner) return { booking: winner, replayed: true };
    }
    throw e;
  }
  deps.metrics.bookingsCreated.inc();
  busyChanged(deps, booking);
  return { booking, replayed: false };
}

/** How a waitlist offer is made: by the system, pending, passing the notice (not the player's limit). */
const OFFER: Maker = { actor: "system", actorUserId: null, source: "app", status: "pending", note: null, offer: true };

/**
 * Offers freed time on these days of the venue to whoever waits for it, first come first: each
 * waiting entry is tried as a booking (in a savepoint of the caller's transaction, through the same
 * path and constraints as any booking); the first that fits takes it, and the player is told.
 * Returns the bookings offered.
 */
export async function offerFreed(deps: AppDeps, tx: Database, venueId: number, dates: string[]): Promise<Booking[]> {
  const repos = repositories(tx);
  const waiting = await repos.waitlist.waitingOn(venueId, [...new Set(dates)]);
  const offered: Booking[] = [];
  for (const e of waiting) {
    const request = {
      venue_id: e.venueId,
      booking_date: e.bookingDate,
      start_time: e.startTime,
      end_time: e.endTime,
      ...(e.unitId === null ? {} : { unit_id: e.unitId }),
      ...(e.unitKind === null ? {} : { unit_kind: e.unitKind }),
      places: e.places,
    };
    try {
      const booking = await withSavepoint(tx, (sp) => bookHours(deps, sp, e.userId, request, undefined, "", OFFER));
      await repos.waitlist.markOffered(e.id, booking.id, deps.config.waitlistHoldMinutes);
      await repos.waitlist.notifyOffer(e.userId, booking.id);
      offered.push(booking);
    } catch (err) {
      // still taken for this one (or no longer bookable at all): it waits on
      if (!isDomainError(err)) throw err;
    }
  }
  return offered;
}

export type BookingWithHistory = { booking: Booking; history: BookingEvent[] };

export type StatusChange = {
  id: number;
  to: BookingStatus;
  actor: Actor;
  actorUserId?: number | null;
  reason?: string | null;
  /** When set, only this user's booking may change (anyone else's looks absent). */
  ownerId?: number;
} & TransactionOptions;

/**
 * Moves a booking along the status machine as a compare-and-set on its current status, with its
 * audit row in the same transaction. Of two admins (or an admin and the owner) racing on one
 * booking only one wins; the loser reads again and gets BAD_TRANSITION when its move is no longer
 * allowed.
 */
export async function changeBookingStatus(deps: AppDeps, change: StatusChange): Promise<Booking> {
  for (;;) {
    const current = await deps.repos.bookings.statusOf(change.id);
    if (!current || (change.ownerId !== undefined && current.userId !== change.ownerId)) throw new DomainError("BOOKING_NOT_FOUND");
    const from = current.status;
    assertTransition(from, change.to);
    // The write below also compares the date and times read here: a move in between makes it read again.
    const clock = requestSpan({ date: current.bookingDate, start: parseTime(current.startTime), end: parseTime(current.endTime) });
    const shift = current.afterMidnight ? MINUTES_PER_DAY : 0;
    const span = { start: clock.start + shift, end: clock.end + shift };
    if (change.to === "completed") assertEnded({ date: current.bookingDate, end: span.end }, deps.clock(), deps.config.timeZone);
    if (change.to === "cancelled" && change.actor === "user") {
      const window = current.cancelUntilMinutes ?? deps.config.cancelUntilMinutes;
      assertCancellable({ date: current.bookingDate, start: span.start }, deps.clock(), window, deps.config.timeZone);
    }
    const moved = await withTransaction(deps.database.db, { deadline: change.deadline }, async (tx) => {
      const repos = repositories(tx);
      // a cancel frees claims: it queues on the venue as bookings and moves do
      if (change.to === "cancelled") await repos.venues.lockBookings(current.venueId);
      const at = {
        bookingDate: current.bookingDate,
        startTime: current.startTime,
        endTime: current.endTime,
        afterMidnight: current.afterMidnight,
      };
      if (!(await repos.bookings.setStatusIf(change.id, from, change.to, at))) return false;
      await repos.bookings.addEvent({
        bookingId: change.id,
        fromStatus: from,
        toStatus: change.to,
        actor: change.actor,
        actorUserId: change.actorUserId ?? null,
        reason: change.reason ?? null,
      });
      if (change.to === "cancelled") {
        // the freed time goes to whoever waits for it, in this transaction (an offer let go ends by its trigger)
        await offerFreed(deps, tx, current.venueId, [current.bookingDate]);
      }
      return true;
    });
    if (!moved) continue;
    const booking = await deps.repos.bookings.get(change.id);
    if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
    if (change.to === "cancelled") deps.metrics.bookingCancellations.inc({ by: change.actor });
    busyChanged(deps, booking);
    return booking;
  }
}

/** The player cancels their own booking. */
export function cancelBooking(deps: AppDeps, input: { userId: number; id: number } & TransactionOptions): Promise<Booking> {
  return changeBookingStatus(deps, {
    id: input.id,
    to: "cancelled",
    actor: "user",
    actorUserId: input.userId,
    ownerId: input.userId,
    reason: "cancelled by the player",
    deadline: input.deadline,
  });
}

/** An admin moves a booking along the status machine; returns it with its history. */
export async function setBookingStatus(
  deps: AppDeps,
  input: { adminId: number; id: number; to: BookingStatus; reason?: string | undefined } & TransactionOptions,
): Promise<BookingWithHistory> {
  const booking = await changeBookingStatus(deps, {
    id: input.id,
    to: input.to,
    actor: "admin",
    actorUserId: input.adminId,
    reason: input.reason ?? null,
    deadline: input.deadline,
  });
  // The booking is fresh from the change; only its history is still to read.
  return { booking, history: await deps.repos.bookings.history(input.id) };
}

export function listBookings(deps: AppDeps, filter: BookingFilter): Promise<Page<Booking>> {
  return deps.repos.bookings.list(filter);
}

/** One of the player's own bookings; anyone else's is BOOKING_NOT_FOUND, like a missing one. */
export async function getOwnBooking(deps: AppDeps, input: { userId: number; id: number }): Promise<Booking> {
  const booking = await deps.repos.bookings.getForUser(input.id, input.userId);
  if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
  return booking;
}

/** Any booking with its status history, for admins. */
export async function getBookingWithHistory(deps: AppDeps, id: number): Promise<BookingWithHistory> {
  const booking = await deps.repos.bookings.get(id);
  if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
  return { booking, history: await deps.repos.bookings.history(id) };
}
