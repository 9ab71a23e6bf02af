// Runs once before all test files: builds the migrated PGlite snapshot the tests load.
import { ensurePgliteSnapshot } from "@venue-booking/db/testing";

export default async function setup(): Promise<void> {
  await ensurePgliteSnapshot();
}
