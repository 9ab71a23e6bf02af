import { LANGS } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories, seed, SEED_VENUES } from "../src/index.ts";
import { isEmpty } from "../src/seed.ts";
import type { DatabaseHandle } from "../src/index.ts";
import { testBackends } from "../src/testing.ts";

describe.each(testBackends())("seed on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("fills an empty database with at least 12 venues in three languages, and a second run changes nothing", async () => {
    expect(await isEmpty(handle.db)).toBe(true);
    expect(await seed(handle.db)).toEqual({ created: SEED_VENUES.length, updated: 0 });
    expect(await isEmpty(handle.db)).toBe(false);
    const repos = repositories(handle.db);
    const first = await repos.venues.list({ pageSize: 100 });
    expect(first.count).toBeGreaterThanOrEqual(12);
    for (const v of first.results) {
      for (const lang of LANGS) {
        expect(v.name[lang], `${v.name.ru} name.${lang}`).toBeTruthy();
        expect(v.address[lang]).toBeTruthy();
        expect(v.description[lang]).toBeTruthy();
        for (const a of v.amenities) expect(a[lang]).toBeTruthy();
      }
      expect(v.images.length).toBeGreaterThan(0);
      expect(Number(v.pricePerHour)).toBeGreaterThan(0);
    }
    expect(new Set(first.results.map((v) => `${v.openingTime}-${v.closingTime}`)).size).toBeGreaterThan(3);

    // someone edits a seeded venue; seeding again restores it and adds nothing
    await repos.venues.update(first.results[0]!.id, { pricePerHour: "1.00", isActive: false });
    expect(await seed(handle.db)).toEqual({ created: 0, updated: SEED_VENUES.length });
    const second = await repos.venues.list({ pageSize: 100 });
    expect(second.results.map(({ updatedAt: _u, ...v }) => v)).toEqual(first.results.map(({ updatedAt: _u, ...v }) => v));
    // not empty any more: an only-if-empty seed leaves it alone
    expect(await seed(handle.db, { onlyIfEmpty: true })).toEqual({ created: 0, updated: 0 });
  });
});

// Only PostgreSQL runs seeds at the same moment (replicas starting together with SEED_DEMO).
describe.each(testBackends().filter((b) => b.name === "postgres"))("seeds at once on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(async () => handle.close());

  it("add each demo venue once", async () => {
    const results = await Promise.all([seed(handle.db), seed(handle.db), seed(handle.db, { onlyIfEmpty: true }), seed(handle.db)]);
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(SEED_VENUES.length);
    const all = await repositories(handle.db).venues.list({ pageSize: 100, includeInactive: true });
    expect(all.count).toBe(SEED_VENUES.length);
  });
});
