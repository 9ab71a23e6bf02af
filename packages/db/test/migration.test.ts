// Migration 0005 on a database that already holds venues and bookings: every venue becomes one
// exclusive unit carrying its bookings, the live ones claim it, and the per-unit rule replaces the
// venue-wide one without changing a booking.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constraintName, migrationsFolder, openDatabase, sqlState } from "../src/index.ts";
import type { DatabaseHandle } from "../src/index.ts";
import { failure, rows } from "./fixtures.ts";

/** The migrations up to the one before units. */
const BEFORE_UNITS = 5;

/** A fresh database migrated with `folder`, and its removal. */
type Scratch = { handle: DatabaseHandle; dispose(): Promise<void> };
type ScratchBackend = { name: string; open(folder: string): Promise<Scratch> };

const pglite: ScratchBackend = {
  name: "pglite",
  async open(folder) {
    const client = await PGlite.create({ extensions: { btree_gist, pg_trgm } });
    await migratePglite(drizzlePglite({ client }), { migrationsFolder: folder });
    const handle = await openDatabase({ pglite: client });
    return { handle, dispose: () => handle.close() };
  },
};

function postgres(url: string): ScratchBackend {
  return {
    name: "postgres",
    async open(folder) {
      const name = `vb_migration_${process.pid}_${randomBytes(4).toString("hex")}`;
      const admin = async (text: string) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(text);
        } finally {
          await c.end();
        }
      };
      await admin(`create database "${name}"`);
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: dbUrl.toString() });
      await client.connect();
      try {
        await migratePg(drizzlePg({ client }), { migrationsFolder: folder });
      } finally {
        await client.end();
      }
      const handle = await openDatabase({ url: dbUrl.toString(), poolMax: 2 });
      return {
        handle,
        async dispose() {
          await handle.close();
          await admin(`drop database if exists "${name}" with (force)`);
        },
      };
    },
  };
}

const backends = [pglite, ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : [])];

const D = "2026-03-10";
const LIVE = ["pending", "confirmed"];

type OldBooking = {
  id: number;
  venue_id: number;
  user_id: number;
  status: string;
  booking_date: string;
  start_time: string;
  end_time: string;
  total_price: string;
  during: string;
  created_at: string;
  updated_at: string;
};
const bookingColumns = sql`id, venue_id, user_id, status, booking_date::text as booking_date, start_time::text as start_time,
  end_time::text as end_time, total_price::text as total_price, during::text as during, created_at::text as created_at,
  updated_at::text as updated_at`;

