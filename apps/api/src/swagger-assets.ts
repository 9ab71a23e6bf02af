// Swagger UI's files from the installed swagger-ui-dist package, so /docs works with no internet.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type StaticAsset = { body: Uint8Array; type: string };

export function loadSwaggerAssets(): Map<string, StaticAsset> {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const files: [string, string][] = [
    ["swagger-ui.css", "text/css; charset=utf-8"],
    ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
    ["favicon-32x32.png", "image/png"],
  ];
  return new Map(files.map(([name, type]) => [name, { body: readFileSync(join(dir, name)), type }]));
}
