// Venue slugs and the bulk import: a row updates the venue with its id, else its slug, else creates
// one; importing the same rows again changes nothing; atomic imports write every row or none; two
// imports of one file at once create each slug once.
import { pageSchema, VenueAllLanguagesSchema, VenueImportResultSchema } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, patch, problem, signIn, signInAdmin, venueBody } from "./helpers.ts";

const AllPage = pageSchema(VenueAllLanguagesSchema, "VenueAllLanguagesPage");

describe.each(testBackends())("venue slugs and import, on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let seq = 0;
  const slug = (name: string) => `${name}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    h = await backend.start();
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => h.close());

  const bySlug = async (s: string) => {
    const res = await h.request(`/api/venues/?translations=all&include_inactive=true&slug=${s}`, authed(admin));
    expect(res.status).toBe(200);
    return AllPage.parse(await res.json()).results;
  };
  const importRows = async (body: Record<string, unknown>) => {
    const res = await h.request("/api/admin/venues/import/", authed(admin, json(body)));
    expect(res.status).toBe(200);
    return VenueImportResultSchema.parse(await res.json());
  };
  const row = (s: string, over: Record<string, unknown> = {}) => ({ ...venueBody({ name: { ru: `Импорт ${s}` } }), slug: s, ...over });

  it("a slug is set on create, shown to admins, found with ?slug=, changed and cleared with PATCH", async () => {
    const s = slug("pakhtakor");
    const id = await createVenue(h, admin, { slug: s });
    expect((await bySlug(s)).map((v) => [v.id, v.slug])).toEqual([[id, s]]);
    expect(await bySlug(slug("nobody"))).toEqual([]);

    const other = slug("other");
    expect((await h.request(`/api/venues/${id}/`, authed(admin, patch({ slug: other })))).status).toBe(200);
    expect((await bySlug(other))[0]?.id).toBe(id);
    expect((await h.request(`/api/venues/${id}/`, authed(admin, patch({ slug: null })))).status).toBe(200);
    expect(await bySlug(other)).toEqual([]);

    const player = (await signIn(h)).access;
    expect((await h.request(`/api/venues/?slug=${s}`, authed(player))).status).toBe(403);
    expect((await h.request(`/api/venues/?slug=${s}`)).status).toBe(401);
  });

  it("a slug belongs to one venue: the database refuses a second one with 409 SLUG_TAKEN", async () => {
    const s = slug("taken");
    const first = await createVenue(h, admin, { slug: s });
    const again = await h.request("/api/venues/", authed(admin, json(venueBody({ slug: s }))));
    expect(again.status).toBe(409);
    expect(await problem(again)).toMatchObject({ code: "SLUG_TAKEN" });
    const second = await createVenue(h, admin);
    const moved = await h.request(`/api/venues/${second}/`, authed(admin, patch({ slug: s })));
    expect(moved.status).toBe(409);
    expect((await bySlug(s)).map((v) => v.id)).toEqual([first]);
    for (const bad of ["Upper", "two--hyphens", "-edge", "пробел", "a b", "x".repeat(101)]) {
      const res = await h.request("/api/venues/", authed(admin, json(venueBody({ slug: bad }))));
      expect(res.status, bad).toBe(400);
    }
  });

  it("importing the same rows twice creates each venue once; the second time nothing is written", async () => {
    const [a, b] = [slug("a"), slug("b")];
    const first = await importRows({ rows: [row(a), row(b)] });
    expect(first.committed).toBe(true);
    expect(first.results.map((r) => r.result)).toEqual(["created", "created"]);
    const before = (await bySlug(a))[0]!;

    const second = await importRows({ rows: [row(a), row(b, { name: { ru: `Импорт ${b}`, en: "Changed" } })] });
    expect(second.results.map((r) => [r.result, r.id])).toEqual([
      ["unchanged", first.results[0]!.id],
      ["updated", first.results[1]!.id],
    ]);
    const after = (await bySlug(a))[0]!;
    expect(after.updated_at).toBe(before.updated_at);
    expect((await bySlug(b))[0]?.name).toMatchObject({ ru: `Импорт ${b}`, en: "Changed" });
    // a missing translation and an empty one are the same
    const third = await importRows({
      rows: [
        row(a, { description: { ru: "Поле", uz: "Maydon", en: "Pitch" } }),
        row(b, { name: { ru: `Импорт ${b}`, uz: "", en: "Changed" } }),
      ],
    });
    expect(third.results.map((r) => r.result)).toEqual(["unchanged", "unchanged"]);
  });

  it("a row with an id updates that venue (its slug too); an unknown id fails that row alone", async () => {
    const id = await createVenue(h, admin);
    const s = slug("by-id");
    const result = await importRows({
      rows: [
        { ...venueBody({ price_per_hour: "99000" }), id, slug: s, is_active: false },
        { ...venueBody(), id: 2_000_000_000 },
        { ...venueBody({ opening_time: "20:00", closing_time: "20:30" }), slug: slug("short-day") },
      ],
    });
    expect(result.committed).toBe(true);
    expect(result.results).toMatchObject([
      { index: 0, result: "updated", id },
      { index: 1, result: "failed", code: "VENUE_NOT_FOUND" },
      { index: 2, result: "failed", code: "INVALID_HOURS" },
    ]);
    expect((await bySlug(s))[0]).toMatchObject({ id, price_per_hour: "99000.00", is_active: false });
  });

  it("atomic: one failed row and nothing is written; all good and all are", async () => {
    const [a, b, taken] = [slug("atomic-a"), slug("atomic-b"), slug("atomic-taken")];
    await createVenue(h, admin, { slug: taken });
    const other = await createVenue(h, admin);
    const refused = await importRows({
      atomic: true,
      rows: [row(a), { ...venueBody(), id: other, slug: taken }, row(b)],
    });
    expect(refused.committed).toBe(false);
    expect(refused.results).toMatchObject([
      { index: 0, result: "created" },
      { index: 1, result: "failed", code: "SLUG_TAKEN" },
      { index: 2, result: "created" },
    ]);
    expect(await bySlug(a)).toEqual([]);
    expect(await bySlug(b)).toEqual([]);

    const done = await importRows({ atomic: true, rows: [row(a), row(b)] });
    expect(done.committed).toBe(true);
    expect((await bySlug(a)).length + (await bySlug(b)).length).toBe(2);
  });

  it("a dry run says what would happen and writes nothing", async () => {
    const [a, b] = [slug("dry-a"), slug("dry-b")];
    await importRows({ rows: [row(a)] });
    const dry = await importRows({ dry_run: true, rows: [row(a), row(a, { price_per_hour: "1" }), row(b)] });
    expect(dry.committed).toBe(false);
    expect(dry.results.map((r) => r.result)).toEqual(["unchanged", "updated", "created"]);
    expect(dry.results[2]?.id).toBeUndefined();
    expect(await bySlug(b)).toEqual([]);
    expect((await bySlug(a))[0]?.price_per_hour).toBe("150000.00");
  });

  it("two imports of one file at once create each slug once; the later one updates or leaves it", async () => {
    const slugs = Array.from({ length: 8 }, () => slug("race"));
    for (const atomic of [false, true]) {
      const fresh = atomic ? slugs.map((s) => `${s}-x`) : slugs;
      const file = fresh.map((s) => row(s));
      const both = await Promise.all([importRows({ atomic, rows: file }), importRows({ atomic, rows: file })]);
      for (const r of both) expect(r.committed).toBe(true);
      for (const [i, s] of fresh.entries()) {
        const venues = await bySlug(s);
        expect(venues).toHaveLength(1);
        const outcomes = both.map((r) => r.results[i]!.result).sort();
        expect(outcomes).toEqual(["created", "unchanged"]);
      }
    }
  });

  it("takes admins only and checks every row with the contract", async () => {
    const player = (await signIn(h)).access;
    expect((await h.request("/api/admin/venues/import/", authed(player, json({ rows: [row(slug("p"))] })))).status).toBe(403);
    const bad = await h.request("/api/admin/venues/import/", authed(admin, json({ rows: [row(slug("q"), { price_per_hour: "-1" })] })));
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.[0]?.field).toMatch(/rows\.0\.price_per_hour/);
  });
});