describe.each(backends)("migration to units on $name", (backend) => {
  let folder: string;
  let scratch: Scratch;
  let db: DatabaseHandle["db"];
  const names = [
    { ru: "Стадион Пахтакор", uz: "Paxtakor stadioni", en: "Pakhtakor Stadium" },
    { ru: "Корт Юнусабад" },
    { ru: "Бассейн", en: "Pool" },
  ];
  let venueIds: number[];
  let userIds: number[];
  let before: OldBooking[];
  /** How many migrations follow 0004 (0005, which brings units, and those after it). */
  let laterMigrations: number;

  beforeAll(async () => {
    // The migrations folder as it was before units: the same files, a journal that stops at 0004.
    folder = mkdtempSync(join(tmpdir(), "vb-migrations-"));
    cpSync(migrationsFolder(), folder, { recursive: true });
    const journalPath = join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    laterMigrations = journal.entries.length - BEFORE_UNITS;
    journal.entries = journal.entries.slice(0, BEFORE_UNITS);
    expect(journal.entries.map((e) => e.tag)).toEqual([
      "0000_extensions",
      "0001_tables",
      "0002_no_overlap",
      "0003_lifecycle_indexes",
      "0004_venue_slug",
    ]);
    writeFileSync(journalPath, JSON.stringify(journal));

    scratch = await backend.open(folder);
    db = scratch.handle.db;
    expect(await rows(db, sql`select to_regclass('units') as units`)).toEqual([{ units: null }]);

    // The old shape: bookings belong to a venue only.
    venueIds = (
      await rows<{ id: number }>(
        db,
        sql`insert into venues (name, address, price_per_hour, slug, is_active) values
          (${JSON.stringify(names[0])}::jsonb, '{"ru":"ул. Навои, 1"}', 150000, 'pakhtakor', true),
          (${JSON.stringify(names[1])}::jsonb, '{"ru":"Юнусабад"}', 80000, null, false),
          (${JSON.stringify(names[2])}::jsonb, '{"ru":"Чиланзар"}', 50000, null, true)
          returning id`,
      )
    ).map((r) => r.id);
    userIds = (
      await rows<{ id: number }>(
        db,
        sql`insert into users (phone, name) values ('+998900000001', 'A'), ('+998900000002', 'B') returning id`,
      )
    ).map((r) => r.id);
    const [v1, v2] = venueIds as [number, number];
    const [u1, u2] = userIds as [number, number];
    const add = (venueId: number, userId: number, start: string, end: string, status: string, price: string) =>
      db.execute(sql`insert into bookings (user_id, venue_id, booking_date, start_time, end_time, total_price, status)
        values (${userId}, ${venueId}, ${D}, ${start}, ${end}, ${price}, ${status})`);
    // venue 1: live bookings over a cancelled one, a cancelled one over a completed one
    await add(v1, u1, "08:00", "09:00", "completed", "150000.00");
    await add(v1, u2, "08:30", "09:30", "cancelled", "150000.00");
    await add(v1, u1, "10:00", "12:00", "cancelled", "300000.00");
    await add(v1, u2, "10:00", "11:00", "confirmed", "150000.00");
    await add(v1, u1, "11:00", "12:00", "pending", "150000.00");
    await add(v1, u2, "16:00", "18:00", "cancelled", "300000.00");
    // venue 2 (inactive): the same hours as venue 1, which a unit of its own keeps apart
    await add(v2, u1, "10:00", "11:00", "confirmed", "80000.00");
    await add(v2, u2, "10:00", "11:00", "cancelled", "80000.00");
    await add(v2, u2, "11:00", "12:00", "completed", "80000.00");
    await add(v2, u1, "12:00", "13:30", "pending", "120000.00");
    before = await rows<OldBooking>(db, sql`select ${bookingColumns} from bookings order by id`);
    expect(before.map((b) => b.status).sort()).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
      "completed",
      "completed",
      "confirmed",
      "confirmed",
      "pending",
      "pending",
    ]);

    expect(await scratch.handle.migrate()).toEqual({ applied: laterMigrations });
  });

  afterAll(async () => {
    await scratch?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const unitOf = async () =>
    new Map(
      (await rows<{ venue_id: number; id: number }>(db, sql`select venue_id, id from units`)).map((u) => [u.venue_id, u.id] as const),
    );

  it("gives every venue exactly one active exclusive unit named like the venue", async () => {
    const units = await rows<{ venue_id: number; name: unknown; same_name: boolean; capacity: number; parts: number; is_active: boolean }>(
      db,
      sql`select v.id as venue_id, u.name, u.name = v.name as same_name, u.capacity, cardinality(u.contains) as parts, u.is_active
            from venues v left join units u on u.venue_id = v.id order by v.id, u.id`,
    );
    expect(units).toEqual(
      venueIds.map((venueId, i) => ({ venue_id: venueId, name: names[i], same_name: true, capacity: 1, parts: 0, is_active: true })),
    );
  });

  it("keeps every booking as it was, on its venue's unit", async () => {
    const after = await rows<OldBooking & { unit_id: number; places: number }>(
      db,
      sql`select ${bookingColumns}, unit_id, places from bookings order by id`,
    );
    expect(after.map(({ unit_id: _u, places: _p, ...old }) => old)).toEqual(before);
    const units = await unitOf();
    for (const b of after)
      expect({ id: b.id, unit: b.unit_id, places: b.places }).toEqual({ id: b.id, unit: units.get(b.venue_id), places: 1 });
  });

  it("claims the unit for each live booking over its own span, and nothing for the others", async () => {
    const claims = await rows<{ id: number; status: string; claims: number; unit_id: number | null; during: string | null }>(
      db,
      sql`select b.id, b.status, count(c.unit_id)::int as claims, min(c.unit_id) as unit_id, min(c.during::text) as during
            from bookings b left join unit_claims c on c.booking_id = b.id group by b.id, b.status order by b.id`,
    );
    const units = await unitOf();
    expect(claims).toEqual(
      before.map((b) =>
        LIVE.includes(b.status)
          ? { id: b.id, status: b.status, claims: 1, unit_id: units.get(b.venue_id), during: b.during }
          : { id: b.id, status: b.status, claims: 0, unit_id: null, during: null },
      ),
    );
    expect(await rows(db, sql`select count(*)::int as n from unit_claims`)).toEqual([{ n: 4 }]);
    expect(await rows(db, sql`select count(*)::int as n from unit_usage`)).toEqual([{ n: 0 }]);
  });

  it("refuses a new live booking over a live one on the unit (23P01) and accepts one over a cancelled one", async () => {
    const [v1] = venueIds as [number];
    const [u1] = userIds as [number];
    const unitId = (await unitOf()).get(v1)!;
    const book = (start: string, end: string) =>
      rows<{ id: number }>(
        db,
        sql`insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price, status)
              values (${u1}, ${v1}, ${unitId}, ${D}, ${start}, ${end}, 150000, 'pending') returning id`,
      );
    const clash = await failure(book("11:30", "12:30"));
    expect({ state: sqlState(clash), constraint: constraintName(clash) }).toEqual({ state: "23P01", constraint: "unit_claims_no_overlap" });

    const [overCancelled] = await book("16:30", "17:30");
    const [overFinished] = await book("08:15", "09:15");
    expect(
      await rows(
        db,
        sql`select booking_id, unit_id, during::text as during from unit_claims where booking_id in (${overCancelled!.id}, ${overFinished!.id}) order by booking_id`,
      ),
    ).toEqual([
      { booking_id: overCancelled!.id, unit_id: unitId, during: `["${D} 16:30:00","${D} 17:30:00")` },
      { booking_id: overFinished!.id, unit_id: unitId, during: `["${D} 08:15:00","${D} 09:15:00")` },
    ]);
  });
});
