// Venue CSV files: every cell survives an export and an import (formulas escaped for spreadsheets,
// commas, quotes and line breaks kept); a file that cannot be split into rows is refused whole,
// naming its line, while a row with the wrong number of cells is reported by its line and skipped.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { VenueAllLanguagesSchema } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportVenuesAction } from "../src/commands/transfer/export.ts";
import { importVenuesAction } from "../src/commands/transfer/import.ts";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { listVenuesAction } from "../src/commands/venues/list.ts";
import { parseCsv, toCsv } from "../src/csv.ts";
import { UsageError } from "../src/errors.ts";
import { EXIT } from "../src/exit-codes.ts";
import { perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const TRICKY = [
  '=HYPERLINK("http://evil.example","click")',
  "+1",
  "-1",
  "@SUM(A1)",
  "\tx",
  "\rx",
  "＝1",
  "'=already escaped once",
  "''+twice",
  "'just an apostrophe",
  "a, b and c",
  'say "hi"',
  "two\nlines",
  "windows\r\nlines",
  "",
  "plain",
];

describe("CSV cells", () => {
  it("come back exactly as they were written, in any position", () => {
    const rows = [TRICKY, [...TRICKY].reverse()];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("that a spreadsheet would run as a formula are written after an apostrophe", () => {
    const written = parseCsvRaw(toCsv([["=1+1", "+1", "-1", "@x", "\tx", "'=x", "safe", "1-2"]]));
    expect(written).toEqual(["'=1+1", "'+1", "'-1", "'@x", "'\tx", "''=x", "safe", "1-2"]);
    expect(toCsv([[true, false]])).toBe("true,false\n");
  });

  it("a quote never closed is refused with the line its row starts on", () => {
    const text = 'name_ru,price_per_hour\n"Поле\nс переносом",100000\n\nОдно,100000\n"Без конца,100000\nДругое,100000\n';
    const error = (() => {
      try {
        parseCsv(text, "venues.csv");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(EXIT.USAGE);
    expect((error as UsageError).message).toBe('venues.csv: line 6: a quoted cell is never closed (a " without its closing ")');
  });

  it("other malformed rows are refused with their line too", () => {
    expect(() => parseCsv('a,b\n1,"2"x\n', "f.csv")).toThrow(/^f\.csv: .*line 2/);
    expect(() => parseCsv("a,b\n1,2\n1,2,3\n", "f.csv")).toThrow(/^f\.csv: .*line 3/);
  });
});

/** The cells of a one-row CSV as they stand in the file, apostrophes included. */
function parseCsvRaw(text: string): string[] {
  return text
    .replace(/\n$/, "")
    .split(",")
    .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
}

describe("CSV import and export against the API", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  it("an unclosed quote imports nothing, says where, and exits with the usage code", async () => {
    const file = join(t.configDir, "broken.csv");
    writeFileSync(file, 'name_ru,address_ru,price_per_hour\nОбрыв 1,ул. 1,100000\n"Обрыв 2,ул. 2,100000\nОбрыв 3,ул. 3,100000\n');
    const r = await t.program(["import", "venues", file]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toBe(`error: ${file}: line 3: a quoted cell is never closed (a " without its closing ")\n`);
    expect(r.stdout).toBe("");
    expect((await listVenuesAction(t.context().ctx, { search: "Обрыв", inactive: true })).data.count).toBe(0);
  });

  it("a venue exported to CSV and imported again is the same venue", async () => {
    const original = {
      name: { ru: '=HYPERLINK("http://evil.example","Поле")', uz: "+998 maydon", en: '@home, "the" pitch' },
      address: { ru: "ул. Мирная, 7\nвход со двора", uz: "-1 qavat", en: '7 Peace St, "B"' },
      description: { ru: "Строка 1\r\nСтрока 2, с запятой", uz: "'=not a formula", en: 'Line 1,\n"quoted" line 2' },
      amenities: [
        { ru: "=Душ", uz: "-Dush", en: "@Shower" },
        { ru: "Парковка, платная", uz: "Avtoturargoh", en: 'Parking "paid"' },
      ],
      price_per_hour: "123456.78",
      images: ["https://example.com/=1.jpg"],
      opening_time: "07:00",
      closing_time: "23:00",
    };
    const res = await t.api.request("/api/venues/", {
      method: "POST",
      headers: { authorization: `Bearer ${t.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(original),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect(
      (await t.api.request(`/api/venues/${id}/`, { method: "DELETE", headers: { authorization: `Bearer ${t.adminToken}` } })).status,
    ).toBe(204);
    const before = await getVenueAll(t.context().ctx, id);

    const csv = (await exportVenuesAction(t.context().ctx, { format: "csv" })).data;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Поле"")"`);
    expect(csv).toContain(",'+998 maydon,");
    const file = join(t.configDir, "export.csv");
    writeFileSync(file, csv);
    const same = t.context();
    expect((await perform(same.ctx, importVenuesAction(same.ctx, file, {}))).every((r) => r.result === "unchanged")).toBe(true);

    // without its id the row makes a new venue: every cell of it as it was
    const [head, ...rows] = parseCsv(csv);
    const row = rows.find((r) => r[0] === String(id))!;
    writeFileSync(file, toCsv([head!, ["", ...row.slice(1)]]));
    const { ctx } = t.context();
    const report = await perform(ctx, importVenuesAction(ctx, file, {}));
    expect(report.map((r) => r.result)).toEqual(["created"]);
    const copy = report.find((r) => r.name === original.name.ru);
    expect(copy?.id).toBeDefined();
    const after = VenueAllLanguagesSchema.parse(await getVenueAll(t.context().ctx, copy!.id!));
    // the copy has units of its own: the same but for their ids
    const comparable = ({ id: _id, created_at: _c, updated_at: _u, units, ...v }: typeof before) => ({
      ...v,
      units: units.map(({ id: _unit, ...u }) => u),
    });
    expect(comparable(after)).toEqual(comparable(before));
    expect(after).toMatchObject({ ...original, is_active: false });
  });

  it("reads ;-separated files with a BOM and headers in any case", async () => {
    const file = join(t.configDir, "semicolons.csv");
    writeFileSync(file, '\uFEFFName_RU;ADDRESS_RU;Price_Per_Hour;Amenities_RU\r\nТочка с запятой;"ул. 1; корпус 2";99000;Душ|Кафе\r\n');
    const { ctx } = t.context();
    const [row] = await perform(ctx, importVenuesAction(ctx, file, {}));
    expect(row).toMatchObject({ line: 2, result: "created" });
    expect(await getVenueAll(t.context().ctx, row!.id!)).toMatchObject({
      name: { ru: "Точка с запятой" },
      address: { ru: "ул. 1; корпус 2" },
      price_per_hour: "99000.00",
      amenities: [{ ru: "Душ" }, { ru: "Кафе" }],
    });
  });

  it("a row with the wrong number of cells is reported by its line; the rows around it import", async () => {
    const file = join(t.configDir, "ragged.csv");
    writeFileSync(
      file,
      'name_ru,address_ru,price_per_hour\nСдвиг 1,ул. 1,100000\n\n"Сдвиг\n2",ул. 2,100000,лишнее\nСдвиг 3,ул. 3\nСдвиг 4,ул. 4,100000\n',
    );
    const r = await t.program(["import", "venues", file, "--json"]);
    expect(r.code).toBe(EXIT.FAILURE);
    const report = JSON.parse(r.stdout) as { line: number; result: string; message?: string }[];
    expect(report.map((x) => [x.line, x.result])).toEqual([
      [2, "created"],
      [4, "invalid"],
      [6, "invalid"],
      [7, "created"],
    ]);
    expect(report[1]?.message).toBe("4 cells where the header has 3: nothing of this row was read");
    expect((await listVenuesAction(t.context().ctx, { search: "Сдвиг", inactive: true })).data.count).toBe(2);
  });
});
