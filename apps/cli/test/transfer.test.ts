// Import and export as staff use them: paths from the caller's directory, imports that can be run
// again (by id or slug) without duplicates, all-or-nothing --atomic, a report of the problem rows
// by line, and Ctrl-C reporting what was done.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exportVenuesAction } from "../src/commands/transfer/export.ts";
import { importVenuesAction } from "../src/commands/transfer/import.ts";
import type { ImportRow } from "../src/commands/transfer/import.ts";
import { elementLines } from "../src/commands/transfer/read-rows.ts";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { listVenuesAction } from "../src/commands/venues/list.ts";
import { EXIT } from "../src/exit-codes.ts";
import { perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

let seq = 0;
const tag = () => `t${Date.now().toString(36)}${++seq}`;
const venue = (name: string, over: Record<string, unknown> = {}) => ({
  name: { ru: name },
  address: { ru: "ул. Импортная, 1" },
  price_per_hour: "100000",
  ...over,
});

describe("import and export venues", () => {
  let t: CliHarness;
  let dir: string;
  beforeAll(async () => {
    t = await startCliHarness();
    dir = mkdtempSync(join(t.configDir, "caller-"));
  });
  afterAll(async () => t.close());
  afterEach(() => vi.unstubAllEnvs());

  const count = async (search: string) => (await listVenuesAction(t.context().ctx, { search, inactive: true })).data.count;
  const report = (stdout: string) => JSON.parse(stdout) as ImportRow[];

  it("reads and writes files relative to the directory the command was run from (INIT_CWD under pnpm)", async () => {
    const name = `Путь ${tag()}`;
    writeFileSync(join(dir, "edit.json"), JSON.stringify([venue(name)]));
    vi.stubEnv("INIT_CWD", dir);
    const r = await t.program(["import", "venues", "edit.json", "--json"]);
    expect(r.stderr).toBe("");
    expect(report(r.stdout).map((x) => x.result)).toEqual(["created"]);
    expect(await count(name)).toBe(1);

    const out = await t.program(["export", "venues", "--format", "csv", "--output", "out.csv"]);
    expect(out.code).toBe(EXIT.OK);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toContain(name);
    expect(out.stdout).toMatch(/^wrote \d+ venue\(s\) to .*out\.csv\n$/);
  });

  it("importing a file twice, or an export, creates nothing new: rows match by id, else by slug", async () => {
    const k = tag();
    const file = join(dir, `${k}.json`);
    writeFileSync(
      file,
      JSON.stringify([
        venue(`Повтор ${k} 1`, { slug: `${k}-one` }),
        venue(`Повтор ${k} 2`, { slug: `${k}-two`, amenities: [{ ru: "Душ" }] }),
      ]),
    );
    const { ctx } = t.context();
    expect((await perform(ctx, importVenuesAction(ctx, file, {}))).map((r) => r.result)).toEqual(["created", "created"]);
    const again = t.context();
    expect((await perform(again.ctx, importVenuesAction(again.ctx, file, {}))).map((r) => r.result)).toEqual(["unchanged", "unchanged"]);
    expect(again.lines.join("")).toBe("2 row(s): 0 created, 0 updated, 2 unchanged, 0 failed\n");
    expect(await count(`Повтор ${k}`)).toBe(2);

    for (const format of ["json", "csv"] as const) {
      const text = (await exportVenuesAction(t.context().ctx, { format })).data;
      const exported = join(dir, `${k}-export.${format}`);
      writeFileSync(exported, text);
      const rows = await perform(t.context().ctx, importVenuesAction(t.context().ctx, exported, {}));
      expect(rows.every((r) => r.result === "unchanged")).toBe(true);
      expect(await count(`Повтор ${k}`)).toBe(2);
    }

    // an edited export updates the venue it came from
    const csv = (await exportVenuesAction(t.context().ctx, { format: "csv" })).data.replace(`Повтор ${k} 2`, `Повтор ${k} 2 (новое)`);
    writeFileSync(join(dir, `${k}-edited.csv`), csv);
    const edited = await perform(t.context().ctx, importVenuesAction(t.context().ctx, join(dir, `${k}-edited.csv`), {}));
    const changed = edited.filter((r) => r.result !== "unchanged");
    expect(changed).toMatchObject([{ result: "updated", name: `Повтор ${k} 2 (новое)` }]);
    expect((await getVenueAll(t.context().ctx, changed[0]!.id!)).name.ru).toBe(`Повтор ${k} 2 (новое)`);
  });

  it("--atomic imports nothing when a row fails, and everything when none does", async () => {
    const k = tag();
    const file = join(dir, `${k}-atomic.json`);
    writeFileSync(file, JSON.stringify([venue(`Атом ${k} 1`), venue(`Атом ${k} 2`, { id: 2_000_000_000 }), venue(`Атом ${k} 3`)]));
    const r = await t.program(["import", "venues", file, "--atomic"]);
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toMatch(/nothing was imported \(--atomic\)/);
    expect(r.stdout).toContain("VENUE_NOT_FOUND");
    expect(r.stdout).not.toContain(`Атом ${k} 1`);
    expect(r.stdout).toContain("0 created, 0 updated, 0 unchanged, 1 failed, 2 not imported");
    expect(await count(`Атом ${k}`)).toBe(0);

    const invalid = join(dir, `${k}-atomic-invalid.json`);
    writeFileSync(invalid, JSON.stringify([venue(`Атом ${k} 1`), null]));
    expect((await t.program(["import", "venues", invalid, "--atomic"])).code).toBe(EXIT.FAILURE);
    expect(await count(`Атом ${k}`)).toBe(0);

    writeFileSync(file, JSON.stringify([venue(`Атом ${k} 1`, { slug: `${k}-a` }), venue(`Атом ${k} 2`, { slug: `${k}-b` })]));
    const ok = await t.program(["import", "venues", file, "--atomic", "--json"]);
    expect(ok.code).toBe(EXIT.OK);
    expect(report(ok.stdout).map((x) => x.result)).toEqual(["created", "created"]);
    expect(await count(`Атом ${k}`)).toBe(2);
  });

  it("--dry-run says what would happen and writes nothing", async () => {
    const k = tag();
    const file = join(dir, `${k}-dry.json`);
    writeFileSync(file, JSON.stringify([venue(`Сухо ${k}`, { slug: `${k}-dry` })]));
    const r = await t.program(["import", "venues", file, "--dry-run"]);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toBe("dry run, nothing written: 1 row(s): 1 would be created, 0 would be updated, 0 would be unchanged, 0 failed\n");
    expect(await count(`Сухо ${k}`)).toBe(0);
  });

  it("a null in a JSON file is reported with its line and the other rows still import", async () => {
    const k = tag();
    const file = join(dir, `${k}-null.json`);
    writeFileSync(file, `[\n  ${JSON.stringify(venue(`Нуль ${k} 1`))},\n  null,\n  ${JSON.stringify(venue(`Нуль ${k} 3`))}\n]\n`);
    const r = await t.program(["import", "venues", file]);
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toBe("error: 1 row(s) were not imported\n");
    const table = r.stdout.split("\n");
    expect(table.filter((l) => l.includes("invalid"))).toEqual([
      expect.stringMatching(/^3\t\tinvalid\texpected a venue \(an object\), got null$/),
    ]);
    expect(r.stdout).toContain("3 row(s): 2 created, 0 updated, 0 unchanged, 1 failed");
    expect(await count(`Нуль ${k}`)).toBe(2);
  });

  it("Ctrl-C stops after the rows in flight, reports what was done and exits with 130", async () => {
    const k = tag();
    const file = join(dir, `${k}-big.json`);
    writeFileSync(file, JSON.stringify(Array.from({ length: 60 }, (_, i) => venue(`Прерв ${k} ${i}`, { slug: `${k}-${i}` }))));
    const stop = new AbortController();
    const { ctx, lines } = t.context();
    const post = ctx.api.post.bind(ctx.api);
    ctx.api.post = (async (...args: Parameters<typeof post>) => {
      const answer = await post(...args);
      stop.abort();
      return answer;
    }) as typeof post;
    const error = await perform(ctx, importVenuesAction(ctx, file, { signal: stop.signal })).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: EXIT.INTERRUPTED });
    expect((error as Error).message).toMatch(/^interrupted: rows from line 1 on were not imported; import the file again to finish/);
    expect(lines.join("")).toBe("25 row(s): 25 created, 0 updated, 0 unchanged, 0 failed\n");
    expect(await count(`Прерв ${k}`)).toBe(25);

    // running it again finishes the job without duplicates
    const rows = await perform(t.context().ctx, importVenuesAction(t.context().ctx, file, {}));
    expect(rows.filter((r) => r.result === "created")).toHaveLength(35);
    expect(await count(`Прерв ${k}`)).toBe(60);
  });

  it("finds the line of each element of a JSON array", () => {
    expect(elementLines('[\n {"a": "[x,\\"y"},\n\n 1, null,\n [2,\n3]\n]')).toEqual([2, 4, 4, 5]);
    expect(elementLines("[]")).toEqual([]);
  });
});
