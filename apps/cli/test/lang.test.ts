// What the common commands say they did, in VENUE_ADMIN_LANG; English stays the default and --json
// is the same data in every language.
import { UserSchema, VenueSchema } from "@venue-booking/contract";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logoutAction } from "../src/commands/auth/logout.ts";
import { setStatusAction } from "../src/commands/bookings/set-status.ts";
import { changeUserAction } from "../src/commands/users/change.ts";
import { translateVenueAction } from "../src/commands/venues/translate.ts";
import { EXIT } from "../src/exit-codes.ts";
import { createOutput } from "../src/output.ts";
import { pageNote } from "../src/pages.ts";
import { handleError } from "../src/runner.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

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
    expect(bookings).toMatch(/ID\s+Площадка\s+Объект\s+Игрок\s+Дата\s+Время\s+Сумма\s+Статус/);
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

describe("the remark under a list and the failure line", () => {
  const page = { count: 25, next: "x", previous: null, results: [1, 2] };
  it("the page line", () => {
    const one = { page: 2, limit: undefined, follow: false };
    expect(pageNote(page, one, "en", "venue")).toBe("25 venue(s), page 2 of 3 (next: --page 3, or --all)");
    expect(pageNote(page, one, "ru", "venue")).toBe("площадки: 25, страница 2 из 3 (дальше: --page 3 или --all)");
    expect(pageNote({ ...page, next: null }, one, "uz", "user")).toBe("foydalanuvchilar: 25 ta, 3 sahifadan 2-sahifa");
    const all = { page: undefined, limit: 2, follow: true };
    expect(pageNote(page, all, "en", "booking")).toBe("2 of 25 booking(s)");
    expect(pageNote(page, all, "ru", "booking")).toBe("бронирования: 2 из 25");
  });

  it("error: and cancelled; English when VENUE_ADMIN_LANG is unset or wrong", async () => {
    const run = (e: unknown, env: Record<string, string | undefined>) => {
      const err: string[] = [];
      let code = -1;
      const out = createOutput({ write: () => {}, writeErr: () => {}, isTTY: false, env: { NO_COLOR: "1" } });
      handleError(e, { writeErr: (s) => err.push(s), out, setExitCode: (c) => (code = c), env });
      return { stderr: err.join(""), code };
    };
    const cancel = Object.assign(new Error("x"), { name: "ExitPromptError" });
    expect(run(cancel, { VENUE_ADMIN_LANG: "ru" })).toEqual({ stderr: "отменено\n", code: EXIT.INTERRUPTED });
    expect(run(cancel, { VENUE_ADMIN_LANG: "uz" }).stderr).toBe("bekor qilindi\n");
    expect(run(cancel, {}).stderr).toBe("cancelled\n");
    expect(run(new Error("boom"), { VENUE_ADMIN_LANG: "ru" })).toEqual({ stderr: "ошибка: boom\n", code: EXIT.FAILURE });
    expect(run(new Error("boom"), { VENUE_ADMIN_LANG: "de" }).stderr).toBe("error: boom\n");
    const r = await runInProcess(["venues", "show", "0"], undefined, { VENUE_ADMIN_LANG: "uz" });
    expect(r.stderr).toBe("xato: noto'g'ri (raqam): 0\n");
    expect(r.code).toBe(EXIT.USAGE);
  });

  it("users: not an id or a phone", async () => {
    const r = await runInProcess(["users", "verify", "abc"], undefined, { VENUE_ADMIN_LANG: "ru" });
    expect(r.stderr).toBe("ошибка: это не номер пользователя и не телефон (+998XXXXXXXXX): abc\n");
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.requests).toEqual([]);
    expect((await runInProcess(["users", "verify", "abc"])).stderr).toBe("error: not a user id or a phone (+998XXXXXXXXX): abc\n");
  });
});

describe("venues translate and users against the API, in the admin's language", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  it("translate: the questions, nothing to translate, the amenity count", async () => {
    const { ctx } = t.context();
    const venue = await ctx.api.post(
      "/api/venues/",
      { name: { ru: "Поле переводов" }, address: { ru: "ул. 4" }, price_per_hour: "1000", amenities: [{ ru: "душ" }, { ru: "свет" }] },
      VenueSchema,
    );
    const c = t.context({ interactive: true, answers: ["Tarjima", "4-ko'cha", "", "dush"], env: { VENUE_ADMIN_LANG: "ru" } });
    await expect(perform(c.ctx, translateVenueAction(c.ctx, String(venue.id), { lang: "uz" }))).rejects.toThrow(
      /: 2 шт\., по одному для каждого из: душ, свет$/,
    );
    expect(c.asked).toEqual(["Название (uz):", "Адрес (uz):", "Описание (uz):", "Удобства (uz, через запятую, в порядке: душ, свет):"]);
    const ru = { VENUE_ADMIN_LANG: "ru" };
    const none = await t.program(["venues", "translate", String(venue.id), "--lang", "en"], { env: ru });
    expect(none.stderr).toBe("ошибка: нечего переводить: укажите --name, --address, --description, --amenities или --amenity\n");
    const count = await t.program(["venues", "translate", String(venue.id), "--lang", "en", "--amenity", "shower"], { env: ru });
    expect(count.stderr).toBe(
      "ошибка: --amenity: указано удобств — 1, а у площадки на русском — 2: душ | свет; укажите по одному для каждого, в том же порядке\n",
    );
  });

  it("users: no such phone, and not to oneself", async () => {
    const uz = { VENUE_ADMIN_LANG: "uz" };
    const phone = nextPhone();
    expect((await t.program(["users", "verify", phone], { env: uz })).stderr).toBe(`xato: ${phone} telefonli foydalanuvchi yo'q\n`);
    const { ctx } = t.context();
    const me = await ctx.api.get("/api/auth/me/", UserSchema);
    const self = await t.program(["users", "demote", String(me.id), "--yes"], { env: { VENUE_ADMIN_LANG: "ru" } });
    expect(self.stderr).toBe(
      `ошибка: пользователь #${me.id} — это вы: администратор не может снять права с самого себя; это должен сделать другой администратор\n`,
    );
  });
});

