// A PostgreSQL deployment never loads PGlite: with every @electric-sql/pglite import made to fail,
// the package still loads and (when DATABASE_URL is set) opens and queries PostgreSQL; only an
// embedded open reaches PGlite.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const INDEX = pathToFileURL(join(import.meta.dirname, "../src/index.ts")).href;

describe("PGlite is loaded only for the embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "vb-lazy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A module hook that refuses PGlite, as a production install without it would.
  writeFileSync(
    join(dir, "hooks.mjs"),
    `export async function resolve(specifier, context, next) {
       if (specifier.startsWith("@electric-sql/pglite")) throw new Error("PGLITE_LOADED " + specifier);
       return next(specifier, context);
     }`,
  );
  writeFileSync(
    join(dir, "block-pglite.mjs"),
    `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});`,
  );

  const run = (code: string) => {
    writeFileSync(join(dir, "main.mts"), code);
    const r = spawnSync(process.execPath, ["--import", "tsx", "--import", join(dir, "block-pglite.mjs"), join(dir, "main.mts")], {
      env: process.env,
      encoding: "utf8",
    });
    return { status: r.status, output: r.stdout + r.stderr };
  };

  it("loads the package, and opens PostgreSQL when there is one, without PGlite", () => {
    const r = run(`
      const { openDatabase } = await import(${JSON.stringify(INDEX)});
      const url = process.env.DATABASE_URL;
      if (url) {
        const handle = await openDatabase({ url });
        await handle.ping();
        await handle.close();
      }
      console.log("done");
    `);
    expect(r.output).not.toContain("PGLITE_LOADED");
    expect(r.output).toContain("done");
    expect(r.status).toBe(0);
  });

  it("an embedded open is what loads PGlite", () => {
    const r = run(`
      const { openDatabase } = await import(${JSON.stringify(INDEX)});
      await openDatabase({});
    `);
    expect(r.output).toContain("PGLITE_LOADED");
    expect(r.status).not.toBe(0);
  });
});
