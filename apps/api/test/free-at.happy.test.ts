// "Free at" pages as players read them: each venue as its own page shows it, in the reader's
// language, with its free units; a search kept for the minute still follows a renamed venue, a
// booking and a deactivation at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageSchema, VenueSchema } from "@venue-booking/contract";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, signInAdmin } from "./helpers.ts";

// 10:00 in Tashkent on Saturday 2026-11-21 (05:00 UTC).
const NOW = new Date("2026-11-21T05:00:00Z");
const DAY = "2026-11-23";
const FreeAtPageSchema = pageSchema(VenueSchema, "VenuePage");

describe.each(testBackends())("free-at pages on $name", (backend) => {
  let h: Harness;
  let admin: string;
  // a word only this file's venues carry: the searches below see nothing else
  const tag = `Свободно${Math.random().toString(36).slice(2, 8)}`;
  const ids: number[] = [];

  beforeAll(async () => {
    h = await backend.start();
    h.setNow(NOW);
    admin = (await signInAdmin(h)).access;
    for (const [i, units] of [1, 2, 1].entries()) {
      ids.push(
        await createVenue(h, admin, {
          name: { ru: `${tag} Поле ${i}`, en: `${tag} Pitch ${i}` },
          units: Array.from({ length: units }, (_, k) => ({ name: { ru: `Корт ${k + 1}`, en: `Court ${k + 1}` }, kind: "court" })),
        }),
      );
    }
  });
  afterAll(async () => h.close());

  const search = async (lang: string) => {
    const res = await h.request(`/api/venues/?search=${encodeURIComponent(tag)}&date=${DAY}&start_time=18:00&end_time=20:00`, {
      headers: { "accept-language": lang },
    });
    expect(res.status).toBe(200);
    return FreeAtPageSchema.parse(await res.json());
  };
  const own = async (id: number, lang: string) =>
    VenueSchema.parse(await (await h.request(`/api/venues/${id}/`, { headers: { "accept-language": lang } })).json());

  it("shows each venue as its own page does, in the reader's language, with its free units", async () => {
    for (const lang of ["ru", "en"]) {
      const page = await search(lang);
      expect(page).toMatchObject({ count: 3, next: null, previous: null });
      expect(page.results).toEqual([
        { ...(await own(ids[0]!, lang)), free_units: 1 },
        { ...(await own(ids[1]!, lang)), free_units: 2 },
        { ...(await own(ids[2]!, lang)), free_units: 1 },
      ]);
    }
    expect((await search("en")).results.map((v) => v.name)).toEqual([`${tag} Pitch 0`, `${tag} Pitch 1`, `${tag} Pitch 2`]);
  });

  it("follows a renamed venue, a booking and a deactivation at once", async () => {
    await search("en");
    const renamed = await h.request(`/api/venues/${ids[0]}/`, authed(admin, patch({ name: { ru: `${tag} Арена`, en: `${tag} Arena` } })));
    expect(renamed.status).toBe(200);
    expect((await search("en")).results.map((v) => v.name)).toEqual([`${tag} Arena`, `${tag} Pitch 1`, `${tag} Pitch 2`]);

    const player = (await h.tokensFor(newPhone())).access;
    const booked = await h.request(
      "/api/bookings/",
      authed(player, json({ venue_id: ids[1], booking_date: DAY, start_time: "18:00", end_time: "20:00" })),
    );
    expect(booked.status).toBe(201);
    expect((await search("en")).results.map((v) => [v.id, v.free_units])).toEqual([
      [ids[0], 1],
      [ids[1], 1],
      [ids[2], 1],
    ]);

    const gone = await h.request(`/api/venues/${ids[2]}/`, authed(admin, { method: "DELETE" }));
    expect(gone.status).toBe(204);
    const page = await search("ru");
    expect(page.count).toBe(2);
    expect(page.results.map((v) => v.id)).toEqual([ids[0], ids[1]]);
  });

  it("a kept search follows the clock: a venue leaves it when its notice runs out, another joins when its horizon reaches the date", async () => {
    const word = `Часы${Math.random().toString(36).slice(2, 8)}`;
    const venue = async (name: string, policy: Record<string, number>) =>
      createVenue(h, admin, { name: { ru: `${word} ${name}`, en: `${word} ${name}` }, policy });
    // today at 10:00: an hour's notice, three hours' notice, and a horizon of two days
    const soon = await venue("soon", { min_notice_minutes: 60 });
    const careful = await venue("careful", { min_notice_minutes: 180 });
    const near = await venue("near", { horizon_days: 2 });
    const found = async (date: string) => {
      const res = await h.request(`/api/venues/?search=${encodeURIComponent(word)}&date=${date}&start_time=14:00&end_time=16:00`);
      expect(res.status).toBe(200);
      return FreeAtPageSchema.parse(await res.json()).results.map((v) => v.id);
    };
    const at = (local: string) => h.setNow(new Date(`${local}+05:00`));
    try {
      at("2026-11-21T10:00:00");
      expect(await found("2026-11-21")).toEqual([soon, careful, near]);
      // 11:00 is the last minute "careful" takes a 14:00 booking
      at("2026-11-21T11:00:30");
      expect(await found("2026-11-21")).toEqual([soon, careful, near]);
      at("2026-11-21T11:01:00");
      expect(await found("2026-11-21")).toEqual([soon, near]);
      // three days ahead is past "near"'s horizon until midnight moves it
      at("2026-11-21T23:59:00");
      expect(await found("2026-11-24")).toEqual([soon, careful]);
      at("2026-11-22T00:00:10");
      expect(await found("2026-11-24")).toEqual([soon, careful, near]);
    } finally {
      h.setNow(NOW);
    }
  });
});
