import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingSchema, pageSchema, VenueSchema, WaitlistEntrySchema } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import { dispatchOnce } from "../src/services/dispatcher.ts";
import { runLifecycleOnce } from "../src/services/lifecycle.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem, signInAdmin, sqlRows } from "./helpers.ts";

// 10:00 in Tashkent on Saturday 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const DAY = addDays("2026-11-21", 3);

describe.each(testBackends())("the waitlist on $name", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await backend.start({ dispatchIntervalMs: 0 });
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => h.close());

  const rows = <T>(query: ReturnType<typeof sql>) => sqlRows<T>(h, query);
  const player = async () => {
    const phone = newPhone();
    return { phone, ...(await h.tokensFor(phone)) };
  };
  const slot = (venue: number, start = "18:00", end = "19:00") => ({
    venue_id: venue,
    booking_date: DAY,
    start_time: start,
    end_time: end,
  });
  const book = (access: string, body: Record<string, unknown>) => h.request("/api/bookings/", authed(access, json(body)));
  const wait = (access: string, body: Record<string, unknown>) => h.request("/api/waitlist/", authed(access, json(body)));
  const entries = async (access: string) =>
    pageSchema(WaitlistEntrySchema, "P").parse(await (await h.request("/api/waitlist/", authed(access))).json()).results;
  const cancel = (access: string, id: number) => h.request(`/api/bookings/${id}/cancel/`, authed(access, { method: "PATCH" }));
  /** A venue of one unit with 18:00-19:00 on DAY booked by a player; returns both. */
  const takenVenue = async () => {
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
    const holder = await player();
    const res = await book(holder.access, slot(venue));
    expect(res.status).toBe(201);
    return { venue, holder, booking: BookingSchema.parse(await res.json()) };
  };

  it("takes only a time that cannot be booked now, once per player", async () => {
    const { venue } = await takenVenue();
    const p = await player();
    const free = await wait(p.access, slot(venue, "20:00", "21:00"));
    expect(free.status).toBe(409);
    expect((await problem(free)).code).toBe("SLOT_AVAILABLE");
    expect((await wait(p.access, slot(venue))).status).toBe(201);
    const again = await wait(p.access, slot(venue));
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe("ALREADY_WAITING");
    const outside = await wait(p.access, slot(venue, "06:00", "07:00"));
    expect((await problem(outside)).code).toBe("OUTSIDE_HOURS");
  });

  it("a cancellation offers the time to the first of two waiters, whom nobody can take it from; a lapsed hold goes to the second", async () => {
    const { venue, holder, booking } = await takenVenue();
    const first = await player();
    const second = await player();
    expect((await wait(first.access, slot(venue))).status).toBe(201);
    expect((await wait(second.access, slot(venue))).status).toBe(201);

    // the cancel and five others trying to book the freed hour at the same moment
    const others = await Promise.all(Array.from({ length: 5 }, () => player()));
    const [cancelled, ...tries] = await Promise.all([cancel(holder.access, booking.id), ...others.map((o) => book(o.access, slot(venue)))]);
    expect(cancelled.status).toBe(200);
    expect(tries.map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
    const [offer] = await entries(first.access);
    expect(offer).toMatchObject({ status: "offered", booking_date: DAY, start_time: "18:00" });
    expect(offer!.booking_id).not.toBeNull();
    expect((await entries(second.access))[0]!.status).toBe("waiting");
    const [held] = await rows<{ user_id: number; status: string }>(
      sql`select user_id, status from bookings where id = ${offer!.booking_id}`,
    );
    expect(held).toEqual({ user_id: first.userId, status: "pending" });
    while ((await dispatchOnce(h.deps)) > 0);
    expect(h.sms.sent.filter((s) => s.phone === first.phone).map((s) => s.text)).toEqual([
      expect.stringContaining("Освободилось время, которого вы ждали"),
    ]);

    // the hold runs out: the second waiter gets it
    await h.deps.database.db.execute(sql`update waitlist_entries set offered_until = now() - interval '1 minute' where id = ${offer!.id}`);
    await runLifecycleOnce(h.deps);
    expect((await entries(first.access))[0]!.status).toBe("lapsed");
    const [lapsed] = await rows<{ status: string; reason: string }>(sql`
      select b.status, e.reason from bookings b join booking_events e on e.booking_id = b.id and e.to_status = 'cancelled'
       where b.id = ${offer!.booking_id}`);
    expect(lapsed).toEqual({ status: "cancelled", reason: "offer lapsed" });
    const [next] = await entries(second.access);
    expect(next!.status).toBe("offered");

    // the second keeps it; keeping twice, or someone else's, is refused
    const kept = await h.request(`/api/bookings/${next!.booking_id}/keep/`, authed(second.access, { method: "POST" }));
    expect(kept.status).toBe(200);
    expect(BookingSchema.parse(await kept.json())).toMatchObject({ id: next!.booking_id, status: "pending" });
    expect((await entries(second.access))[0]).toMatchObject({ status: "kept", offered_until: null });
    const twice = await h.request(`/api/bookings/${next!.booking_id}/keep/`, authed(second.access, { method: "POST" }));
    expect((await problem(twice)).code).toBe("NOT_OFFERED");
    await runLifecycleOnce(h.deps);
    const [still] = await rows<{ status: string }>(sql`select status from bookings where id = ${next!.booking_id}`);
    expect(still!.status).toBe("pending");

    // never two live bookings on the unit at once
    const [overlaps] = await rows<{ n: number }>(sql`
      select count(*)::int as n from bookings x join bookings y on x.id < y.id and x.unit_id = y.unit_id
       where x.venue_id = ${venue} and x.status in ('pending', 'confirmed') and y.status in ('pending', 'confirmed') and x.during && y.during`);
    expect(overlaps).toEqual({ n: 0 });
  });

  it("an offer let go goes to the next; leaving the list is possible at any time; admins see every entry", async () => {
    const { venue, holder, booking } = await takenVenue();
    const first = await player();
    const second = await player();
    await wait(first.access, slot(venue));
    const secondEntry = WaitlistEntrySchema.parse(await (await wait(second.access, slot(venue))).json());
    await cancel(holder.access, booking.id);
    const [offer] = await entries(first.access);
    expect((await h.request(`/api/waitlist/${offer!.id}/`, authed(first.access, { method: "DELETE" }))).status).toBe(204);
    expect((await entries(first.access))[0]!.status).toBe("cancelled");
    const [next] = await entries(second.access);
    expect(next).toMatchObject({ id: secondEntry.id, status: "offered" });
    const all = pageSchema(WaitlistEntrySchema, "P").parse(
      await (await h.request(`/api/admin/waitlist/?venue_id=${venue}`, authed(admin))).json(),
    );
    expect(all.results.map((e) => e.status).sort()).toEqual(["cancelled", "offered"]);
    expect((await h.request(`/api/waitlist/${offer!.id}/`, authed(second.access, { method: "DELETE" }))).status).toBe(404);
  });

  it("a cancelled session or series frees its time for the waiting player", async () => {
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
    const unit = VenueSchema.parse(await (await h.request(`/api/venues/${venue}/`)).json()).units[0]!.id;
    const session = await h.request(
      `/api/venues/${venue}/sessions/`,
      authed(
        admin,
        json({ unit_id: unit, title: { ru: "Игра" }, ...slot(venue), venue_id: undefined, capacity: 10, price_per_place: "10000" }),
      ),
    );
    expect(session.status).toBe(201);
    const sessionId = ((await session.json()) as { id: number }).id;
    const weekday = ((new Date(`${DAY}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const series = await h.request(
      "/api/admin/series/",
      authed(
        admin,
        json({ venue_id: venue, phone: newPhone(), weekday, start_time: "20:00", end_time: "21:00", first_date: DAY, weeks: 2 }),
      ),
    );
    expect(series.status).toBe(201);
    const seriesId = ((await series.json()) as { id: number }).id;
    const a = await player();
    const b = await player();
    expect((await wait(a.access, slot(venue))).status).toBe(201);
    expect((await wait(b.access, slot(venue, "20:00", "21:00"))).status).toBe(201);
    expect((await h.request(`/api/sessions/${sessionId}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
    expect((await entries(a.access))[0]!.status).toBe("offered");
    expect((await h.request(`/api/admin/series/${seriesId}/?from=${DAY}`, authed(admin, { method: "DELETE" }))).status).toBe(200);
    expect((await entries(b.access))[0]!.status).toBe("offered");
  });

  it("an offer ends with its booking however it ends, and lets its player wait again", async () => {
    const { venue, holder, booking } = await takenVenue();
    const first = await player();
    await wait(first.access, slot(venue));
    await cancel(holder.access, booking.id);
    const [offer] = await entries(first.access);
    // the venue confirms it: kept
    await h.request(`/api/admin/bookings/${offer!.booking_id}/`, authed(admin, patch({ status: "confirmed" })));
    expect((await entries(first.access))[0]).toMatchObject({ status: "kept", offered_until: null });

    const other = await takenVenue();
    const second = await player();
    await wait(second.access, slot(other.venue));
    await cancel(other.holder.access, other.booking.id);
    const [held] = await entries(second.access);
    // an admin cancels it: lapsed, and the player may queue again
    await h.request(`/api/admin/bookings/${held!.booking_id}/`, authed(admin, patch({ status: "cancelled" })));
    expect((await entries(second.access))[0]!.status).toBe("lapsed");
    const taken = await player();
    expect((await book(taken.access, slot(other.venue))).status).toBe(201);
    expect((await wait(second.access, slot(other.venue))).status).toBe(201);
  });

  it("letting an offer go works inside the cancellation window, and a lapsed hold cannot be kept", async () => {
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00", policy: { cancel_until_minutes: 100_000 } });
    const b = await book(admin, slot(venue)).then(async (r) => BookingSchema.parse(await r.json()));
    const first = await player();
    const second = await player();
    await wait(first.access, slot(venue));
    await wait(second.access, slot(venue));
    expect((await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status: "cancelled" })))).status).toBe(200);
    const [offer] = await entries(first.access);
    expect((await h.request(`/api/waitlist/${offer!.id}/`, authed(first.access, { method: "DELETE" }))).status).toBe(204);
    const [gone] = await rows<{ status: string }>(sql`select status from bookings where id = ${offer!.booking_id}`);
    expect(gone!.status).toBe("cancelled");
    const [next] = await entries(second.access);
    expect(next!.status).toBe("offered");
    await h.deps.database.db.execute(sql`update waitlist_entries set offered_until = now() - interval '1 minute' where id = ${next!.id}`);
    const late = await h.request(`/api/bookings/${next!.booking_id}/keep/`, authed(second.access, { method: "POST" }));
    expect((await problem(late)).code).toBe("NOT_OFFERED");
  });

  it("skips a waiting player who holds as many live bookings as allowed", async () => {
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00", policy: { max_live_bookings_per_user: 1 } });
    const holder = await player();
    const b = BookingSchema.parse(await (await book(holder.access, slot(venue))).json());
    const full = await player();
    await wait(full.access, slot(venue));
    expect((await book(full.access, slot(venue, "12:00", "13:00"))).status).toBe(201);
    const next = await player();
    await wait(next.access, slot(venue));
    await cancel(holder.access, b.id);
    expect((await entries(full.access))[0]!.status).toBe("waiting");
    expect((await entries(next.access))[0]!.status).toBe("offered");
  });

  it("a move frees the old time for the waiting player", async () => {
    const { venue, holder, booking } = await takenVenue();
    const waiter = await player();
    await wait(waiter.access, slot(venue));
    const moved = await h.request(`/api/bookings/${booking.id}/`, authed(holder.access, patch({ start_time: "20:00", end_time: "21:00" })));
    expect(moved.status).toBe(200);
    expect((await entries(waiter.access))[0]!.status).toBe("offered");
  });
});
