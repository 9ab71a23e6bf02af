// `venue-admin` with no command on a terminal: the menu, driven by injected answers.
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminBookingDetailSchema, VenueSchema } from "@venue-booking/contract";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { t as text } from "../src/i18n.ts";
import { MENU_GROUPS, runMenu } from "../src/menu.ts";
import type { Choice, Prompter } from "../src/prompts.ts";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

describe("the interactive menu", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  it("reaches every command", async () => {
    const program = (await import("../src/program.ts")).createProgram({
      env: t.env,
      out: (await import("../src/output.ts")).createOutput({ write: () => {}, writeErr: () => {}, isTTY: false, env: {} }),
      writeErr: () => {},
      prompter: (await import("../src/prompts.ts")).scriptedPrompter([]),
      interactive: true,
      setExitCode: () => {},
    });
    const leaves = (cmd: typeof program, prefix: string[] = []): string[] =>
      cmd.commands.flatMap((c) => (c.commands.length ? leaves(c, [...prefix, c.name()]) : [[...prefix, c.name()].join(" ")]));
    const menu = new Set(MENU_GROUPS.flatMap((g) => g.items.map((i) => i.command)));
    const commands = leaves(program);
    expect(commands.length).toBeGreaterThanOrEqual(20);
    for (const command of commands) expect(menu.has(command), command).toBe(true);
    expect(MENU_GROUPS.map((g) => text("en", g.name))).toEqual([
      "Venues",
      "Sessions",
      "Bookings",
      "Weekly series",
      "Users",
      "Import/export",
      "Webhooks",
      "Waitlist and messages",
      "Account",
    ]);
    // reactivating a venue and editing its texts have items of their own
    const venues = MENU_GROUPS.find((g) => g.value === "venues")!.items;
    expect(venues.find((i) => i.value === "venues reactivate")?.command).toBe("venues update");
    expect(text("en", venues.find((i) => i.value === "venues translate")!.name)).toMatch(/^Edit texts/);
  });

  it("creates a venue, asking for each value", async () => {
    const r = await t.program([], {
      interactive: true,
      answers: ["venues", "venues create", "Меню Арена", "Menu arenasi", "Menu Arena", "ул. Меню, 1", "175000", "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const id = Number(/created venue #(\d+)/.exec(r.stdout)?.[1]);
    const v = await getVenueAll(t.context().ctx, id);
    expect(v).toMatchObject({
      name: { ru: "Меню Арена", uz: "Menu arenasi", en: "Menu Arena" },
      address: { ru: "ул. Меню, 1" },
      price_per_hour: "175000.00",
    });
    // the first screen: a status line (who, which API, which profile) above the groups
    expect(r.asked[0]).toBe(`Signed in as the token in VENUE_API_TOKEN · ${t.baseUrl} (profile default)\nWhat would you like to do?`);
    expect(r.asked[1]).toBe("Venues:");
  });

  it("translates a venue into one language", async () => {
    const { ctx } = t.context();
    const id = (
      await ctx.api.post(
        "/api/venues/",
        { name: { ru: "Перевод" }, address: { ru: "ул. Слов" }, price_per_hour: "1000", amenities: [{ ru: "Душ" }, { ru: "Кафе" }] },
        VenueSchema,
      )
    ).id;
    const r = await t.program([], {
      interactive: true,
      answers: ["venues", "venues translate", String(id), "uz", "Tarjima", "So'zlar ko'chasi", "Tavsif", "Dush, Kafe", "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`venue #${id}: uz translation saved`);
    expect(r.asked).toContain("Language:");
    const v = await getVenueAll(ctx, id);
    expect(v.name.uz).toBe("Tarjima");
    expect(v.address.uz).toBe("So'zlar ko'chasi");
    expect(v.description.uz).toBe("Tavsif");
    expect(v.amenities.map((a) => a.uz)).toEqual(["Dush", "Kafe"]);
  });

  it("sets a booking's status from the choices the machine allows; a failing step returns to the menu", async () => {
    const { ctx } = t.context();
    const venueId = (
      await ctx.api.post("/api/venues/", { name: { ru: "Статусы" }, address: { ru: "ул. 4" }, price_per_hour: "1000" }, VenueSchema)
    ).id;
    const { userId } = await t.api.tokensFor(nextPhone());
    const day = addDays(localDateTime(new Date()).date, 2);
    const b = await t.api.book(userId, { venue_id: venueId, booking_date: day, start_time: "15:00", end_time: "16:00" });
    t.api.setNow(new Date(`${day}T12:00:00Z`)); // 17:00 in Tashkent: the booking has ended, so it may be completed
    const r = await t.program([], {
      interactive: true,
      answers: [
        "bookings",
        "bookings show",
        "999999",
        "bookings set-status",
        String(b.id),
        "confirmed",
        "bookings set-status",
        String(b.id),
        "completed",
        "bookings list",
        "completed",
        day,
        "back",
        "quit",
      ],
    });
    t.api.setNow(undefined);
    expect(r.stderr).toBe("error: Booking not found. [BOOKING_NOT_FOUND]\n");
    expect(r.stdout).toContain(`booking #${b.id} is now confirmed`);
    expect(r.stdout).toContain(`booking #${b.id} is now completed`);
    expect(r.asked.filter((q) => q.includes("new status"))).toEqual([
      `Booking #${b.id} is pending; new status:`,
      `Booking #${b.id} is confirmed; new status:`,
    ]);
    const detail = await ctx.api.get(`/api/admin/bookings/${b.id}/`, AdminBookingDetailSchema);
    expect(detail.status).toBe("completed");
    // the status of a list is chosen, not typed
    expect(r.stdout).toMatch(new RegExp(`^${b.id}\t.*\tcompleted$`, "m"));
  });

  it("ends with exit code 0 on Quit after a step failed", async () => {
    const r = await t.program([], { interactive: true, answers: ["bookings", "bookings show", "999999", "back", "quit"] });
    expect(r.stderr).toBe("error: Booking not found. [BOOKING_NOT_FOUND]\n");
    expect(r.code).toBe(0);
  });

  it("ends at Ctrl-C, even inside a step, instead of showing the menu again", async () => {
    const { ctx } = t.context({ interactive: true });
    const errors: unknown[] = [];
    const ctrlC = Object.assign(new Error("User force closed the prompt"), { name: "ExitPromptError" });
    let selects = 0;
    ctx.prompter = {
      ...ctx.prompter,
      select: <T extends string>() => Promise.resolve((selects++ === 0 ? "venues" : "venues show") as T),
      input: () => Promise.reject(ctrlC),
    };
    await expect(
      runMenu(
        () => ctx,
        (e) => errors.push(e),
      ),
    ).rejects.toBe(ctrlC);
    expect(errors).toEqual([]);
  });

  it("reactivates a venue it deactivated", async () => {
    const { ctx } = t.context();
    const id = (
      await ctx.api.post("/api/venues/", { name: { ru: "Снова" }, address: { ru: "ул. 5" }, price_per_hour: "1000" }, VenueSchema)
    ).id;
    const r = await t.program([], {
      interactive: true,
      answers: ["venues", "venues delete", String(id), true, "venues reactivate", String(id), "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`venue #${id} deactivated`);
    expect((await getVenueAll(ctx, id)).is_active).toBe(true);
  });

  it("shows a long list a page at a time, with next and previous page", async () => {
    const { ctx } = t.context();
    for (let i = 1; i <= 12; i++)
      await ctx.api.post("/api/venues/", { name: { ru: `Листаем ${i}` }, address: { ru: "ул. 6" }, price_per_hour: "1000" }, VenueSchema);
    const r = await t.program([], {
      interactive: true,
      answers: ["venues", "venues list", "Листаем", "next", "previous", "back", "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.asked.filter((q) => q.startsWith("Page "))).toEqual(["Page 1 of 2:", "Page 2 of 2:", "Page 1 of 2:"]);
    const rows = r.stdout.split("\n").filter((l) => l.includes("Листаем"));
    expect(rows).toHaveLength(10 + 2 + 10);
  });

  it("signed out, offers sign-in first, and shows who signed in afterwards", async () => {
    const phone = nextPhone();
    t.api.deps.config.adminPhones.push(phone);
    const { ctx } = t.context({ token: null, interactive: true, env: { VENUE_ADMIN_CONFIG_DIR: `${t.configDir}/signed-out` } });
    const screens: { message: string; choices: string[] }[] = [];
    const answers = ["login", "quit"];
    const prompter: Prompter = {
      ...ctx.prompter,
      select: <T extends string>(o: { message: string; choices: Choice<T>[] }) => {
        screens.push({ message: o.message, choices: o.choices.map((c) => c.value) });
        return Promise.resolve(answers.shift() as T);
      },
      input: (o) => Promise.resolve(o.message.startsWith("Phone") ? phone : t.api.sms.lastCode(phone)!),
    };
    ctx.prompter = prompter;
    await runMenu(
      () => ctx,
      (e) => {
        throw e;
      },
    );
    expect(screens[0]).toEqual({
      message: `Not signed in · ${t.baseUrl} (profile default)\nWhat would you like to do?`,
      choices: ["login", "venues", "sessions", "bookings", "series", "users", "transfer", "webhooks", "waitlist", "account", "quit"],
    });
    expect(screens[1]).toEqual({
      message: `Signed in as ${phone} · ${t.baseUrl} (profile default)\nWhat would you like to do?`,
      choices: ["venues", "sessions", "bookings", "series", "users", "transfer", "webhooks", "waitlist", "account", "quit"],
    });
  });

  it("speaks the admin's language: groups, items, status line and Back/Quit in Russian or Uzbek", async () => {
    const screens = async (lang: string) => {
      const { ctx } = t.context({ interactive: true, env: { VENUE_ADMIN_LANG: lang } });
      const shown: { message: string; choices: string[] }[] = [];
      const answers = ["venues", "back", "quit"];
      ctx.prompter = {
        ...ctx.prompter,
        select: <T extends string>(o: { message: string; choices: Choice<T>[] }) => {
          shown.push({ message: o.message, choices: o.choices.map((c) => c.name) });
          return Promise.resolve(answers.shift() as T);
        },
      };
      await runMenu(
        () => ctx,
        (e) => {
          throw e;
        },
      );
      return shown;
    };
    const ru = await screens("ru");
    expect(ru[0]).toEqual({
      message: `Вход выполнен: токен из VENUE_API_TOKEN · ${t.baseUrl} (профиль default)\nЧто вы хотите сделать?`,
      choices: [
        "Площадки",
        "Сеансы",
        "Бронирования",
        "Еженедельные серии",
        "Пользователи",
        "Импорт/экспорт",
        "Вебхуки",
        "Лист ожидания и сообщения",
        "Учётная запись",
        "Выход",
      ],
    });
    expect(ru[1]?.message).toBe("Площадки:");
    expect(ru[1]?.choices).toContain("Создать площадку");
    expect(ru[1]?.choices.at(-1)).toBe("Назад");
    const uz = await screens("uz");
    expect(uz[0]?.choices).toEqual([
      "Maydonlar",
      "Seanslar",
      "Bronlar",
      "Haftalik seriyalar",
      "Foydalanuvchilar",
      "Import/eksport",
      "Vebxuklar",
      "Kutish ro'yxati va xabarlar",
      "Hisob",
      "Chiqish",
    ]);
    expect(uz[1]?.choices.at(-1)).toBe("Orqaga");
  });

  it("is not shown without a terminal: help on stderr and exit code 2", async () => {
    const r = await t.program([], { interactive: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: venue-admin");
  });
});
