// The two drivers behind one handle: node-postgres when a URL is given, embedded PGlite otherwise.
// Everything above this file sees only `Database` and does not know which one it got.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "postgres" | "pglite";

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed migrations (serialised across processes on PostgreSQL). */
  migrate(): Promise<void>;
  /** Throws unless the database answers a trivial query. */
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** postgres:// URL; when absent the embedded database is used. */
  url?: string | undefined;
  /** PGlite data directory; absent with no URL means in memory. */
  dataDir?: string | undefined;
  /** An already open PGlite (tests load it from a migrated snapshot). */
  pglite?: PGlite;
  poolMax?: number;
};

const EXTENSIONS = { btree_gist, pg_trgm };

/** The committed migrations, found beside this package (or beside a bundle that copied them). */
export function migrationsFolder(): string {
  const candidates = ["../drizzle", "./drizzle", "../../drizzle"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`migrations not found; looked in ${candidates.join(", ")}`);
  return found;
}

/** Where `pnpm start` keeps the embedded database: `.data/pglite` in the repository root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.data/pglite", import.meta.url));

// One arbitrary 64-bit key for the advisory lock that serialises migrations between processes.
const MIGRATION_LOCK = 7_231_002_104;

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 20);
  return openPglite(options);
}

function openPostgres(url: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client's error (a restarted server) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          await migratePg(drizzlePg({ client, schema, casing: "snake_case" }), { migrationsFolder: migrationsFolder() });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query("select 1");
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    close: () => pool.end(),
  };
}

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client =
    options.pglite ?? (await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: EXTENSIONS }));
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema, casing: "snake_case" }), { migrationsFolder: migrationsFolder() });
    },
    async ping() {
      await client.query("select 1");
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    close: () => (client.closed ? Promise.resolve() : client.close()),
  };
}

/** Opens a PGlite from a dump made by `dumpDataDir` (fast: no initdb, no migrations). */
export async function openPgliteSnapshot(snapshot: Blob): Promise<DatabaseHandle> {
  const pglite = await PGlite.create({ loadDataDir: snapshot, extensions: EXTENSIONS });
  return openPglite({ pglite });
}

/** A migrated, empty in-memory database dumped as a tarball, for `openPgliteSnapshot`. */
export async function migratedPgliteSnapshot(): Promise<Blob> {
  const handle = await openPglite({});
  await handle.migrate();
  const pglite = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await pglite.dumpDataDir("none");
  await handle.close();
  return dump;
}
