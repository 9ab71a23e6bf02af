// Runs once before all test files: in CI, refuses to run without PostgreSQL and Redis (the suites
// for them would otherwise drop out silently); then builds the migrated PGlite snapshot the tests load.
import { ensurePgliteSnapshot } from "@venue-booking/db/testing";

/** What is missing for a CI run, or undefined when nothing is (or when this is not CI). */
export function missingCiServices(env: Record<string, string | undefined>): string | undefined {
  const ci = (env.CI ?? "").toLowerCase();
  if (ci === "" || ci === "false" || ci === "0") return undefined;
  const missing = ["DATABASE_URL", "REDIS_URL"].filter((name) => !env[name]);
  if (missing.length === 0) return undefined;
  return (
    `CI is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not: the PostgreSQL, Redis and ` +
    "two-process suites would be skipped. Set DATABASE_URL=postgres://… and REDIS_URL=redis://… " +
    "(.ci/run does), or unset CI to run against the embedded database only."
  );
}

export default async function setup(): Promise<void> {
  const missing = missingCiServices(process.env);
  if (missing) throw new Error(missing);
  await ensurePgliteSnapshot();
}
