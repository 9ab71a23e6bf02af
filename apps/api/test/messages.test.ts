import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingSchema, NotificationSchema, pageSchema, UserSchema } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import { silentLogger } from "../src/infra/logger.ts";
import { dispatchOnce, startDispatcher } from "../src/services/dispatcher.ts";
import { runLifecycleOnce } from "../src/services/lifecycle.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, signInAdmin } from "./helpers.ts";

// 10:00 in Tashkent on Saturday 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const TODAY = "2026-11-21";

describe.each(testBackends())("messages to players on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let venue: number;
  beforeAll(async () => {
    h = await backend.start({ dispatchIntervalMs: 0 });
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
    venue = await createVenue(h, admin, {
      opening_time: "08:00",
      closing_time: "23:00",
      name: { ru: "Стадион Мир", uz: "Mir stadioni", en: "Mir Stadium" },
    });
  });
  afterAll(async () => h.close());

  /** A player signed in through the endpoints, asking in `lang` (or in none). */
  const playerIn = async (lang?: string) => {
    const phone = newPhone();
    await h.request("/api/auth/send-otp/", json({ phone }));
    const code = h.sms.lastCode(phone);
    const res = await h.request("/api/auth/verify-otp/", json({ phone, code }, lang ? { "accept-language": lang } : {}));
    const body = (await res.json()) as { access: string; user: unknown };
    return { phone, access: body.access, user: UserSchema.parse(body.user) };
  };
  const textsTo = (phone: string) => h.sms.sent.filter((s) => s.phone === phone && !/\b\d{6}\b/.test(s.text)).map((s) => s.text);
  const drain = async () => {
    while ((await dispatchOnce(h.deps)) > 0);
  };
  const book = async (access: string, date: string, start: string, end: string) => {
    const res = await h.request(
      "/api/bookings/",
      authed(access, json({ venue_id: venue, booking_date: date, start_time: start, end_time: end })),
    );
    expect(res.status).toBe(201);
    return BookingSchema.parse(await res.json());
  };

  it("keeps the language of the first sign-in, and lets the player change it", async () => {
    const uz = await playerIn("uz");
    expect(uz.user.language).toBe("uz");
    expect((await playerIn()).user.language).toBeNull();
    const res = await h.request("/api/auth/me/", authed(uz.access, patch({ language: "en" })));
    expect(UserSchema.parse(await res.json()).language).toBe("en");
    expect((await h.request("/api/auth/me/", authed(uz.access, patch({ language: "fr" })))).status).toBe(400);
  });

  it("tells the player once, in their language, that the venue confirmed, moved and cancelled the booking", async () => {
    const p = await playerIn("uz");
    const b = await book(p.access, addDays(TODAY, 2), "18:00", "19:00");
    await drain();
    expect(textsTo(p.phone)).toEqual([]);
    await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status: "confirmed" })));
    await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ start_time: "20:00", end_time: "21:00" })));
    await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status: "cancelled", reason: "yomg'ir" })));
    await drain();
    await drain();
    const date = addDays(TODAY, 2);
    expect(textsTo(p.phone)).toEqual([
      `${b.reference} broni tasdiqlandi: Mir stadioni, ${date} 18:00-19:00.`,
      `${b.reference} broni ko'chirildi: endi Mir stadioni, ${date} 20:00-21:00.`,
      `${b.reference} broni bekor qilindi: Mir stadioni, ${date} 20:00-21:00. Sabab: yomg'ir.`,
    ]);
    const log = pageSchema(NotificationSchema, "P").parse(
      await (await h.request(`/api/admin/notifications/?booking_id=${b.id}`, authed(admin))).json(),
    );
    expect(log.results.map((n) => [n.kind, n.status])).toEqual([
      ["cancelled", "sent"],
      ["moved", "sent"],
      ["confirmed", "sent"],
    ]);
  });

  it("says nothing of what the player did themselves", async () => {
    const p = await playerIn("ru");
    const b = await book(p.access, addDays(TODAY, 3), "12:00", "13:00");
    expect((await h.request(`/api/bookings/${b.id}/`, authed(p.access, patch({ start_time: "14:00", end_time: "15:00" })))).status).toBe(
      200,
    );
    expect((await h.request(`/api/bookings/${b.id}/cancel/`, authed(p.access, { method: "PATCH" }))).status).toBe(200);
    await drain();
    expect(textsTo(p.phone)).toEqual([]);
  });

  it("reminds of a confirmed booking once, REMINDER_MINUTES before it starts", async () => {
    const p = await playerIn("en");
    const date = addDays(TODAY, 1);
    const b = await book(p.access, date, "10:00", "11:00");
    await h.request(`/api/admin/bookings/${b.id}/`, authed(admin, patch({ status: "confirmed" })));
    await drain();
    const before = textsTo(p.phone).length;
    try {
      // 07:30 there: two and a half hours before, too early
      h.setNow(new Date(`${date}T02:30:00Z`));
      await runLifecycleOnce(h.deps);
      await drain();
      expect(textsTo(p.phone)).toHaveLength(before);
      // 08:01: within two hours; a second run of the job (another replica) adds nothing
      h.setNow(new Date(`${date}T03:01:00Z`));
      await Promise.all([runLifecycleOnce(h.deps), runLifecycleOnce(h.deps)]);
      await drain();
      await runLifecycleOnce(h.deps);
      await drain();
      expect(textsTo(p.phone).slice(before)).toEqual([`Reminder: Mir Stadium, ${date} at 10:00 (booking ${b.reference}).`]);
    } finally {
      h.setNow(NOW);
    }
  });
});

describe.each(testBackends())("the dispatcher of a process on $name", (backend) => {
  let h: Harness;
  // an hour between looks: anything sent below was sent without waiting for the next one
  beforeAll(async () => {
    h = await backend.start({ dispatchIntervalMs: 3_600_000 });
    h.setNow(NOW);
  });
  afterAll(async () => h.close());

  it("sends a burst larger than its places at the speed of the sends, not a batch an interval", async () => {
    const admin = (await signInAdmin(h)).access;
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
    const phone = newPhone();
    // a team's 40 Tuesdays, each booking confirmed: 40 messages due at once, more than the 16 places
    const res = await h.request(
      "/api/admin/series/",
      authed(
        admin,
        json({
          venue_id: venue,
          phone,
          name: "FC Burst",
          weekday: 2,
          start_time: "20:00",
          end_time: "21:00",
          first_date: TODAY,
          weeks: 40,
        }),
      ),
    );
    expect(res.status).toBe(201);
    const stop = startDispatcher(h.deps, silentLogger);
    try {
      await expect.poll(() => h.sms.sent.filter((s) => s.phone === phone).length, { timeout: 10_000, interval: 50 }).toBe(40);
    } finally {
      await stop();
    }
  });
});
