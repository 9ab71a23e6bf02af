// `node dist/seed.js` (in the image: `docker compose exec api node dist/seed.js`): applies the
// migrations to the configured database and adds the demo venues. Running it again changes nothing
// but bringing the demo venues back to their seed values, as `pnpm db:seed` does from source.
import { DEFAULT_DATA_DIR, openDatabase, seed } from "@venue-booking/db";
import { loadConfigOrExit } from "./config.ts";

const config = loadConfigOrExit(process.env);

try {
  const dataDir = config.databaseUrl ? undefined : (config.pgliteDir ?? DEFAULT_DATA_DIR);
  const database = await openDatabase({ url: config.databaseUrl, dataDir, poolMax: 1, connectTimeoutMs: config.databaseConnectTimeoutMs });
  try {
    await database.migrate();
    const { created, updated } = await seed(database.db);
    const where = database.kind === "pglite" ? `the embedded database in ${dataDir}` : "PostgreSQL";
    process.stdout.write(`seeded ${created + updated} demo venues (${created} new, ${updated} refreshed) in ${where}\n`);
  } finally {
    await database.close();
  }
} catch (e) {
  process.stderr.write(`seeding failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