describe("import, export, whoami and config in the admin's language", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  it("import: the dry run, the problem rows and the failure; export: the file written", async () => {
    const dir = join(t.configDir, "lang-transfer");
    mkdirSync(dir, { recursive: true });
    const row = { name: { ru: `Импорт слов ${Date.now()}` }, address: { ru: "ул. 5" }, price_per_hour: "1000" };
    const file = join(dir, "venues.json");
    writeFileSync(file, JSON.stringify([row, null]));
    const ru = { VENUE_ADMIN_LANG: "ru" };
    const dry = await t.program(["import", "venues", file, "--dry-run"], { env: ru });
    expect(dry.stdout).toMatch(/^Строка\s+Площадка\s+Результат\s+Подробности\n/);
    expect(dry.stdout).toContain(
      "пробный запуск, ничего не записано: строк: 2; было бы создано: 1, было бы изменено: 0, осталось бы без изменений: 0, с ошибками: 1\n",
    );
    expect(dry.stderr).toBe("ошибка: не импортировано строк: 1\n");
    expect(dry.code).toBe(EXIT.FAILURE);
    // --json is the same report in every language
    const json = await t.program(["import", "venues", file, "--dry-run", "--json"], { env: ru });
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse((await t.program(["import", "venues", file, "--dry-run", "--json"])).stdout));
    const uz = await t.program(["export", "venues", "--output", join(dir, "out.json")], { env: { VENUE_ADMIN_LANG: "uz" } });
    expect(uz.stdout).toMatch(/^.*out\.json fayliga \d+ ta maydon yozildi\n$/);
    const big = join(dir, "big.json");
    writeFileSync(big, JSON.stringify(Array.from({ length: 1001 }, () => row)));
    const atomic = await t.program(["import", "venues", big, "--atomic"], { env: ru });
    expect(atomic.stderr).toMatch(/^ошибка: --atomic принимает не больше \d+ строк; в этом файле их 1001\n$/);
    const bad = await t.program(["export", "venues", "--format", "xml"], { env: ru });
    expect(bad).toMatchObject({ stderr: "ошибка: --format: json или csv\n", code: EXIT.USAGE });
  });

  it("whoami", async () => {
    const r = await t.program(["whoami"], { env: { VENUE_ADMIN_LANG: "uz" } });
    expect(r.stdout).toBe(`${r.stdout.split(" ")[0]} #${/#(\d+)/.exec(r.stdout)?.[1]}, administrator, ${t.baseUrl} (VENUE_API_TOKEN)\n`);
    expect((await t.program(["whoami"])).stdout).toMatch(/^\+998\d+ #\d+, admin at http:\/\/127\.0\.0\.1:\d+ \(VENUE_API_TOKEN\)\n$/);
  });

  it("config: set-url, use, an unknown profile, the list", async () => {
    const env = { VENUE_ADMIN_LANG: "ru", VENUE_ADMIN_CONFIG_DIR: join(t.configDir, "lang-config") };
    const set = await t.program(["config", "set-url", "https://api.example.com", "--profile", "prod"], { env });
    expect(set.stdout).toMatch(/^профиль prod: https:\/\/api\.example\.com\/?\n$/);
    expect((await t.program(["config", "use", "prod"], { env })).stdout).toBe("теперь используется профиль prod\n");
    const unknown = await t.program(["config", "use", "nope"], { env });
    expect(unknown.stderr).toMatch(
      /^ошибка: неизвестный профиль "nope" \(есть: .*prod.*\); создайте его: `venue-admin config set-url <url> --profile nope`\n$/,
    );
    expect(unknown.code).toBe(EXIT.USAGE);
    expect((await t.program(["config", "list"], { env })).stdout).toMatch(/Профиль\s+Адрес API\s+Вход/);
    const none = await t.program(["--profile", "staging", "whoami"], { env: { ...env, VENUE_ADMIN_LANG: "uz" } });
    expect(none.stderr).toBe('xato: noma\'lum profil "staging": uni yarating: `venue-admin config set-url <url> --profile staging`\n');
  });
});
