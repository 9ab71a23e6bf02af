import { addDays, isDomainError } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories, withTransaction } from "../src/index.ts";
import type { DatabaseHandle, Repositories } from "../src/index.ts";
import { testBackends } from "../src/testing.ts";
import { DAY, insertBooking, newUser, nextPhone, UNREAD, venueInput } from "./fixtures.ts";

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

describe.each(testBackends())("data access on $name", (backend) => {
  let handle: DatabaseHandle;
  let repos: Repositories;

  beforeAll(async () => {
    handle = await backend.open();
    repos = repositories(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  describe("users", () => {
    it("creates a verified user on first sign-in and finds the same one later", async () => {
      const phone = nextPhone();
      const first = await repos.users.signIn(phone);
      expect(first.created).toBe(true);
      expect(first.user).toMatchObject({ phone, isVerified: true, isActive: true, isAdmin: false, name: "" });
      const again = await repos.users.signIn(phone);
      expect(again.created).toBe(false);
      expect(again.user.id).toBe(first.user.id);
    });

    it("promotes listed admins on sign-in and never demotes them", async () => {
      const phone = nextPhone();
      expect((await repos.users.signIn(phone, { admin: true })).user.isAdmin).toBe(true);
      expect((await repos.users.signIn(phone)).user.isAdmin).toBe(true);
    });

    it("updates names and flags, and the database refuses a malformed phone", async () => {
      const u = await newUser(repos);
      const updated = await repos.users.update(u.id, { name: "Азиз", isActive: false, isAdmin: true });
      expect(updated).toMatchObject({ name: "Азиз", isActive: false, isAdmin: true, isVerified: true });
      expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(u.updatedAt.getTime());
      expect(await repos.users.update(999_999, { name: "x" })).toBeNull();
      await expect(handle.db.execute(sql`insert into users (phone) values ('+7 900 123')`)).rejects.toThrow();
    });

    it("lists newest first and searches phone and name with wildcards taken literally", async () => {
      const a = await newUser(repos);
      await repos.users.update(a.id, { name: "Rustam_100%" });
      const b = await newUser(repos);
      await repos.users.update(b.id, { name: "Rustam-1000" });
      const byName = await repos.users.list({ search: "rustam_100%" });
      expect(byName.results.map((u) => u.id)).toEqual([a.id]);
      const byPhone = await repos.users.list({ search: b.phone.slice(-6) });
      expect(byPhone.results.map((u) => u.id)).toContain(b.id);
      const all = await repos.users.list({});
      expect(all.results[0]!.id).toBeGreaterThan(all.results[1]!.id);
      expect(all.count).toBeGreaterThanOrEqual(2);
      expect(await repos.users.getByPhone(a.phone)).toMatchObject({ id: a.id });
      expect(await repos.users.get(a.id)).toMatchObject({ phone: a.phone });
      expect(await repos.users.get(987_654)).toBeNull();
    });
  });

  describe("venues", () => {
    it("creates with translations and reads it back with times as HH:MM", async () => {
      const v = await repos.venues.create(venueInput({ openingTime: "07:00", closingTime: "24:00" }));
      expect(v).toMatchObject({
        name: { ru: "Стадион Пахтакор", uz: "Paxtakor stadioni", en: "Pakhtakor Stadium" },
        pricePerHour: "150000.00",
        openingTime: "07:00",
        closingTime: "24:00",
        isActive: true,
        images: ["https://example.com/a.jpg"],
      });
      const d = await repos.venues.create(venueInput({ description: undefined, amenities: undefined }));
      expect(d).toMatchObject({ openingTime: "09:00", closingTime: "22:00", description: { ru: "" }, amenities: [] });
      expect(await repos.venues.get(v.id)).toEqual(v);
    });

    it("the database refuses a zero price, a slot off the allowed lengths, bounds out of order and a missing Russian name", async () => {
      await expect(repos.venues.create(venueInput({ pricePerHour: "0" }))).rejects.toThrow();
      await expect(repos.venues.create(venueInput({ slotMinutes: 45 }))).rejects.toThrow();
      await expect(repos.venues.create(venueInput({ minDurationMinutes: 120, maxDurationMinutes: 60 }))).rejects.toThrow();
      await expect(repos.venues.create(venueInput({ policy: { maxLiveBookingsPerUser: 0 } }))).rejects.toThrow();
      // hours that close after midnight are a venue's to have
      expect(await repos.venues.create(venueInput({ openingTime: "18:00", closingTime: "02:00" }))).toMatchObject({ closingTime: "02:00" });
      await expect(repos.venues.create(venueInput({ name: { ru: "", en: "x" } }))).rejects.toThrow();
    });

    it("soft-deletes: gone for the public, kept for admins", async () => {
      const v = await repos.venues.create(venueInput());
      expect(await repos.venues.deactivate(v.id)).toBe(true);
      expect(await repos.venues.get(v.id)).toBeNull();
      expect(await repos.venues.get(v.id, { includeInactive: true })).toMatchObject({ isActive: false });
      expect(await repos.venues.deactivate(123_456)).toBe(false);
      const pub = await repos.venues.list({ pageSize: 1000 });
      expect(pub.results.some((x) => x.id === v.id)).toBe(false);
      const adm = await repos.venues.list({ pageSize: 1000, includeInactive: true });
      expect(adm.results.some((x) => x.id === v.id)).toBe(true);
    });

    it("updates fields and one language at a time", async () => {
      const v = await repos.venues.create(venueInput());
      const u = await repos.venues.update(v.id, { pricePerHour: "99.99", closingTime: "23:00" });
      expect(u).toMatchObject({ pricePerHour: "99.99", closingTime: "23:00", name: v.name });
      const t = await repos.venues.setTranslation(v.id, "en", { name: "Central Pitch", amenities: ["Showers", "Parking"] });
      expect(t!.name).toEqual({ ...v.name, en: "Central Pitch" });
      expect(t!.amenities).toEqual([
        { ru: "Душ", uz: "Dush", en: "Showers" },
        { ru: "Parking", en: "Parking" },
      ]);
      expect(await repos.venues.setTranslation(424_242, "en", { name: "x" })).toBeNull();
      expect(await repos.venues.update(424_242, { name: { ru: "x" } })).toBeNull();
    });

    it("adds and removes image URLs without duplicates", async () => {
      const v = await repos.venues.create(venueInput());
      const a = await repos.venues.changeImages(v.id, { add: ["https://example.com/b.jpg", "https://example.com/a.jpg"] });
      expect(a!.images).toEqual(["https://example.com/a.jpg", "https://example.com/b.jpg"]);
      const r = await repos.venues.changeImages(v.id, { remove: ["https://example.com/a.jpg", "https://nope"] });
      expect(r!.images).toEqual(["https://example.com/b.jpg"]);
      expect(await repos.venues.changeImages(777_777, { add: ["https://x"] })).toBeNull();
    });

    describe("list", () => {
      const tag = `q${Date.now().toString(36)}`;
      const ids: number[] = [];
      beforeAll(async () => {
        const names = [
          `${tag} Футбол Арена`,
          `${tag} 100% Sport`,
          `${tag} Court_1`,
          `${tag} O'zbekiston "Zal"`,
          `${tag} Теннисный корт`,
          `${tag} Court-1`,
          `${tag} Plain`,
          `${tag} Plain 2`,
          `${tag} Plain 3`,
          `${tag} Plain 4`,
          `${tag} Plain 5`,
          `${tag} Plain 6`,
        ];
        for (const [i, ru] of names.entries()) {
          const v = await repos.venues.create(
            venueInput({ name: { ru, en: i === 0 ? `${tag} Football Arena` : null }, pricePerHour: `${(i + 1) * 10000}.00` }),
          );
          ids.push(v.id);
        }
      });

      it("pages by ten with the total count", async () => {
        const p1 = await repos.venues.list({ search: tag });
        expect(p1.count).toBe(12);
        expect(p1.results).toHaveLength(10);
        expect(p1.results.map((v) => v.id)).toEqual(ids.slice(0, 10));
        const p2 = await repos.venues.list({ search: tag, page: 2 });
        expect(p2.results.map((v) => v.id)).toEqual(ids.slice(10));
        expect(p2.count).toBe(12);
        const p3 = await repos.venues.list({ search: tag, page: 3 });
        expect(p3).toMatchObject({ count: 12, results: [] });
      });

      it("searches every language, case-insensitively, Cyrillic included", async () => {
        const ru = await repos.venues.list({ search: `${tag} ФУТБОЛ` });
        expect(ru.results.map((v) => v.id)).toEqual([ids[0]]);
        const en = await repos.venues.list({ search: "FOOTBALL arena" });
        expect(en.results.map((v) => v.id)).toContain(ids[0]);
        expect((await repos.venues.list({ search: `${tag} теннис` })).results.map((v) => v.id)).toEqual([ids[4]]);
      });

      it("treats % and _ as plain characters and quotes as text", async () => {
        expect((await repos.venues.list({ search: `${tag} 100%` })).results.map((v) => v.id)).toEqual([ids[1]]);
        expect((await repos.venues.list({ search: "%" })).results.map((v) => v.id)).toEqual([ids[1]]);
        expect((await repos.venues.list({ search: `${tag} court_1` })).results.map((v) => v.id)).toEqual([ids[2]]);
        expect((await repos.venues.list({ search: `o'zbekiston "zal"` })).results.map((v) => v.id)).toEqual([ids[3]]);
        expect((await repos.venues.list({ search: `'; drop table venues; --` })).count).toBe(0);
      });

      it("filters by a price range, bounds included", async () => {
        const r = await repos.venues.list({ search: tag, minPrice: "30000", maxPrice: "50000.00" });
        expect(r.results.map((v) => v.pricePerHour)).toEqual(["30000.00", "40000.00", "50000.00"]);
        expect((await repos.venues.list({ search: tag, minPrice: "115000" })).count).toBe(1);
      });
    });
  });

  describe("bookings", () => {
    let venueId: number;
    let userId: number;
    beforeAll(async () => {
      venueId = (await repos.venues.create(venueInput({ pricePerHour: "99.99" }))).id;
      userId = (await newUser(repos)).id;
    });

    const book = (start: string, end: string, over: { userId?: number; date?: string } = {}) =>
      insertBooking(repos, {
        userId: over.userId ?? userId,
        venueId,
        start,
        end,
        ...(over.date ? { date: over.date } : {}),
        totalPrice: "299.97",
      });

    it("inserts a pending booking and reads it back joined, with its audit row", async () => {
      const b = await book("09:00", "12:00");
      expect(b).toMatchObject({
        venueId,
        userId,
        bookingDate: DAY,
        startTime: "09:00",
        endTime: "12:00",
        durationMinutes: 180,
        totalPrice: "299.97",
        status: "pending",
        canCancel: true,
        venueName: { ru: "Стадион Пахтакор" },
      });
      expect(await repos.bookings.history(b.id)).toMatchObject([
        { fromStatus: null, toStatus: "pending", actor: "user", actorUserId: userId },
      ]);
      expect(await repos.bookings.statusOf(b.id)).toEqual({
        status: "pending",
        userId,
        venueId,
        bookingDate: DAY,
        startTime: "09:00",
        endTime: "12:00",
        afterMidnight: false,
        cancelUntilMinutes: null,
      });
      expect(await repos.bookings.statusOf(999_999)).toBeNull();
    });

    it("refuses an overlap as SLOT_TAKEN from the constraint, but allows touching ranges", async () => {
      expect(await codeOf(book("11:00", "13:00"))).toBe("SLOT_TAKEN");
      const touching = await book("12:00", "13:00");
      expect(touching.status).toBe("pending");
    });

    it("the constraint holds even for a raw insert that skips the code", async () => {
      await expect(
        handle.db.execute(
          sql`insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price) values (${userId}, ${venueId}, (select id from units where venue_id = ${venueId}), ${DAY}, '09:30', '10:30', 1)`,
        ),
      ).rejects.toSatisfy(
        (e: unknown) =>
          JSON.stringify(e, Object.getOwnPropertyNames(e)).includes("23P01") ||
          String((e as { cause?: { code?: string } }).cause?.code) === "23P01",
      );
      await expect(
        handle.db.execute(
          sql`insert into bookings (user_id, venue_id, unit_id, places, booking_date, start_time, end_time, total_price, status) values (${userId}, ${venueId}, (select id from units where venue_id = ${venueId}), 0, ${DAY}, '15:00', '16:00', 1, 'pending')`,
        ),
      ).rejects.toThrow();
      // an end at or before the start is the next day's: 23:00-01:00 holds two hours across midnight
      const inserted: unknown = await handle.db.execute(
        sql`insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price, status) values (${userId}, ${venueId}, (select id from units where venue_id = ${venueId}), ${DAY}, '23:00', '01:00', 1, 'pending') returning lower(during)::text as a, upper(during)::text as b`,
      );
      const [late] = (inserted as { rows: { a: string; b: string }[] }).rows;
      expect(late).toEqual({ a: `${DAY} 23:00:00`, b: `${addDays(DAY, 1)} 01:00:00` });
      await expect(
        handle.db.execute(
          sql`insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price, status) values (${userId}, ${venueId}, (select id from units where venue_id = ${venueId}), ${addDays(DAY, 1)}, '00:00', '01:00', 1, 'pending')`,
        ),
      ).rejects.toSatisfy(
        (e: unknown) =>
          JSON.stringify(e, Object.getOwnPropertyNames(e)).includes("23P01") ||
          String((e as { cause?: { code?: string } }).cause?.code) === "23P01",
      );
      await handle.db.execute(sql`update bookings set status = 'cancelled' where booking_date = ${DAY} and start_time = '23:00'`);
      await expect(
        handle.db.execute(
          sql`insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price, status) values (${userId}, ${venueId}, (select id from units where venue_id = ${venueId}), ${DAY}, '15:00', '16:00', 1, 'lost')`,
        ),
      ).rejects.toThrow();
    });

    it("locks the venue for booking and tells an unknown or inactive one", async () => {
      const locked = await withTransaction(handle.db, (tx) => repositories(tx).venues.lockForBooking(venueId));
      expect(locked).toMatchObject({ pricePerHour: "99.99", openingTime: "09:00", closingTime: "22:00", isActive: true });
      expect(locked?.units.map((u) => u.capacity)).toEqual([1]);
      expect(await repos.venues.lockForBooking(999_999)).toBeNull();
      const closed = await repos.venues.create(venueInput());
      await repos.venues.deactivate(closed.id);
      expect(await repos.venues.lockForBooking(closed.id)).toMatchObject({ isActive: false });
    });

    it("a cancelled booking frees its slot; a status change is compare-and-set", async () => {
      const b = await book("16:00", "18:00");
      expect(await repos.bookings.setStatusIf(b.id, "confirmed", "completed")).toBe(false);
      expect(await repos.bookings.setStatusIf(b.id, "pending", "cancelled")).toBe(true);
      expect(await repos.bookings.get(b.id)).toMatchObject({ status: "cancelled", canCancel: false });
      const again = await book("16:00", "18:00");
      expect(again.status).toBe("pending");
    });

    it("of parallel compare-and-sets on one booking exactly one wins", async () => {
      const b = await book("19:00", "20:00");
      const results = await Promise.all(Array.from({ length: 8 }, () => repos.bookings.setStatusIf(b.id, "pending", "confirmed")));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("lists a user's bookings newest first and hides others' bookings", async () => {
      const me = await newUser(repos);
      const made = [];
      for (const [s, e] of [
        ["09:00", "10:00"],
        ["10:00", "11:00"],
        ["11:00", "12:00"],
      ] as const) {
        made.push(await book(s, e, { userId: me.id, date: "2026-11-26" }));
      }
      const page = await repos.bookings.list({ userId: me.id });
      expect(page.count).toBe(3);
      expect(page.results.map((b) => b.id)).toEqual(made.map((b) => b.id).reverse());
      expect(await repos.bookings.getForUser(made[0]!.id, me.id)).toMatchObject({ id: made[0]!.id });
      expect(await repos.bookings.getForUser(made[0]!.id, userId)).toBeNull();
      const filtered = await repos.bookings.list({ venueId, date: "2026-11-26", phone: me.phone, status: "pending" });
      expect(filtered.count).toBe(3);
      expect((await repos.bookings.list({ userId: me.id, status: "confirmed" })).count).toBe(0);
      expect((await repos.bookings.list({ userId: me.id, page: 2 })).count).toBe(3);
    });

    it("reports what live bookings hold, and only those", async () => {
      const busy = await repos.bookings.dayHolds(venueId, DAY);
      const hours = busy.holds.map((i) => `${i.start / 60}-${i.end / 60}`).sort();
      expect(hours).toEqual(["12-13", "16-18", "19-20", "9-12"]);
    });
  });

  describe("under concurrency", () => {
    it("100 parallel random overlapping inserts, each in a transaction with the venue locked, leave no overlapping pair", async () => {
      const venue = await repos.venues.create(venueInput());
      const user = await newUser(repos);
      let seed = 42;
      const rand = (n: number) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed % n;
      };
      const ranges = Array.from({ length: 100 }, () => {
        const start = 9 + rand(12);
        const len = 1 + rand(Math.min(4, 22 - start));
        return [start, start + len] as const;
      });
      const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
      const results = await Promise.allSettled(
        ranges.map(([s, e]) =>
          withTransaction(handle.db, async (tx) => {
            const r = repositories(tx);
            await r.venues.lockForBooking(venue.id);
            return r.bookings.insertWithEvent(
              {
                userId: user.id,
                venueId: venue.id,
                unitId: venue.units[0]!.id,
                places: 1,
                bookingDate: DAY,
                startTime: hh(s),
                endTime: hh(e),
                totalPrice: "1.00",
              },
              { actor: "user", actorUserId: user.id },
              UNREAD,
            );
          }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled").length;
      expect(won).toBeGreaterThan(0);
      for (const r of results) if (r.status === "rejected") expect(isDomainError(r.reason, "SLOT_TAKEN")).toBe(true);
      const pairs = await handle.db.execute(sql`
        select count(*)::int as n from bookings a join bookings b
          on a.venue_id = b.venue_id and a.id < b.id and a.during && b.during
         where a.venue_id = ${venue.id} and a.status in ('pending','confirmed') and b.status in ('pending','confirmed')`);
      const rows = (pairs as { rows: { n: number }[] }).rows;
      expect(rows[0]!.n).toBe(0);
      const live = await repos.bookings.dayHolds(venue.id, DAY);
      expect(live.holds).toHaveLength(won);
    });
  });
});
