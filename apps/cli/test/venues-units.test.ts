// A venue's units from the command line: listed, added (from flags or questions), changed, switched
// off and on; the refusals an admin can meet said plainly; the day drawn unit by unit; and each
// booking naming the unit (and places) it holds.
import { AdminBookingDetailSchema, UnitAllLanguagesSchema, VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availabilityAction } from "../src/commands/venues/availability.ts";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { addUnitAction } from "../src/commands/venues/units/add.ts";
import { updateUnitAction } from "../src/commands/venues/units/update.ts";
import { EXIT } from "../src/exit-codes.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const DAY = addDays(localDateTime(new Date()).date, 2);
const UnitList = UnitAllLanguagesSchema.array();

describe("a venue's units", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  /** A venue of the given units (the API makes one named after the venue without them); their ids in order. */
  const venueWith = async (units?: { name: { ru: string; en?: string }; kind?: string; capacity?: number }[]) => {
    const v = await t
      .context()
      .ctx.api.post(
        "/api/venues/",
        { name: { ru: "Поле объектов", en: "Unit Park" }, address: { ru: "ул. 9" }, price_per_hour: "1000", ...(units ? { units } : {}) },
        VenueSchema,
      );
    return { id: v.id, units: v.units.map((u) => u.id) };
  };
  const idOf = (stdout: string) => Number(/unit #(\d+)/.exec(stdout)?.[1]);

  it("adds, lists, changes, switches off and on again", async () => {
    const venue = await venueWith();
    const [first] = venue.units;
    const id = String(venue.id);
    const add = async (...flags: string[]) => {
      const r = await t.program(["venues", "units", "add", id, ...flags]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(EXIT.OK);
      return { id: idOf(r.stdout), stdout: r.stdout };
    };
    const a = await add("--name-ru", "Половина A", "--name-en", "Half A", "--kind", "half");
    expect(a.stdout).toBe(`added unit #${a.id} Half A to venue #${id}\n`);
    const b = await add("--name-ru", "Половина B", "--name-en", "Half B", "--kind", "half");
    const full = await add("--name-ru", "Всё поле", "--kind", "pitch", "--contains", `${a.id},${b.id}`, "--price", "300000");
    const lanes = await add("--name-ru", "Дорожки", "--kind", "lane", "--capacity", "8", "--price", "40000", "--sort-order", "-1");

    const list = await t.program(["venues", "units", "list", id]);
    expect(list.stderr).toBe("");
    expect(list.stdout.split("\n")).toEqual([
      "ID\tName\tKind\tPlaces\tPrice/h\tMade of\tOrder\tActive",
      `${lanes.id}\tДорожки\tlane\t8\t40000.00\t\t-1\tyes`,
      `${first}\tUnit Park\t\t1\tvenue's\t\t0\tyes`,
      `${a.id}\tHalf A\thalf\t1\tvenue's\t\t1\tyes`,
      `${b.id}\tHalf B\thalf\t1\tvenue's\t\t2\tyes`,
      `${full.id}\tВсё поле\tpitch\t1\t300000.00\t#${a.id}, #${b.id}\t3\tyes`,
      "",
    ]);

    const changed = await t.program([
      ...["venues", "units", "update", id, String(lanes.id)],
      ...["--capacity", "10", "--no-price", "--name-uz", "Yo'laklar", "--name-en", "Lanes"],
    ]);
    expect(changed.stderr).toBe("");
    expect(changed.stdout).toBe(`updated unit #${lanes.id} Lanes of venue #${id}\n`);
    const off = await t.program(["venues", "units", "remove", id, String(first), "--yes"]);
    expect(off.stdout).toBe(`unit #${first} of venue #${id} deactivated\n`);

    const json = await t.program(["venues", "units", "list", id, "--json"]);
    const units = UnitList.parse(JSON.parse(json.stdout));
    expect(units.find((u) => u.id === lanes.id)).toMatchObject({
      name: { ru: "Дорожки", uz: "Yo'laklar", en: "Lanes" },
      capacity: 10,
      price_per_hour: null,
    });
    expect(units.find((u) => u.id === first)?.is_active).toBe(false);
    // the public read no longer offers it; switching it on again does
    expect((await t.context().ctx.api.get(`/api/venues/${id}/`, VenueSchema)).units.map((u) => u.id)).not.toContain(first);
    const on = await t.program(["venues", "units", "update", id, String(first), "--active"]);
    expect(on.code).toBe(EXIT.OK);
    expect((await getVenueAll(t.context().ctx, venue.id)).units.find((u) => u.id === first)?.is_active).toBe(true);
  });

  it("says what to do when the last active unit would go, and names a unit the venue has not", async () => {
    const venue = await venueWith();
    const [only] = venue.units;
    const hint = `add another unit first (venue-admin venues units add ${venue.id}), or deactivate the whole venue (venue-admin venues delete ${venue.id})`;
    const remove = await t.program(["venues", "units", "remove", String(venue.id), String(only), "--yes"]);
    expect(remove.code).toBe(EXIT.FAILURE);
    expect(remove.stderr).toBe(`error: This is the venue's last active unit: a venue keeps at least one. [LAST_UNIT]; ${hint}\n`);
    const off = await t.program(["venues", "units", "update", String(venue.id), String(only), "--no-active"]);
    expect(off.stderr).toContain("[LAST_UNIT]; add another unit first");
    const ru = await t.program(["venues", "units", "remove", String(venue.id), String(only), "--yes"], {
      env: { VENUE_ADMIN_LANG: "ru" },
    });
    expect(ru.stderr).toMatch(/^ошибка: Это последний активный объект площадки.*\[LAST_UNIT\]; сначала добавьте другой объект/);
    expect((await getVenueAll(t.context().ctx, venue.id)).units.map((u) => u.is_active)).toEqual([true]);

    const other = await venueWith();
    const elsewhere = await t.program(["venues", "units", "update", String(venue.id), String(other.units[0]), "--kind", "court"]);
    expect(elsewhere.code).toBe(EXIT.FAILURE);
    expect(elsewhere.stderr).toBe(
      `error: venue #${venue.id} has no unit #${other.units[0]} (see venue-admin venues units list ${venue.id})\n`,
    );
  });

  it("checks flags before sending anything, and needs --yes without a terminal", async () => {
    for (const [argv, text] of [
      [["venues", "units", "remove", "5", "4"], "error: refusing to deactivate a unit without --yes\n"],
      [["venues", "units", "update", "5", "4"], "error: nothing to change: pass at least one flag (see --help)\n"],
      [["venues", "units", "add", "5"], "error: missing --name-ru\n"],
      [["venues", "units", "add", "5", "--name-ru", "X", "--capacity", "x"], "error: invalid --capacity: x\n"],
      [["venues", "units", "add", "5", "--name-ru", "X", "--contains", "3,a"], "error: invalid --contains: a\n"],
      [["venues", "units", "add", "5", "--name-ru", "X", "--capacity", "0"], /^error: invalid unit: capacity: .*1/],
    ] as const) {
      const r = await runInProcess([...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      if (typeof text === "string") expect(r.stderr, argv.join(" ")).toBe(text);
      else expect(r.stderr, argv.join(" ")).toMatch(text);
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
  });

  it("asks for a new unit's values on a terminal, offering the units it may combine", async () => {
    const venue = await venueWith([
      { name: { ru: "Половина A", en: "Half A" }, kind: "half" },
      { name: { ru: "Половина B", en: "Half B" }, kind: "half" },
      { name: { ru: "Места", en: "Seats" }, capacity: 20 },
    ]);
    const [a, b] = venue.units;
    const { ctx, asked } = t.context({
      interactive: true,
      answers: ["Всё поле", "", "Full pitch", "pitch", "", "250000", `${a}, ${b}`],
    });
    const u = await perform(ctx, addUnitAction(ctx, String(venue.id), {}));
    expect(asked.at(-1)).toBe(`Made of units (ids, comma-separated; empty: none) #${a} Half A (half), #${b} Half B (half):`);
    expect((await getVenueAll(ctx, venue.id)).units.find((x) => x.id === u.id)).toMatchObject({
      name: { ru: "Всё поле", en: "Full pitch" },
      kind: "pitch",
      capacity: 1,
      price_per_hour: "250000.00",
      contains: [a, b],
    });

    // changing it: the current values are the defaults, "-" clears; only what changed is sent
    const change = t.context({ interactive: true, answers: [String(u.id), "", "", "", "-", "", "-", ""] });
    const changed = await perform(change.ctx, updateUnitAction(change.ctx, String(venue.id), undefined, {}));
    expect(changed?.kind).toBeNull();
    expect(changed?.price_per_hour).toBeNull();
    expect(changed?.contains).toEqual([a, b]);
    const same = t.context({ interactive: true, answers: [String(u.id), "", "", "", "", "", "", ""] });
    expect(await perform(same.ctx, updateUnitAction(same.ctx, String(venue.id), undefined, {}))).toBeNull();
    expect(same.lines).toEqual([`unit #${u.id} unchanged\n`]);
  });

  it("reaches the unit commands from the menu: deactivating one asks which and confirms", async () => {
    const venue = await venueWith([{ name: { ru: "Корт 1", en: "Court 1" } }, { name: { ru: "Корт 2", en: "Court 2" } }]);
    const [, second] = venue.units;
    const r = await t.program([], {
      interactive: true,
      answers: [
        "venues",
        "venues units remove",
        String(venue.id),
        String(second),
        true,
        "venues units list",
        String(venue.id),
        "back",
        "quit",
      ],
    });
    expect(r.stderr).toBe("");
    expect(r.asked).toContain(
      `Deactivate unit #${second} Court 2 of venue #${venue.id} Unit Park? Players will no longer be able to book it; its bookings stand.`,
    );
    expect(r.stdout).toContain(`unit #${second} of venue #${venue.id} deactivated\n`);
    expect(r.stdout).toMatch(new RegExp(`^${second}\tCourt 2\t.*\tno$`, "m"));
  });

  describe("the day, unit by unit, and the bookings that hold them", () => {
    let venueId: number;
    let half: { a: number; b: number };
    let lanes: number;
    let full: number;
    beforeAll(async () => {
      const { ctx } = t.context();
      const v = await ctx.api.post(
        "/api/venues/",
        {
          name: { ru: "Комплекс", en: "Complex" },
          address: { ru: "ул. 10" },
          price_per_hour: "1000",
          opening_time: "09:00",
          closing_time: "13:00",
          units: [
            { name: { ru: "Половина A", en: "Half A" } },
            { name: { ru: "Половина B", en: "Half B" } },
            { name: { ru: "Дорожки", en: "Lanes" }, capacity: 4 },
          ],
        },
        VenueSchema,
      );
      venueId = v.id;
      const [a, b, l] = v.units.map((u) => u.id);
      half = { a: a!, b: b! };
      lanes = l!;
      full = (await perform(ctx, addUnitAction(ctx, String(venueId), { nameRu: "Всё поле", nameEn: "Full", contains: `${a},${b}` }))).id;
      const book = async (request: { unit_id: number; start_time: string; end_time: string; places?: number }) =>
        t.api.book((await t.api.tokensFor(nextPhone())).userId, { venue_id: venueId, booking_date: DAY, ...request });
      await book({ unit_id: half.a, start_time: "09:00", end_time: "10:00" });
      const whole = await book({ unit_id: full, start_time: "10:00", end_time: "11:00" });
      await ctx.api.patch(`/api/admin/bookings/${whole.id}/`, { status: "confirmed" }, AdminBookingDetailSchema);
      await book({ unit_id: lanes, start_time: "09:00", end_time: "11:00", places: 3 });
    });

    it("draws a grid of slots by units: a part's booking takes the whole, the whole's takes the parts, places count down", async () => {
      const { ctx, lines } = t.context();
      const view = await perform(ctx, availabilityAction(ctx, String(venueId), { date: DAY }));
      // the row of the venue stays as it was: free while some unit is
      expect(lines.slice(1, 5)).toEqual([
        "09:00 10:00 11:00 12:00 \n",
        "░░░░░ ░░░░░ ░░░░░ ░░░░░ \n",
        "░ free  ▒ pending  █ confirmed  · past  ─ closed\n",
        "free: 09:00-13:00\n",
      ]);
      expect(lines[5]).toBe("price per hour: 1\u00a0000.00\u00a0UZS\n");
      expect(lines.slice(6)).toEqual([
        `Time\t#${half.a} Half A\t#${half.b} Half B\t#${lanes} Lanes\t#${full} Full\n`,
        "09:00-10:00\tpending\tfree\t1 of 4 free\ttaken\n",
        "10:00-11:00\ttaken\ttaken\t1 of 4 free\tconfirmed\n",
        "11:00-12:00\tfree\tfree\t4 of 4 free\tfree\n",
        "12:00-13:00\tfree\tfree\t4 of 4 free\tfree\n",
      ]);
      expect(view.units.find((u) => u.id === full)?.slots.map((s) => s.state)).toEqual(["taken", "confirmed", "free", "free"]);

      const ru = t.context({ env: { VENUE_ADMIN_LANG: "ru" } });
      await perform(ru.ctx, availabilityAction(ru.ctx, String(venueId), { date: DAY }));
      expect(ru.lines.at(-4)).toBe("09:00-10:00\tожидает\tсвободно\tсвободно 1 из 4\tзанято\n");
    });

    it("--unit narrows the day to one unit, naming it", async () => {
      const r = await t.program(["venues", "availability", String(venueId), "--date", DAY, "--unit", String(half.b)]);
      expect(r.stderr).toBe("");
      expect(r.stdout.split("\n").slice(0, 4)).toEqual([
        expect.stringMatching(new RegExp(`^Complex \\(#${venueId}\\), Half B \\(#${half.b}\\), \\w{3} ${DAY}, open 09:00-13:00$`)),
        "09:00 10:00 11:00 12:00 ",
        "░░░░░ ▓▓▓▓▓ ░░░░░ ░░░░░ ",
        "░ free  ▒ pending  █ confirmed  ▓ taken  · past  ─ closed",
      ]);
      expect(r.stdout).not.toContain("Time\t");
      const lanesDay = await t.program(["venues", "availability", String(venueId), "--date", DAY, "--unit", String(lanes)]);
      expect(lanesDay.stdout).toContain(`Time\t#${lanes} Lanes\n09:00-10:00\t1 of 4 free\n`);
    });

    it("bookings name their unit and places, and list by unit", async () => {
      const byUnit = await t.program(["bookings", "list", "--unit", String(lanes)]);
      expect(byUnit.stderr).toBe("");
      const rows = byUnit.stdout.split("\n").slice(1).filter(Boolean);
      expect(byUnit.stdout.split("\n")[0]).toBe("ID\tVenue\tUnit\tPlayer\tDate\tTime\tTotal\tStatus");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(`\t#${venueId} Complex\t#${lanes} Lanes (3 places)\t`);
      const id = rows[0]!.split("\t")[0]!;
      const shown = await t.program(["bookings", "show", id]);
      expect(shown.stdout).toContain(`\nunit    #${lanes} Lanes (3 places)\n`);
      const part = await t.program(["bookings", "list", "--venue", String(venueId), "--unit", String(half.a)]);
      expect(part.stdout).toMatch(new RegExp(`\t#${half.a} Half A\t`));
      expect(part.stdout).not.toContain("places");
    });
  });
});
