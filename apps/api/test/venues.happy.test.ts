import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AvailabilitySchema, VenueAllLanguagesSchema, VenueSchema } from "@venue-booking/contract";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, patch, signIn, signInAdmin, venueBody } from "./helpers.ts";

// 10:00 in Tashkent on 2026-11-21.
const NOW = new Date("2026-11-21T05:00:00Z");
// the price of the venues these tests create (helpers.venueBody), per hour and for an hour's slot
const PRICE = "150000.00";

describe.each(testBackends())("venues, happy paths, on $name", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => h.close());

  it("an admin creates a venue; everyone reads it in their language", async () => {
    const res = await h.request("/api/venues/", authed(admin, json(venueBody()), "en"));
    expect(res.status).toBe(201);
    const created = VenueSchema.parse(await res.json());
    expect(created).toMatchObject({
      name: "Test Stadium",
      price_per_hour: "150000.00",
      opening_time: "09:00",
      closing_time: "22:00",
      is_active: true,
    });

    for (const [lang, name, amenities] of [
      ["uz", "Test stadioni", ["Dush", "Парковка"]],
      ["ru", "Стадион Тест", ["Душ", "Парковка"]],
      ["en-GB,en;q=0.8", "Test Stadium", ["Shower", "Parking"]],
      ["de;q=1, uz;q=0.4, en;q=0.3", "Test stadioni", ["Dush", "Парковка"]],
      ["fr", "Стадион Тест", ["Душ", "Парковка"]],
    ] as const) {
      const r = await h.request(`/api/venues/${created.id}/`, { headers: { "accept-language": lang } });
      expect(r.status).toBe(200);
      expect(r.headers.get("content-language")).toBe(lang.startsWith("fr") ? "ru" : lang.slice(0, 2) === "de" ? "uz" : lang.slice(0, 2));
      expect(VenueSchema.parse(await r.json())).toMatchObject({ name, amenities });
    }
    const plain = await h.request(`/api/venues/${created.id}`);
    expect(plain.headers.get("content-language")).toBe("ru");
  });

  it("admins get every language with ?translations=all", async () => {
    const id = await createVenue(h, admin);
    const r = await h.request(`/api/venues/${id}/?translations=all`, authed(admin));
    const v = VenueAllLanguagesSchema.parse(await r.json());
    expect(v.name).toEqual({ ru: "Стадион Тест", uz: "Test stadioni", en: "Test Stadium" });
    expect(v.amenities[1]).toMatchObject({ ru: "Парковка", en: "Parking" });
    const list = (await (await h.request("/api/venues/?translations=all&search=стадион тест", authed(admin))).json()) as {
      results: unknown[];
    };
    expect(VenueAllLanguagesSchema.parse(list.results[0]).name.uz).toBe("Test stadioni");
  });

  it("PATCH changes only what it names; hours and price are checked against the rest", async () => {
    const id = await createVenue(h, admin);
    const r = await h.request(
      `/api/venues/${id}/`,
      authed(admin, patch({ price_per_hour: "99.9", closing_time: "23:00:00", images: ["http://a.uz/x.png", "http://a.uz/x.png"] })),
    );
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      price_per_hour: "99.90",
      closing_time: "23:00",
      opening_time: "09:00",
      name: "Стадион Тест",
      images: ["http://a.uz/x.png"],
    });
    const uz = await h.request(`/api/venues/${id}/`, authed(admin, patch({ name: { ru: "Новое", uz: "Yangi" } }), "uz"));
    expect(await uz.json()).toMatchObject({ name: "Yangi", address: "Test ko'chasi, 1" });
  });

  it("DELETE deactivates: 204, gone for the public, visible to admins", async () => {
    const id = await createVenue(h, admin);
    const del = await h.request(`/api/venues/${id}/`, authed(admin, { method: "DELETE" }));
    expect(del.status).toBe(204);
    expect((await h.request(`/api/venues/${id}/`)).status).toBe(404);
    expect((await h.request(`/api/venues/${id}/availability/?date=2026-11-25`)).status).toBe(404);
    const asAdmin = await h.request(`/api/venues/${id}/`, authed(admin));
    expect(await asAdmin.json()).toMatchObject({ id, is_active: false });
    const player = await signIn(h);
    expect((await h.request(`/api/venues/${id}/`, authed(player.access))).status).toBe(404);
    const inactive = (await (await h.request("/api/venues/?include_inactive=true&search=стадион тест", authed(admin))).json()) as {
      results: { id: number }[];
    };
    expect(inactive.results.map((v) => v.id)).toContain(id);
    const reactivated = await h.request(`/api/venues/${id}/`, authed(admin, patch({ is_active: true })));
    expect(await reactivated.json()).toMatchObject({ is_active: true });
  });

  describe("the public list", () => {
    const tag = `lst${Date.now().toString(36)}`;
    const ids: number[] = [];
    beforeAll(async () => {
      const names = [`${tag} Арена`, `${tag} 100% Футбол`, `${tag} Court_A`, `${tag} "Quoted" O'Hara`, `${tag} CourtBA`];
      for (let i = 0; i < 12; i++) {
        const ru = names[i] ?? `${tag} Зал ${i}`;
        ids.push(await createVenue(h, admin, { name: { ru, en: `${tag} Hall ${i}` }, price_per_hour: `${(i + 1) * 50000}.00` }));
      }
    });
    const page = async (qs: string, lang = "ru") => {
      const r = await h.request(`/api/venues/?${qs}`, { headers: { "accept-language": lang } });
      expect(r.status).toBe(200);
      return (await r.json()) as {
        count: number;
        next: string | null;
        previous: string | null;
        results: { id: number; name: string; price_per_hour: string }[];
      };
    };

    it("pages by 10 with the total and links that keep the filters", async () => {
      const p1 = await page(`search=${tag}`);
      expect(p1.count).toBe(12);
      expect(p1.results.map((v) => v.id)).toEqual(ids.slice(0, 10));
      expect(p1.previous).toBeNull();
      expect(new URL(p1.next!, "http://localhost").searchParams.get("page")).toBe("2");
      expect(new URL(p1.next!, "http://localhost").searchParams.get("search")).toBe(tag);
      const p2 = await page(`search=${tag}&page=2`);
      expect(p2.results.map((v) => v.id)).toEqual(ids.slice(10));
      expect(p2.next).toBeNull();
      expect(new URL(p2.previous!, "http://localhost").searchParams.get("page")).toBeNull();
    });

    it("searches names in any language, case-insensitively, with % _ and quotes as text", async () => {
      expect((await page(`search=${encodeURIComponent(`${tag} АРЕНА`)}`)).results.map((v) => v.id)).toEqual([ids[0]]);
      expect((await page(`search=${encodeURIComponent(`${tag} hall 11`)}`, "en")).results.map((v) => v.name)).toEqual([`${tag} Hall 11`]);
      expect((await page(`search=${encodeURIComponent(`${tag} 100%`)}`)).results.map((v) => v.id)).toEqual([ids[1]]);
      expect((await page(`search=${encodeURIComponent(`${tag} court_a`)}`)).results.map((v) => v.id)).toEqual([ids[2]]);
      expect((await page(`search=${encodeURIComponent(`"quoted" o'hara`)}`)).results.map((v) => v.id)).toEqual([ids[3]]);
      expect((await page(`search=${encodeURIComponent(`${tag} court_`)}`)).count).toBe(1);
      expect((await page(`search=${encodeURIComponent("nothing like this at all")}`)).count).toBe(0);
    });

    it("filters by price, bounds included", async () => {
      const r = await page(`search=${tag}&min_price=100000&max_price=200000.00`);
      expect(r.results.map((v) => v.price_per_hour)).toEqual(["100000.00", "150000.00", "200000.00"]);
      expect((await page(`search=${tag}&min_price=600000`)).count).toBe(1);
      expect((await page(`search=${tag}&max_price=50000`)).count).toBe(1);
      expect((await page(`search=${tag}&min_price=150000&max_price=150000`)).count).toBe(1);
    });

    it("an empty first page is fine", async () => {
      expect(await page("search=zzzzzzzzqqq")).toEqual({ count: 0, next: null, previous: null, results: [] });
    });
  });

  describe("availability", () => {
    it("shows every slot of the venue's day and the merged free ranges", async () => {
      const id = await createVenue(h, admin, { opening_time: "08:00", closing_time: "12:00" });
      const r = await h.request(`/api/venues/${id}/availability/?date=2026-11-25`);
      expect(r.status).toBe(200);
      const day = AvailabilitySchema.parse(await r.json());
      const hours = ["08:00", "09:00", "10:00", "11:00", "12:00"];
      const spans = hours.slice(0, -1).map((start, i) => ({ start_time: start, end_time: hours[i + 1]! }));
      const unit = day.units[0]!;
      expect(day).toEqual({
        venue_id: id,
        date: "2026-11-25",
        opening_time: "08:00",
        closing_time: "12:00",
        closed: false,
        slot_minutes: 60,
        slots: spans.map((s) => ({
          ...s,
          available: true,
          free_units: 1,
          total_units: 1,
          closed: false,
          closed_reason: null,
          price_per_hour: PRICE,
          price: PRICE,
        })),
        free_ranges: [{ start_time: "08:00", end_time: "12:00" }],
        // the one unit a venue gets when created without units, named after it
        units: [
          {
            id: unit.id,
            name: "Стадион Тест",
            kind: null,
            capacity: 1,
            slots: spans.map((s) => ({ ...s, available: true, closed: false, price_per_hour: PRICE, price: PRICE })),
            free_ranges: [{ start_time: "08:00", end_time: "12:00" }],
          },
        ],
        sessions: [],
      });
    });

    it("today's past slots are taken by the clock, in Tashkent time", async () => {
      const id = await createVenue(h, admin);
      // 05:00 UTC is 10:00 in Tashkent: 09:00 has started; 10:00 starts right now and can still be booked.
      const day = AvailabilitySchema.parse(await (await h.request(`/api/venues/${id}/availability?date=2026-11-21`)).json());
      expect(day.slots.filter((s) => !s.available).map((s) => s.start_time)).toEqual(["09:00"]);
      expect(day.free_ranges).toEqual([{ start_time: "10:00", end_time: "22:00" }]);
      const yesterday = AvailabilitySchema.parse(await (await h.request(`/api/venues/${id}/availability?date=2026-11-20`)).json());
      expect(yesterday.free_ranges).toEqual([]);
    });
  });
});
