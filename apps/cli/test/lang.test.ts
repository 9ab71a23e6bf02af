// What the common commands say they did, in VENUE_ADMIN_LANG; English stays the default and --json
// is the same data in every language.
import { VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logoutAction } from "../src/commands/auth/logout.ts";
import { setStatusAction } from "../src/commands/bookings/set-status.ts";
import { changeUserAction } from "../src/commands/users/change.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const DAY = addDays(localDateTime(new Date()).date, 5);

describe("result lines in the admin's language", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  it("venues: created, updated, images, translation saved, deactivated", async () => {
    const ru = { VENUE_ADMIN_LANG: "ru" };
    const created = await t.program(["venues", "create", "--name-ru", "Поле слов", "--address-ru", "ул. 1", "--price", "1000"], {
      env: ru,
    });
    expect(created.stderr).toBe("");
    const id = /^создана площадка #(\d+) Поле слов\n$/.exec(created.stdout)?.[1];
    expect(id, created.stdout).toBeDefined();
    expect((await t.program(["venues", "update", id!, "--price", "2000"], { env: ru })).stdout).toBe(
      `площадка #${id} Поле слов изменена\n`,
    );
    expect((await t.program(["venues", "images", "add", id!, "https://x.test/a.jpg"], { env: { VENUE_ADMIN_LANG: "uz" } })).stdout).toBe(
      `#${id} maydonida 1 ta rasm:\n  https://x.test/a.jpg\n`,
    );
    expect((await t.program(["venues", "translate", id!, "--lang", "en", "--name", "Word field"], { env: ru })).stdout).toBe(
      `площадка #${id}: перевод (en) сохранён (name)\n`,
    );
    expect((await t.program(["venues", "delete", id!, "--yes"], { env: ru })).stdout).toBe(`площадка #${id} отключена\n`);
    // --json does not change with the language
    const json = await t.program(["venues", "show", id!, "--json"], { env: ru });
    expect(JSON.parse(json.stdout)).toMatchObject({ id: Number(id), is_active: false });
  });

  it("users: the changed flags, or unchanged", async () => {
    const phone = nextPhone();
    const { userId } = await t.api.tokensFor(phone);
    const r = await t.program(["users", "verify", phone], { env: { VENUE_ADMIN_LANG: "ru" } });
    expect(r.stdout).toBe(`пользователь #${userId} ${phone}: активен — да, подтверждён — да, администратор — нет\n`);
    const no = t.context({ interactive: true, answers: [false], env: { VENUE_ADMIN_LANG: "uz" } });
    await perform(no.ctx, changeUserAction(no.ctx, "promote", phone));
    expect(no.lines.join("")).toBe(`#${userId} foydalanuvchi o'zgarishsiz\n`);
  });

  it("bookings: the new status question and the result", async () => {
    const { ctx } = t.context();
    const venue = await ctx.api.post(
      "/api/venues/",
      { name: { ru: "Поле статусов" }, address: { ru: "ул. 2" }, price_per_hour: "1000" },
      VenueSchema,
    );
    const { userId } = await t.api.tokensFor(nextPhone());
    const b = await t.api.book(userId, { venue_id: venue.id, booking_date: DAY, start_time: "10:00", end_time: "11:00" });
    const c = t.context({ interactive: true, answers: ["confirmed"], env: { VENUE_ADMIN_LANG: "ru" } });
    await perform(c.ctx, setStatusAction(c.ctx, String(b.id), undefined, {}));
    expect(c.asked).toEqual([`Бронирование #${b.id}: pending; новый статус:`]);
    expect(c.lines.join("")).toBe(`бронирование #${b.id} теперь: confirmed\n`);
  });

  it("lists: headers, yes/no and the empty remark", async () => {
    const { ctx } = t.context();
    const venue = await ctx.api.post(
      "/api/venues/",
      { name: { ru: "Поле таблиц" }, address: { ru: "ул. 3" }, price_per_hour: "1000" },
      VenueSchema,
    );
    const phone = nextPhone();
    const { userId } = await t.api.tokensFor(phone);
    await t.api.book(userId, { venue_id: venue.id, booking_date: DAY, start_time: "12:00", end_time: "13:00" });
    const ru = { env: { VENUE_ADMIN_LANG: "ru" } };

    const venues = (await t.program(["venues", "list", "--search", "Поле таблиц"], ru)).stdout;
    expect(venues).toMatch(/ID\s+Название\s+Цена\/ч\s+Часы\s+Активна/);
    expect(venues).toMatch(/Поле таблиц.*\sда/);
    const bookings = (await t.program(["bookings", "list", "--venue", String(venue.id)], ru)).stdout;
    expect(bookings).toMatch(/ID\s+Площадка\s+Игрок\s+Дата\s+Время\s+Сумма\s+Статус/);
    expect(bookings).toContain(phone);
    const users = (await t.program(["users", "list", "--search", phone], { env: { VENUE_ADMIN_LANG: "uz" } })).stdout;
    expect(users).toMatch(/ID\s+Telefon\s+Ism\s+Faol\s+Tasdiqlangan\s+Admin\s+Qo'shilgan/);
    expect(users).toMatch(new RegExp(`${phone.replace("+", "\\+")}.*\\sha\\s`));
    const none = await t.program(["venues", "list", "--search", "нет такого поля"], ru);
    expect(none.stdout + none.stderr).toContain("подходящих площадок нет");
    // English stays the default
    expect((await t.program(["venues", "list", "--search", "Поле таблиц"])).stdout).toMatch(/ID\s+Name\s+Price\/h\s+Hours\s+Active/);
  });

  it("logout: not signed in", async () => {
    const c = t.context({ token: null, env: { VENUE_ADMIN_LANG: "uz", VENUE_ADMIN_CONFIG_DIR: `${t.configDir}/lang-logout` } });
    await perform(c.ctx, logoutAction(c.ctx));
    expect(c.lines.join("")).toBe("kirilmagan\n");
  });
});
