// `pnpm db:seed`: migrates, then fills the database with the demo venues (idempotent).
import { DEFAULT_DATA_DIR, openDatabase } from "../client.ts";
import { seed } from "../seed.ts";

const url = process.env.DATABASE_URL || undefined;
const handle = await openDatabase({ url, dataDir: url ? undefined : process.env.PGLITE_DIR || DEFAULT_DATA_DIR });
try {
  await handle.migrate();
  const { created, updated } = await seed(handle.db);
  console.log(`seeded ${created + updated} venues (${created} new, ${updated} refreshed) in ${handle.kind}`);
} finally {
  await handle.close();
}
