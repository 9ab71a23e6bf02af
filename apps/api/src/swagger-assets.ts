// Swagger UI's files, so /docs works with no internet: the build copies them beside the bundle
// (dist/swagger-ui/), and from source they are read from the installed swagger-ui-dist package.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type StaticAsset = { body: Uint8Array; type: string };

/** The files /docs serves, by name, with their content types. */
export const SWAGGER_FILES: Readonly<Record<string, string>> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

/** The folder beside the bundle that the build copies the files into. */
export const BUNDLED_SWAGGER_DIR = "swagger-ui";

/** The installed swagger-ui-dist package's folder (a build-time dependency only). */
export function swaggerUiDistDir(from: string = import.meta.url): string {
  return dirname(createRequire(from).resolve("swagger-ui-dist/package.json"));
}

export function loadSwaggerAssets(): Map<string, StaticAsset> {
  const beside = fileURLToPath(new URL(`./${BUNDLED_SWAGGER_DIR}/`, import.meta.url));
  const dir = existsSync(join(beside, "swagger-ui.css")) ? beside : swaggerUiDistDir();
  return new Map(Object.entries(SWAGGER_FILES).map(([name, type]) => [name, { body: readFileSync(join(dir, name)), type }]));
}
