// Test databases: every backend the suite runs on, each opened fresh and dropped afterwards.
// PGlite always; PostgreSQL too when DATABASE_URL is set (a new database per call).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migratedPgliteSnapshot, migrationsFolder, openDatabase, openPgliteSnapshot } from "./client.ts";
import type { DatabaseHandle } from "./client.ts";

export type TestBackend = { name: "pglite" | "postgres"; open(): Promise<DatabaseHandle> };

function snapshotPath(): string {
  const dir = migrationsFolder();
  const hash = createHash("sha256");
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".sql")) hash.update(readFileSync(join(dir, f)));
  return join(tmpdir(), `venue-booking-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
}

/** A migrated empty PGlite dumped to a temp file (made once per set of migrations). */
export async function ensurePgliteSnapshot(): Promise<string> {
  const path = snapshotPath();
  if (!existsSync(path)) {
    const blob = await migratedPgliteSnapshot();
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, path);
  }
  return path;
}

export async function openTestPglite(): Promise<DatabaseHandle> {
  const path = await ensurePgliteSnapshot();
  return openPgliteSnapshot(new Blob([readFileSync(path)]));
}

/** A brand-new migrated database on the server at `url`, dropped when the handle closes. */
export async function openTestPostgres(url: string, poolMax = 20): Promise<DatabaseHandle> {
  const name = `vb_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: dbUrl.toString(), poolMax });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

export function testBackends(env: { DATABASE_URL?: string | undefined } = process.env): TestBackend[] {
  const backends: TestBackend[] = [{ name: "pglite", open: openTestPglite }];
  const url = env.DATABASE_URL;
  if (url) backends.push({ name: "postgres", open: () => openTestPostgres(url) });
  return backends;
}
