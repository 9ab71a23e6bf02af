// Editing a venue's texts from flags and prompts: amenities travel as whole {ru, uz, en} items, a
// translation pairs one text with each Russian amenity or is refused, and each typed answer is
// checked as it is typed.
import { VenueSchema } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVenueAction } from "../src/commands/venues/create.ts";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { translateVenueAction } from "../src/commands/venues/translate.ts";
import { updateVenueAction } from "../src/commands/venues/update.ts";
import { EXIT } from "../src/exit-codes.ts";
import type { Prompter } from "../src/prompts.ts";
import { perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const AMENITIES = [
  { ru: "Душ", uz: "Dush", en: "Shower" },
  { ru: "Раздевалки", uz: "Kiyinish xonalari", en: "Changing rooms" },
  { ru: "Парковка", uz: "Avtoturargoh", en: "Parking" },
];

describe("editing a venue's texts", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  const venueWith = async (amenities: { ru: string; uz?: string; en?: string }[]) =>
    (
      await t
        .context()
        .ctx.api.post(
          "/api/venues/",
          { name: { ru: "Поле удобств" }, address: { ru: "ул. Удобств, 1" }, price_per_hour: "1000", amenities },
          VenueSchema,
        )
    ).id;

  describe("a new Russian list of amenities", () => {
    it("keeps each item's translations with its Russian text, drops removed ones, leaves new ones untranslated", async () => {
      const id = await venueWith(AMENITIES);
      const { ctx } = t.context();
      await perform(ctx, updateVenueAction(ctx, String(id), { amenitiesRu: "Освещение, парковка ,Душ" }));
      expect((await getVenueAll(ctx, id)).amenities).toEqual([
        { ru: "Освещение" },
        { ru: "парковка", uz: "Avtoturargoh", en: "Parking" },
        { ru: "Душ", uz: "Dush", en: "Shower" },
      ]);
    });

    it("takes repeated --amenity-ru flags, whose items may hold commas, through the command line", async () => {
      const id = await venueWith(AMENITIES);
      const r = await t.program([
        "venues",
        "update",
        String(id),
        "--amenity-ru",
        "Кафе, бар",
        "--amenity-ru",
        "Душ",
        "--amenity-en",
        "Cafe, bar",
        "--amenity-en",
        "Shower room",
      ]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(EXIT.OK);
      expect((await getVenueAll(t.context().ctx, id)).amenities).toEqual([
        { ru: "Кафе, бар", en: "Cafe, bar" },
        { ru: "Душ", uz: "Dush", en: "Shower room" },
      ]);
      const both = await t.program(["venues", "update", String(id), "--amenities-ru", "A", "--amenity-ru", "B"]);
      expect(both.code).toBe(EXIT.USAGE);
      expect(both.stderr).toBe("error: use --amenities-ru or --amenity-ru, not both\n");
    });

    it("pairs translations given on create with the Russian items, refusing a different count", async () => {
      const { ctx } = t.context();
      const flags = { nameRu: "Новое поле", addressRu: "ул. 1", price: "1000", amenityRu: ["Кафе, бар", "Душ"] };
      const v = await perform(ctx, createVenueAction(ctx, { ...flags, amenitiesUz: "Kafe bar,Dush" }));
      expect((await getVenueAll(ctx, v.id)).amenities).toEqual([
        { ru: "Кафе, бар", uz: "Kafe bar" },
        { ru: "Душ", uz: "Dush" },
      ]);
      await expect(createVenueAction(ctx, { ...flags, amenitiesEn: "Cafe, bar, Shower" })).rejects.toThrow(
        /--amenities-en gave 3 amenities, but the venue has 2 Russian one\(s\): Кафе, бар \| Душ/,
      );
    });
  });

  describe("venues translate --amenities", () => {
    it("refuses a count that differs from the Russian amenities, and changes nothing", async () => {
      const id = await venueWith(AMENITIES);
      const { ctx } = t.context();
      for (const amenities of ["Dush, Kafe", "Dush, Kiyinish, Avto, Qo'shimcha"]) {
        await expect(translateVenueAction(ctx, String(id), { lang: "uz", name: "Qulay maydon", amenities })).rejects.toThrow(
          /--amenities gave \d amenities, but the venue has 3 Russian one\(s\): Душ \| Раздевалки \| Парковка; give one for each, in that order/,
        );
      }
      const v = await getVenueAll(ctx, id);
      expect(v.amenities).toEqual(AMENITIES);
      expect(v.name.uz ?? null).toBeNull();
    });

    it("takes repeated --amenity flags with commas inside, and an empty text removes one translation", async () => {
      const id = await venueWith(AMENITIES);
      const r = await t.program([
        "venues",
        "translate",
        String(id),
        "--lang",
        "en",
        "--amenity",
        "Shower, hot",
        "--amenity",
        "",
        "--amenity",
        "Car park",
      ]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(EXIT.OK);
      expect((await getVenueAll(t.context().ctx, id)).amenities).toEqual([
        { ru: "Душ", uz: "Dush", en: "Shower, hot" },
        { ru: "Раздевалки", uz: "Kiyinish xonalari" },
        { ru: "Парковка", uz: "Avtoturargoh", en: "Car park" },
      ]);
      const mismatch = await t.program(["venues", "translate", String(id), "--lang", "en", "--amenity", "Shower"]);
      expect(mismatch.code).toBe(EXIT.USAGE);
      expect(mismatch.stderr).toMatch(/^error: --amenity gave 1 amenity, but the venue has 3 Russian one\(s\)/);
    });

    it("checks the count as the amenities are typed at the prompt", async () => {
      const id = await venueWith(AMENITIES.slice(0, 2));
      const { ctx, rejected } = reAsking(t, ["Ism", "Manzil", "Tavsif", "Dush", "Dush, Kiyinish"]);
      const v = await perform(ctx, translateVenueAction(ctx, String(id), { lang: "uz" }));
      expect(rejected).toEqual([
        ["Amenities (uz, comma-separated, in the order: Душ, Раздевалки):", "2 item(s), one for each of: Душ, Раздевалки"],
      ]);
      expect(v.amenities.map((a) => a.uz)).toEqual(["Dush", "Kiyinish"]);
    });
  });

  describe("interactive create", () => {
    it("asks again at once when a required answer is empty or wrong, and keeps the others", async () => {
      const { ctx, rejected, asked } = reAsking(t, ["", "   ", "Поле с проверкой", "", "", "ул. Проверок, 2", "0", "20000000", "120000"]);
      const v = await perform(ctx, createVenueAction(ctx, {}));
      expect(rejected).toEqual([
        ["Name (Russian):", "required"],
        ["Name (Russian):", "required"],
        ["Price per hour (UZS, e.g. 150000.00):", "The price must be greater than zero"],
        ["Price per hour (UZS, e.g. 150000.00):", expect.stringMatching(/^The price per hour must be at most \d/)],
      ]);
      expect(asked.filter((q) => q === "Address (Russian):")).toHaveLength(1);
      expect(await getVenueAll(ctx, v.id)).toMatchObject({
        name: { ru: "Поле с проверкой" },
        address: { ru: "ул. Проверок, 2" },
        price_per_hour: "120000.00",
      });
    });

    it("checks an optional answer's length with the contract, and lets it be empty", async () => {
      const { ctx, rejected } = reAsking(t, ["Длинное поле", "x".repeat(201), "", "", "ул. 3", "1000"]);
      await perform(ctx, createVenueAction(ctx, {}));
      expect(rejected.map(([q]) => q)).toEqual(["Name (Uzbek, optional):"]);
    });

    it("says what is wrong with an answer in the admin's language", async () => {
      const answers = ["", "Поле на языке", "", "", "ул. Языков, 4", "0", "130000"];
      const ru = reAsking(t, answers, { VENUE_ADMIN_LANG: "ru" });
      await perform(ru.ctx, createVenueAction(ru.ctx, {}));
      expect(ru.rejected.map(([, why]) => why)).toEqual(["обязательно", "Цена должна быть больше нуля"]);
      const uz = reAsking(t, answers, { VENUE_ADMIN_LANG: "uz" });
      await perform(uz.ctx, createVenueAction(uz.ctx, {}));
      expect(uz.rejected.map(([, why]) => why)).toEqual(["majburiy", "Narx noldan katta bo'lishi kerak"]);
    });
  });
});

/**
 * A person at a terminal, as inquirer treats them: an answer the question's check refuses is shown
 * the reason and asked again; `rejected` lists each question and reason.
 */
function reAsking(t: CliHarness, answers: string[], env: Record<string, string> = {}) {
  const { ctx } = t.context({ interactive: true, env });
  const queue = [...answers];
  const rejected: [string, string][] = [];
  const asked: string[] = [];
  const input: Prompter["input"] = async (o) => {
    for (;;) {
      asked.push(o.message);
      const typed = queue.shift();
      if (typed === undefined) throw new Error(`unexpected question: ${o.message}`);
      const answer = typed === "" && o.default !== undefined ? o.default : typed;
      const ok = o.validate?.(answer) ?? true;
      if (ok === true) return answer;
      rejected.push([o.message, ok]);
    }
  };
  ctx.prompter = { ...ctx.prompter, input };
  return { ctx, rejected, asked };
}
