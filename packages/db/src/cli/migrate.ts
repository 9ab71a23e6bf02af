// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded database.
import { DEFAULT_DATA_DIR, openDatabase } from "../client.ts";

const url = process.env.DATABASE_URL || undefined;
const handle = await openDatabase({ url, dataDir: url ? undefined : process.env.PGLITE_DIR || DEFAULT_DATA_DIR });
try {
  await handle.migrate();
  console.log(`migrations applied (${handle.kind})`);
} finally {
  await handle.close();
}
