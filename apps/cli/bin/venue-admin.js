#!/usr/bin/env node
// venue-admin: runs the bundled CLI (`pnpm --filter @venue-booking/cli build` makes dist/;
// `pnpm admin` runs the TypeScript source during development).
try {
  await import("../dist/venue-admin.js");
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("venue-admin.js")) throw e;
  process.stderr.write("error: venue-admin is not built: run `pnpm --filter @venue-booking/cli build` (or use `pnpm admin`)\n");
  process.exitCode = 1;
}
