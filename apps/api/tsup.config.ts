// The production build: the server and the seed command as ESM, with the workspace packages and
// drizzle-orm bundled in, the migrations and Swagger UI's files copied beside them. What stays in
// node_modules is exactly the package's `dependencies` (and PGlite, an optional peer, when present);
// among them proper-lockfile, which the bundled database package loads for the embedded database's
// lock (so no file of this app imports it, and knip is told so).
import { copyFileSync, cpSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { BUNDLED_SWAGGER_DIR, SWAGGER_FILES, swaggerUiDistDir } from "./src/swagger-assets.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig((cli) => {
  // `tsup --out-dir <dir>` builds elsewhere (the production-install test builds into its own copy).
  const outDir = cli.outDir ?? "dist";
  return {
    entry: { server: "src/server.ts", seed: "src/seed-command.ts" },
    format: "esm",
    platform: "node",
    target: "node20",
    outDir,
    clean: true,
    sourcemap: true,
    noExternal: [/^@venue-booking\//, /^drizzle-orm/],
    onSuccess() {
      const out = resolve(outDir); // as tsup resolves it: from the working directory
      cpSync(join(here, "../../packages/db/drizzle"), join(out, "drizzle"), { recursive: true });
      const swaggerFrom = swaggerUiDistDir(join(here, "package.json"));
      mkdirSync(join(out, BUNDLED_SWAGGER_DIR), { recursive: true });
      for (const name of Object.keys(SWAGGER_FILES)) copyFileSync(join(swaggerFrom, name), join(out, BUNDLED_SWAGGER_DIR, name));
      return Promise.resolve();
    },
  };
});
