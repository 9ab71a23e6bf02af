import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAction } from "../src/commands/auth/login.ts";
import { logoutAction } from "../src/commands/auth/logout.ts";
import { whoamiAction } from "../src/commands/auth/whoami.ts";
import { listBookingsAction } from "../src/commands/bookings/list.ts";
import { setStatusAction } from "../src/commands/bookings/set-status.ts";
import { showBookingAction } from "../src/commands/bookings/show.ts";
import { exportVenuesAction } from "../src/commands/transfer/export.ts";
import { importVenuesAction } from "../src/commands/transfer/import.ts";
import type { ImportRow } from "../src/commands/transfer/import.ts";
import { changeUserAction } from "../src/commands/users/change.ts";
import { listUsersAction } from "../src/commands/users/list.ts";
import { availabilityAction } from "../src/commands/venues/availability.ts";
import { createVenueAction } from "../src/commands/venues/create.ts";
import { deleteVenueAction } from "../src/commands/venues/delete.ts";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { imagesAction } from "../src/commands/venues/images.ts";
import { listVenuesAction } from "../src/commands/venues/list.ts";
import { showVenueAction } from "../src/commands/venues/show.ts";
import { translateVenueAction } from "../src/commands/venues/translate.ts";
import { updateVenueAction } from "../src/commands/venues/update.ts";
import { ApiError, CliError } from "../src/errors.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const DAY = addDays(localDateTime(new Date()).date, 3);

