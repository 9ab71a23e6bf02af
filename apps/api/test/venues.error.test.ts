import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, patch, problem, signIn, signInAdmin, venueBody } from "./helpers.ts";

describe.each(testBackends())("venues, error paths, on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let player: string;
  let venueId: number;
  beforeAll(async () => {
    h = await backend.start();
    admin = (await signInAdmin(h)).access;
    player = (await signIn(h)).access;
    venueId = await createVenue(h, admin);
  });
  afterAll(async () => h.close());

  it("writes need an admin: 401 without a token, 403 for a player", async () => {
    expect((await h.request("/api/venues/", json(venueBody()))).status).toBe(401);
    const forbidden = await h.request("/api/venues/", authed(player, json(venueBody())));
    expect(forbidden.status).toBe(403);
    expect((await h.request(`/api/venues/${venueId}/`, authed(player, patch({ price_per_hour: "1" })))).status).toBe(403);
    expect((await h.request(`/api/venues/${venueId}/`, authed(player, { method: "DELETE" }))).status).toBe(403);
    expect((await h.request(`/api/venues/${venueId}/?translations=all`)).status).toBe(401);
    expect((await h.request(`/api/venues/${venueId}/?translations=all`, authed(player))).status).toBe(403);
    expect((await h.request("/api/venues/?include_inactive=true", authed(player))).status).toBe(403);
  });

  it.each([
    [{ price_per_hour: "0" }, "price_per_hour", "INVALID_PRICE"],
    [{ price_per_hour: "-5" }, "price_per_hour", "INVALID_MONEY"],
    [{ price_per_hour: "12.345" }, "price_per_hour", "INVALID_MONEY"],
    [{ price_per_hour: 150000 }, "price_per_hour", undefined],
    [{ name: { uz: "Faqat o'zbekcha" } }, "name.ru", undefined],
    [{ name: { ru: "   " } }, "name.ru", undefined],
    [{ name: { ru: "x", fr: "y" } }, "name.fr", undefined],
    [{ images: ["ftp://example.com/a.jpg"] }, "images.0", undefined],
    [{ images: ["javascript:alert(1)"] }, "images.0", undefined],
    [{ opening_time: "25:00" }, "opening_time", "INVALID_TIME"],
    [
      {
        weekly_hours: [
          { weekday: 1, opening_time: "09:00", closing_time: "22:00" },
          { weekday: 1, opening_time: "10:00", closing_time: "20:00" },
        ],
      },
      "weekly_hours",
      "INVALID_HOURS",
    ],
    [{ weekly_hours: [{ weekday: 8, opening_time: "09:00", closing_time: "22:00" }] }, "weekly_hours.0.weekday", undefined],
    [{ slot_minutes: 45 }, "slot_minutes", undefined],
    [
      { price_rules: [{ weekdays: [], start_time: "18:00", end_time: "22:00", price_per_hour: "1.00" }] },
      "price_rules.0.weekdays",
      undefined,
    ],
    [{ policy: { hold_minutes: -1 } }, "policy.hold_minutes", undefined],
    [{ amenities: [{ en: "Shower" }] }, "amenities.0.ru", undefined],
    [{ owner: 1 }, "owner", undefined],
  ])("create refuses %j (field %s)", async (over, field, code) => {
    const res = await h.request("/api/venues/", authed(admin, json(venueBody(over)), "en"));
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe("VALIDATION_FAILED");
    expect(p.errors?.map((e) => e.field)).toContain(field);
    if (code === "INVALID_PRICE") expect(p.errors?.find((e) => e.field === field)?.message).toBe("The price must be greater than zero.");
    if (code === "INVALID_HOURS") expect(p.errors?.find((e) => e.field === field)?.message).toMatch(/each weekday appear once/);
  });

  it.each([
    [{ closing_time: "09:30" }, "INVALID_HOURS", "closing_time"],
    [
      // Monday runs to 10:00 on Tuesday, which opens at 08:00
      {
        weekly_hours: [
          { weekday: 1, opening_time: "18:00", closing_time: "10:00" },
          { weekday: 2, opening_time: "08:00", closing_time: "20:00" },
        ],
      },
      "INVALID_HOURS",
      "weekly_hours",
    ],
    [{ min_duration_minutes: 90 }, "INVALID_DURATION_BOUNDS", "min_duration_minutes"],
    [{ min_duration_minutes: 180, max_duration_minutes: 120 }, "INVALID_DURATION_BOUNDS", "min_duration_minutes"],
    [
      { price_rules: [{ weekdays: [5], start_time: "18:00", end_time: "22:00", price_per_hour: "1.00", unit_id: 999999 }] },
      "INVALID_PRICE_RULE",
      "price_rules",
    ],
  ])("an update %j that leaves the calendar broken is 400 %s, and nothing changes", async (body, code, field) => {
    const res = await h.request(`/api/venues/${venueId}/`, authed(admin, patch(body)));
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe(code);
    expect(p.errors?.map((e) => e.field)).toEqual([field]);
    expect(await (await h.request(`/api/venues/${venueId}/`)).json()).toMatchObject({
      closing_time: "22:00",
      min_duration_minutes: 60,
      max_duration_minutes: null,
      price_rules: [],
    });
  });

  it("unknown venues are 404 for every verb; bad ids are 400", async () => {
    for (const [path, init] of [
      ["/api/venues/999999/", {}],
      ["/api/venues/999999/availability/?date=2026-12-01", {}],
      ["/api/venues/999999/", authed(admin, patch({ price_per_hour: "1.00" }))],
      ["/api/venues/999999/", authed(admin, { method: "DELETE" })],
    ] as const) {
      const res = await h.request(path, init);
      expect(res.status, path).toBe(404);
      expect((await problem(res)).code).toBe("VENUE_NOT_FOUND");
    }
    expect((await h.request("/api/venues/abc/")).status).toBe(400);
    expect((await h.request("/api/venues/-1/")).status).toBe(400);
    expect((await h.request("/api/venues/99999999999/")).status).toBe(400);
  });

  it.each(["min_price=-1", "min_price=abc", "max_price=1e5", "min_price=500&max_price=100", "page=0", "page=-2", "page=1.5", "page=abc"])(
    "the list refuses %s with 400",
    async (qs) => {
      const res = await h.request(`/api/venues/?${qs}`, { headers: { "accept-language": "en" } });
      expect(res.status).toBe(400);
      const p = await problem(res);
      if (qs.includes("max_price=100"))
        expect(p.errors?.[0]).toEqual({ field: "min_price", message: "min_price must not be greater than max_price." });
    },
  );

  it("a page past the end is 404", async () => {
    const res = await h.request("/api/venues/?page=500");
    expect(res.status).toBe(404);
    expect((await problem(res)).code).toBe("PAGE_NOT_FOUND");
  });

  it.each(["", "date=", "date=2026-02-30", "date=2026-13-01", "date=tomorrow", "date=2026-1-5"])(
    "availability refuses %j with 400",
    async (qs) => {
      const res = await h.request(`/api/venues/${venueId}/availability/?${qs}`);
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.[0]?.field).toBe("date");
    },
  );
});
