// The venue-admin binary: one ESM file with everything it runs bundled in (core, contract, zod,
// commander, cli-table3), so it starts with plain node and installs without the API's packages.
// @inquirer/prompts is imported only when a question is asked, so it lands in a chunk of its own.
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { "venue-admin": "src/main.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  splitting: true,
  sourcemap: true,
  minify: true,
  noExternal: [/./],
  // Bundled CommonJS (commander, cli-table3, inquirer's helpers) calls require() for node built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
});