describe("CLI action functions against an in-process API", () => {
  let t: CliHarness;
  let venueId: number;
  beforeAll(async () => {
    t = await startCliHarness();
    const { ctx } = t.context();
    venueId = (
      await perform(
        ctx,
        createVenueAction(ctx, {
          nameRu: "Арена CLI",
          nameEn: "CLI Arena",
          addressRu: "ул. Командная, 5",
          price: "200000",
          amenitiesRu: "Душ,Парковка",
        }),
      )
    ).id;
  });
  afterAll(async () => t.close());

  describe("login, whoami, logout", () => {
    it("logs in with phone and code prompts, stores tokens 0600, refreshes an expired access token", async () => {
      const phone = nextPhone();
      t.api.deps.config.adminPhones.push(phone);
      const { ctx, lines } = t.context({ token: null, interactive: true, answers: [phone] });
      // the code is asked after send-otp; answer it from the SMS stand-in
      const prompter = ctx.prompter;
      let asked = 0;
      ctx.prompter = {
        ...prompter,
        input: async (o) => (asked++ === 0 ? prompter.input(o) : t.api.sms.lastCode(phone)!),
      };
      const user = await perform(ctx, loginAction(ctx, {}));
      expect(user).toMatchObject({ phone, is_admin: true });
      expect(lines.join("")).toContain(`signed in as ${phone} (admin)`);
      expect(statSync(ctx.credentials.file).mode & 0o777).toBe(0o600);
      const me = await perform(ctx, whoamiAction(ctx));
      expect(me.phone).toBe(phone);

      // an access token that no longer works is refreshed from the stored refresh token
      const stored = ctx.credentials.read()!;
      ctx.credentials.write({ ...stored, access: "expired.garbage.token" });
      expect((await perform(ctx, whoamiAction(ctx), true)).phone).toBe(phone);
      expect(ctx.credentials.read()!.refresh).not.toBe(stored.refresh);

      const before = ctx.credentials.read()!;
      expect(await perform(ctx, logoutAction(ctx), true)).toEqual({ signed_out: true, revoked: true });
      expect(ctx.credentials.read()).toBeUndefined();
      // the API ended the sign-in too: the refresh token the CLI held no longer works
      const refresh = await t.api.request("/api/auth/refresh/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh: before.refresh }),
      });
      expect(refresh.status).toBe(401);
      await expect(whoamiAction(ctx)).rejects.toThrow(/not signed in/);
    });

    it("without a terminal: sends the code, then verifies with --code", async () => {
      const phone = nextPhone();
      const { ctx, lines } = t.context({ token: null });
      expect(await perform(ctx, loginAction(ctx, { phone }))).toBeUndefined();
      expect(lines.join("")).toContain("--code");
      const user = await perform(ctx, loginAction(ctx, { phone, code: t.api.sms.lastCode(phone)! }));
      expect(user?.is_admin).toBe(false);
      await expect(loginAction(t.context({ token: null }).ctx, {})).rejects.toThrow("missing --phone");
      await expect(loginAction(t.context({ token: null }).ctx, { phone: "123" })).rejects.toThrow(/invalid --phone/);
      await expect(loginAction(ctx, { phone, code: "000000" })).rejects.toBeInstanceOf(ApiError);
    });
  });

  describe("venues", () => {
    it("lists with filters and shows all languages", async () => {
      const { ctx, lines } = t.context();
      const page = await perform(ctx, listVenuesAction(ctx, { search: "арена cli", minPrice: "100000", maxPrice: "300000" }));
      expect(page.results.map((v) => v.id)).toEqual([venueId]);
      expect(lines.join("")).toMatch(/CLI Arena.*200000\.00.*09:00-22:00/);
      await expect(listVenuesAction(ctx, { minPrice: "5", maxPrice: "1" })).rejects.toThrow(/--min-price/);
      await expect(listVenuesAction(ctx, { minPrice: "-1" })).rejects.toThrow(/invalid --min-price/);
      const shown = t.context();
      const v = await perform(shown.ctx, showVenueAction(shown.ctx, String(venueId)));
      expect(v.name).toMatchObject({ ru: "Арена CLI", en: "CLI Arena" });
      expect(shown.lines.join("")).toMatch(/name.*Арена CLI.*CLI Arena/);
      await expect(showVenueAction(ctx, "abc")).rejects.toThrow("invalid id: abc");
      await expect(showVenueAction(ctx, "999999")).rejects.toThrow(/Venue not found/);
    });

    it("create checks input with the contract's schemas before sending", async () => {
      const { ctx } = t.context();
      await expect(createVenueAction(ctx, { nameRu: "X", addressRu: "Y", price: "0" })).rejects.toThrow(
        /^invalid venue: price_per_hour: The price must be greater than zero$/,
      );
      await expect(
        createVenueAction(ctx, { nameRu: "X", addressRu: "Y", price: "10", opening: "24:30", closing: "10:00" }),
      ).rejects.toThrow(/^invalid venue: opening_time: Invalid time/);
      await expect(createVenueAction(ctx, { nameRu: "X", addressRu: "Y", price: "10", images: "ftp://x" })).rejects.toThrow(/images\.0/);
      await expect(createVenueAction(ctx, { nameRu: "X", price: "10" })).rejects.toThrow("missing --address-ru");
    });

    it("create asks for just the missing values on a terminal", async () => {
      const { ctx, asked } = t.context({ interactive: true, answers: ["", "Prompted Pitch", "ул. Вопросов, 1", "99.99"] });
      const v = await perform(ctx, createVenueAction(ctx, { nameRu: "Поле с вопросами" }));
      expect(asked).toEqual([
        "Name (Uzbek, optional):",
        "Name (English, optional):",
        "Address (Russian):",
        "Price per hour (UZS, e.g. 150000.00):",
      ]);
      expect((await getVenueAll(ctx, v.id)).name).toEqual({ ru: "Поле с вопросами", en: "Prompted Pitch" });
    });

    it("updates some fields, merging languages with what is there", async () => {
      const { ctx } = t.context();
      await perform(ctx, updateVenueAction(ctx, String(venueId), { nameUz: "CLI arenasi", price: "250000", closing: "23:00" }));
      const v = await getVenueAll(ctx, venueId);
      expect(v).toMatchObject({
        name: { ru: "Арена CLI", uz: "CLI arenasi", en: "CLI Arena" },
        price_per_hour: "250000.00",
        closing_time: "23:00",
      });
      await expect(updateVenueAction(ctx, String(venueId), {})).rejects.toThrow(/nothing to change/);
      // a closing at or before the opening is after midnight; a day too short for one slot is refused
      await expect(updateVenueAction(ctx, String(venueId), { closing: "09:30" })).rejects.toThrow(/INVALID_HOURS/);
    });

    it("translates one language, amenities by position", async () => {
      const { ctx } = t.context();
      const v = await perform(
        ctx,
        translateVenueAction(ctx, String(venueId), { lang: "en", description: "A pitch for the CLI", amenities: "Shower, Parking" }),
      );
      expect(v.description.en).toBe("A pitch for the CLI");
      expect(v.amenities).toEqual([
        { ru: "Душ", en: "Shower" },
        { ru: "Парковка", en: "Parking" },
      ]);
      await expect(translateVenueAction(ctx, String(venueId), { lang: "fr", name: "x" })).rejects.toThrow(/--lang/);
      await expect(translateVenueAction(ctx, String(venueId), { lang: "uz" })).rejects.toThrow(/nothing to translate/);
    });

    it("adds and removes images", async () => {
      const { ctx } = t.context();
      expect(
        await perform(ctx, imagesAction(ctx, "add", String(venueId), ["https://img.example.uz/1.jpg", "https://img.example.uz/2.jpg"])),
      ).toEqual(["https://img.example.uz/1.jpg", "https://img.example.uz/2.jpg"]);
      expect(await perform(ctx, imagesAction(ctx, "remove", String(venueId), ["https://img.example.uz/1.jpg"]))).toEqual([
        "https://img.example.uz/2.jpg",
      ]);
      await expect(imagesAction(ctx, "add", String(venueId), ["not a url"])).rejects.toThrow(/images/);
    });

    it("draws availability as a row of cells, each with its state and its minutes", async () => {
      const { ctx, lines } = t.context();
      await t.api.book((await t.api.tokensFor(nextPhone())).userId, {
        venue_id: venueId,
        booking_date: DAY,
        start_time: "10:00",
        end_time: "12:00",
      });
      const day = await perform(ctx, availabilityAction(ctx, String(venueId), { date: DAY }));
      expect(day.slots.filter((s) => !s.available).map((s) => s.start_time)).toEqual(["10:00", "11:00"]);
      expect(day.slots.slice(0, 4).map((s) => s.state)).toEqual(["free", "pending", "pending", "free"]);
      const text = lines.join("");
      expect(text).toContain("09:00 10:00 11:00 12:00");
      expect(text).toContain("░░░░░ ▒▒▒▒▒ ▒▒▒▒▒ ░░░░░");
      expect(text).toContain("free: 09:00-10:00, 12:00-23:00");
      await expect(availabilityAction(ctx, String(venueId), { date: "2026-02-30" })).rejects.toThrow(/--date/);
    });

    it("delete asks for confirmation, or needs --yes without a terminal", async () => {
      const id = (await createVenueAction(t.context().ctx, { nameRu: "Удаляемое", addressRu: "x", price: "1" })).data.id;
      await expect(deleteVenueAction(t.context().ctx, String(id), {})).rejects.toThrow(/--yes/);
      expect((await deleteVenueAction(t.context({ interactive: true, answers: [false] }).ctx, String(id), {})).data).toBe(false);
      expect((await deleteVenueAction(t.context({ interactive: true, answers: [true] }).ctx, String(id), {})).data).toBe(true);
      expect((await getVenueAll(t.context().ctx, id)).is_active).toBe(false);
      const { ctx } = t.context();
      const withInactive = await perform(ctx, listVenuesAction(ctx, { search: "Удаляемое", inactive: true }));
      expect(withInactive.results.map((v) => v.id)).toEqual([id]);
    });
  });

  describe("bookings", () => {
    let bookingId: number;
    let playerPhone: string;
    beforeAll(async () => {
      playerPhone = nextPhone();
      const { userId } = await t.api.tokensFor(playerPhone);
      bookingId = (await t.api.book(userId, { venue_id: venueId, booking_date: DAY, start_time: "18:00", end_time: "20:00" })).id;
    });

    it("lists with filters, shows one, and moves it along the machine", async () => {
      const { ctx, lines } = t.context();
      const page = await perform(ctx, listBookingsAction(ctx, { phone: playerPhone, status: "pending" }));
      expect(page.results.map((b) => b.id)).toEqual([bookingId]);
      expect(lines.join("")).toMatch(new RegExp(`${bookingId}.*\\${playerPhone}.*18:00-20:00.*500000\\.00.*pending`));
      expect((await perform(ctx, listBookingsAction(ctx, { venue: String(venueId), date: DAY }))).count).toBe(2);
      await expect(listBookingsAction(ctx, { status: "lost" })).rejects.toThrow(/--status/);
      await expect(listBookingsAction(ctx, { date: "21.11.2026" })).rejects.toThrow(/--date/);

      expect((await perform(ctx, setStatusAction(ctx, String(bookingId), "confirmed", { reason: "paid" })))?.status).toBe("confirmed");
      await expect(setStatusAction(ctx, String(bookingId), "pending", {})).rejects.toThrow(/cannot become pending.*BAD_TRANSITION/);
      await expect(setStatusAction(ctx, String(bookingId), "lost", {})).rejects.toThrow(/invalid status/);
      const shown = t.context();
      const b = await perform(shown.ctx, showBookingAction(shown.ctx, String(bookingId)));
      expect(b.history?.map((e) => e.to_status)).toEqual(["pending", "confirmed"]);
      expect(shown.lines.join("")).toMatch(/pending.*confirmed.*admin #\d+.*paid/s);
    });
  });

  describe("users", () => {
    it("lists, searches, and changes flags by phone or id", async () => {
      const phone = nextPhone();
      const { userId } = await t.api.tokensFor(phone);
      const { ctx } = t.context();
      expect((await perform(ctx, listUsersAction(ctx, { search: phone }))).results.map((u) => u.id)).toEqual([userId]);
      expect(await perform(ctx, changeUserAction(ctx, "deactivate", phone, { yes: true }))).toMatchObject({ id: userId, is_active: false });
      expect(await perform(ctx, changeUserAction(ctx, "activate", String(userId)))).toMatchObject({ is_active: true });
      expect(await perform(ctx, changeUserAction(ctx, "promote", phone, { yes: true }))).toMatchObject({ is_admin: true });
      expect(await perform(ctx, changeUserAction(ctx, "demote", phone, { yes: true }))).toMatchObject({ is_admin: false });
      await t.api.deps.repos.users.update(userId, { isVerified: false });
      expect(await perform(ctx, changeUserAction(ctx, "verify", phone))).toMatchObject({ is_verified: true });
      await expect(changeUserAction(ctx, "verify", "+998000000009")).rejects.toThrow(/no user with phone/);
      await expect(changeUserAction(ctx, "verify", "bob")).rejects.toThrow(/not a user id or a phone/);
    });
  });

  describe("import and export", () => {
    it("imports JSON and CSV with a per-row report; --dry-run sends nothing", async () => {
      const json = join(t.configDir, "venues.json");
      writeFileSync(
        json,
        JSON.stringify([
          { name: { ru: "Импорт 1", en: "Import 1" }, address: { ru: "ул. 1" }, price_per_hour: "100000.00" },
          { name: { en: "No Russian" }, address: { ru: "ул. 2" }, price_per_hour: "100000.00" },
          { name: { ru: "Импорт 3" }, address: { ru: "ул. 3" }, price_per_hour: "-1" },
        ]),
      );
      const dry = t.context();
      await expect(perform(dry.ctx, importVenuesAction(dry.ctx, json, { dryRun: true }), true)).rejects.toBeInstanceOf(CliError);
      const report = JSON.parse(dry.lines.join("")) as ImportRow[];
      expect(report.map((r) => r.result)).toEqual(["created", "invalid", "invalid"]);
      expect(report[1]?.message).toContain("name.ru");
      expect((await listVenuesAction(t.context().ctx, { search: "Импорт" })).data.count).toBe(0);

      const csv = join(t.configDir, "venues.csv");
      writeFileSync(
        csv,
        "name_ru,name_en,address_ru,price_per_hour,opening_time,closing_time,amenities_ru,amenities_en,images\n" +
          'Импорт CSV,CSV Import,"ул. Запятая, 7",150000,08:00,20:00,Душ|Кафе,Shower|Cafe,https://a.uz/1.jpg|https://a.uz/2.jpg\n' +
          '"Импорт ""Кавычки""",,ул. 9,99.99,,,,,\n',
      );
      const run = t.context();
      const rows = await perform(run.ctx, importVenuesAction(run.ctx, csv, {}));
      expect(rows.map((r) => r.result)).toEqual(["created", "created"]);
      const v = await getVenueAll(run.ctx, rows[0]!.id!);
      expect(v).toMatchObject({
        name: { ru: "Импорт CSV", en: "CSV Import" },
        address: { ru: "ул. Запятая, 7" },
        opening_time: "08:00",
        closing_time: "20:00",
        amenities: [
          { ru: "Душ", en: "Shower" },
          { ru: "Кафе", en: "Cafe" },
        ],
        images: ["https://a.uz/1.jpg", "https://a.uz/2.jpg"],
      });
      expect((await getVenueAll(run.ctx, rows[1]!.id!)).name.ru).toBe('Импорт "Кавычки"');
      await expect(importVenuesAction(run.ctx, join(t.configDir, "missing.json"), {})).rejects.toThrow(/cannot read/);
    });

    it("exports every venue as JSON and CSV that import again", async () => {
      const { ctx } = t.context();
      const json = JSON.parse(await perform(ctx, exportVenuesAction(ctx, { format: "json" }))) as { name: { ru: string } }[];
      const total = (await listVenuesAction(t.context().ctx, { inactive: true })).data.count;
      expect(json).toHaveLength(total);
      expect(json.map((v) => v.name.ru)).toContain("Арена CLI");
      const csv = (await exportVenuesAction(t.context().ctx, { format: "csv" })).data;
      expect(csv.split("\n")[0]).toBe(
        "id,slug,name_uz,name_ru,name_en,address_uz,address_ru,address_en,description_uz,description_ru,description_en,amenities_uz,amenities_ru,amenities_en,price_per_hour,opening_time,closing_time,images,is_active",
      );
      const file = join(t.configDir, "roundtrip.csv");
      writeFileSync(file, csv);
      const check = t.context();
      const report = await perform(check.ctx, importVenuesAction(check.ctx, file, { dryRun: true }));
      expect(report.every((r) => r.result === "unchanged")).toBe(true);
      await expect(exportVenuesAction(ctx, { format: "xml" })).rejects.toThrow(/--format/);
    });
  });
});
