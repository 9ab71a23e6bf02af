// The production build: one ESM file for the server, with the workspace packages and drizzle-orm
// bundled in; other dependencies (PGlite's WebAssembly among them) stay in node_modules.
import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { server: "src/server.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^@venue-booking\//, /^drizzle-orm/],
  onSuccess() {
    cpSync("../../packages/db/drizzle", "dist/drizzle", { recursive: true });
    return Promise.resolve();
  },
});
