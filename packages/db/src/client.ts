// The two drivers behind one handle: node-postgres when a URL is given, embedded PGlite otherwise.
// Everything above this file sees only `Database` and does not know which one it got.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema/index.ts";

export { DataDirLockedError } from "./data-dir-lock.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "postgres" | "pglite";

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed migrations (serialised across processes on PostgreSQL); says how many were new. */
  migrate(): Promise<{ applied: number }>;
  /** Throws unless the database answers a trivial query within a few seconds. */
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
  /** PostgreSQL: longest wait for a connection, new or from the pool; absent: no limit. */
  connectTimeoutMs?: number | undefined;
  /**
   * PostgreSQL: `statement_timeout` on the server, and (a little longer, so the server's own
   * cancellation normally wins) the client's limit for an answer on a stalled connection; absent: no limit.
   */
  statementTimeoutMs?: number | undefined;
};

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
// Extra time the client waits beyond statement_timeout before it gives up on a silent connection.
const READ_GRACE_MS = 500;
const DEFAULT_PING_TIMEOUT_MS = 5_000;

// What node-postgres throws when the server cannot be reached or stops answering; these carry no
// SQLSTATE or errno, only a message.
const UNAVAILABLE_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated|Query read timeout|timeout expired|Client was closed and is not queryable|Client has encountered a connection error|database ping timed out)/;

/** True for the driver's own "cannot reach the database" errors (wrapped by drizzle or not). */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let cur: unknown = err, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const message = (cur as { message?: unknown }).message;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres({ ...options, url: options.url });
  return openPglite(options);
}

/** Rejects with an ETIMEDOUT error (a network failure, not a fault of the request) after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`database ping timed out after ${ms} ms`), { code: "ETIMEDOUT" })), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * node-postgres gives up on a query after `query_timeout` but keeps the connection, and drizzle
 * does not release a connection whose `begin` failed; on a stalled network both would hold pool
 * slots until the pool is used up for good. A connection checked out for a transaction that fails
 * for a connection-level reason is therefore handed back as broken at once (the pool drops it), and
 * a later release of it is a no-op.
 */
class SelfHealingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    // The callback form is pool.query's own, which already releases a failed connection as broken.
    if (callback) return super.connect(callback);
    return super.connect().then(dropWhenBroken);
  }
}

function dropWhenBroken(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  const query = client.query.bind(client);
  let released = false;
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    // back to the prototype's query for whoever checks this connection out next
    Reflect.deleteProperty(client, "query");
    release(err);
  };
  const onError = (e: unknown) => {
    if (isDatabaseUnreachable(e) || isNetworkError(e)) client.release(e instanceof Error ? e : true);
  };
  client.query = ((...args: unknown[]) => {
    const result: unknown = Reflect.apply(query, undefined, args);
    if (result instanceof Promise) result.catch(onError);
    return result;
  }) as typeof client.query;
  return client;
}

function isNetworkError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code);
}

function openPostgres(options: OpenOptions & { url: string }): DatabaseHandle {
  const max = options.poolMax ?? 20;
  const { connectTimeoutMs, statementTimeoutMs } = options;
  const pool = new SelfHealingPool({
    connectionString: options.url,
    max,
    idleTimeoutMillis: 30_000,
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + READ_GRACE_MS } : {}),
  });
  // An idle client's error (a restarted server) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Database;
  const pingTimeoutMs = connectTimeoutMs && statementTimeoutMs ? connectTimeoutMs + statementTimeoutMs : DEFAULT_PING_TIMEOUT_MS;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // A connection of its own, without the request limits: waiting for another process's
      // migration, and the migration itself, may take longer than any request may.
      const client = new pg.Client({
        connectionString: options.url,
        ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
      });
      client.on("error", () => {});
      await client.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          const before = await appliedMigrations((text) => client.query(text));
          await migratePg(drizzlePg({ client, schema, casing: "snake_case" }), { migrationsFolder: migrationsFolder() });
          return { applied: (await appliedMigrations((text) => client.query(text))) - before };
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
        }
      } finally {
        await client.end();
      }
    },
    async ping() {
      await within(pool.query({ text: "select 1", query_timeout: pingTimeoutMs } as pg.QueryConfig), pingTimeoutMs);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    close: () => pool.end(),
  };
}

/** How many migrations drizzle has recorded as applied (0 before the first). */
async function appliedMigrations(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<number> {
  const present = await query("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!(present.rows[0] as { present: boolean }).present) return 0;
  const count = await query("select count(*)::int as n from drizzle.__drizzle_migrations");
  return (count.rows[0] as { n: number }).n;
}

type PgliteModules = Awaited<ReturnType<typeof importPglite>>;
let pgliteModules: Promise<PgliteModules> | undefined;

// Imported on first use, so a PostgreSQL deployment never loads PGlite (and need not install it).
async function importPglite() {
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/btree_gist"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  return { PGlite, extensions: { btree_gist, pg_trgm }, drizzle, migrate };
}

const loadPglite = () =>
  (pgliteModules ??= importPglite().catch((e: unknown) => {
    pgliteModules = undefined;
    if ((e as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw e;
    throw new Error(
      "the embedded database needs the optional package @electric-sql/pglite: install it, or set DATABASE_URL to a PostgreSQL server",
      { cause: e },
    );
  }));

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const { PGlite, extensions, drizzle, migrate } = await loadPglite();
  let unlock: () => Promise<void> = () => Promise.resolve();
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  let client: PGlite;
  try {
    client = options.pglite ?? (await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions }));
  } catch (e) {
    await unlock();
    throw e;
  }
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    async migrate() {
      const before = await appliedMigrations((text) => client.query(text));
      await migrate(drizzle({ client, schema, casing: "snake_case" }), { migrationsFolder: migrationsFolder() });
      return { applied: (await appliedMigrations((text) => client.query(text))) - before };
    },
    async ping() {
      await within(client.query("select 1"), DEFAULT_PING_TIMEOUT_MS);
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        await unlock();
      }
    },
  };
}

/** Opens a PGlite from a dump made by `dumpDataDir` (fast: no initdb, no migrations). */
export async function openPgliteSnapshot(snapshot: Blob): Promise<DatabaseHandle> {
  const { PGlite, extensions } = await loadPglite();
  const pglite = await PGlite.create({ loadDataDir: snapshot, extensions });
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
