import { isDomainError, LANGS } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories, seed, SEED_VENUES } from "../src/index.ts";
import { isEmpty } from "../src/seed.ts";
import type { DatabaseHandle, Unit, Venue } from "../src/index.ts";
import { testBackends } from "../src/testing.ts";
import { insertBooking, newUser } from "./fixtures.ts";

const TENNIS = "Tashkent City Tennis Courts";
const PITCH = "Bunyodkor Arena Football Pitch";
const GYM = "Atlet Open Gym";

async function seededVenues(handle: DatabaseHandle): Promise<Venue[]> {
  return (await repositories(handle.db).venues.list({ pageSize: 100, includeInactive: true })).results;
}

function venueNamed(all: Venue[], en: string): Venue {
  const venue = all.find((v) => v.name.en === en);
  if (!venue) throw new Error(`no seeded venue named ${en}`);
  return venue;
}

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
    // (the time of the last write and the count of changes are bookkeeping: the edited venue's moved on)
    const content = ({ updatedAt: _u, configVersion: _v, ...v }: (typeof first.results)[number]) => v;
    expect(second.results.map(content)).toEqual(first.results.map(content));
    // not empty any more: an only-if-empty seed leaves it alone
    expect(await seed(handle.db, { onlyIfEmpty: true })).toEqual({ created: 0, updated: 0 });
  });
});

describe.each(testBackends())("demo units on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("gives the tennis centre four courts, the pitch two halves and a full pitch of both, the gym 30 places; seeding again restores them and adds none", async () => {
    await seed(handle.db);
    const all = await seededVenues(handle);

    const tennis = venueNamed(all, TENNIS);
    expect(
      tennis.units.map((u) => ({ name: u.name, kind: u.kind, capacity: u.capacity, contains: u.contains, isActive: u.isActive })),
    ).toEqual(
      [1, 2, 3, 4].map((n) => ({
        name: { ru: `Корт ${n}`, uz: `${n}-kort`, en: `Court ${n}` },
        kind: "court",
        capacity: 1,
        contains: [],
        isActive: true,
      })),
    );

    const pitch = venueNamed(all, PITCH);
    expect(pitch.units.map((u) => [u.name.en, u.kind, u.capacity, u.isActive])).toEqual([
      ["Half pitch A", "pitch", 1, true],
      ["Half pitch B", "pitch", 1, true],
      ["Full pitch", "pitch", 1, true],
    ]);
    const [halfA, halfB, full] = pitch.units as [Unit, Unit, Unit];
    expect(full.contains).toEqual([halfA.id, halfB.id].sort((x, y) => x - y));
    expect([halfA.contains, halfB.contains]).toEqual([[], []]);

    const gym = venueNamed(all, GYM);
    expect(gym.units).toHaveLength(1);
    expect(gym.units[0]).toMatchObject({ kind: "gym", capacity: 30, pricePerHour: "30000.00", contains: [], isActive: true });

    // every other demo venue keeps its one unit, named after it; every unit speaks the three languages
    for (const v of all.filter((x) => ![TENNIS, PITCH, GYM].includes(x.name.en ?? "")))
      expect(v.units.map((u) => u.name)).toEqual([v.name]);
    for (const u of all.flatMap((v) => v.units)) for (const lang of LANGS) expect(u.name[lang], `${u.name.ru} name.${lang}`).toBeTruthy();

    // an admin closes a court and reprices the gym; seeding again restores both and creates nothing
    const repos = repositories(handle.db);
    await repos.units.update(tennis.id, tennis.units[1]!.id, { isActive: false });
    await repos.units.update(gym.id, gym.units[0]!.id, { capacity: 10, pricePerHour: "1.00" });
    expect(await seed(handle.db)).toEqual({ created: 0, updated: SEED_VENUES.length });
    expect(await seededVenues(handle)).toEqual(
      all.map((v) => ({ ...v, updatedAt: expect.any(Date) as unknown, configVersion: expect.any(Number) as unknown })),
    );
  });
});

describe.each(testBackends())("demo units over a venue from before units on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("turn the unit named after the venue into its full pitch, with the booking on it, which then holds both halves", async () => {
    const repos = repositories(handle.db);
    const { units: _units, ...seedPitch } = SEED_VENUES.find((v) => v.name.en === PITCH)!;
    const older = await repos.venues.create(seedPitch);
    const user = await newUser(repos);
    const booking = await insertBooking(repos, { userId: user.id, venueId: older.id, start: "10:00", end: "12:00" });

    await seed(handle.db);
    const pitch = venueNamed(await seededVenues(handle), PITCH);
    expect(pitch.id).toBe(older.id);
    expect(pitch.units.map((u) => u.name.en)).toEqual(["Half pitch A", "Half pitch B", "Full pitch"]);
    const full = pitch.units[2]!;
    expect(full.id).toBe(older.units[0]!.id);
    expect((await repos.bookings.get(booking.id))?.unitId).toBe(full.id);
    const clash = insertBooking(repos, { userId: user.id, venueId: pitch.id, unitId: pitch.units[0]!.id, start: "11:00", end: "12:00" });
    await expect(clash).rejects.toSatisfy((e) => isDomainError(e, "SLOT_TAKEN"));
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
