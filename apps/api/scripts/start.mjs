// `pnpm start`: runs the bundled server, rebuilding the bundle first when any source is newer.
// Running the bundle instead of the TypeScript through a loader saves about a second per start.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const root = join(apiDir, "../..");
const bundle = join(apiDir, "dist/server.js");
const sources = ["apps/api/src", "packages/core/src", "packages/db/src", "packages/db/drizzle", "pnpm-lock.yaml"].map((p) => join(root, p));

function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

if (!existsSync(bundle) || Math.max(...sources.map(newest)) > statSync(bundle).mtimeMs) {
  process.stderr.write("building the server bundle (sources changed)\n");
  const tsup = join(dirname(createRequire(join(apiDir, "package.json")).resolve("tsup/package.json")), "dist/cli-default.js");
  execFileSync(process.execPath, [tsup, "--silent"], { cwd: apiDir, stdio: "inherit" });
}
await import(bundle);
