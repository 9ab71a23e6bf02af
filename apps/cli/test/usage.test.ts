// The command line itself: every command's usage errors and help go through the program's output
// (as a script sees them), with the named exit codes, before anything is sent to the API.
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { runInProcess } from "./in-process.ts";

describe("the command line", () => {
  it("answers an unknown option of a subcommand on stderr, with its usage, and exit code 2", async () => {
    const r = await runInProcess(["venues", "list", "--bogus"]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toMatch(/^error: unknown option '--bogus'\n\nUsage: venue-admin venues list \[options\]/);
    expect(r.requests).toEqual([]);
  });

  it("prints a subcommand's help on stdout with exit code 0", async () => {
    const r = await runInProcess(["bookings", "set-status", "--help"]);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toMatch(/^Usage: venue-admin bookings set-status \[options\] \[id\] \[status\]/);
    expect(r.stderr).toBe("");
  });

  it("refuses extra arguments to a subcommand", async () => {
    const r = await runInProcess(["venues", "show", "1", "2"]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toMatch(/too many arguments/);
  });

  it("checks values before sending anything", async () => {
    for (const [argv, pattern] of [
      [["venues", "show", "0"], /^error: invalid id: 0\n$/],
      [["venues", "list", "--page", "x"], /^error: invalid --page: x\n$/],
      [["bookings", "list", "--date", "2026-02-30"], /^error: invalid --date: expected a real date as YYYY-MM-DD\n$/],
      [["bookings", "list", "--phone", "12"], /^error: invalid --phone: expected \+998 followed by 9 digits\n$/],
      [["venues", "delete", "3"], /^error: refusing to delete without --yes\n$/],
    ] as const) {
      const r = await runInProcess([...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      expect(r.stderr, argv.join(" ")).toMatch(pattern);
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
  });

  it("words its usage errors in VENUE_ADMIN_LANG, flags as typed, before sending anything", async () => {
    for (const [lang, argv, pattern] of [
      ["ru", ["venues", "show", "0"], /^ошибка: неверно \(номер\): 0\n$/],
      ["uz", ["venues", "show", "x"], /^xato: noto'g'ri \(raqam\): x\n$/],
      ["ru", ["venues", "list", "--page", "x"], /^ошибка: неверно \(--page\): x\n$/],
      ["ru", ["venues", "list", "--min-price", "-1"], /^ошибка: неверно \(--min-price\): нужна неотрицательная сумма/],
      ["ru", ["bookings", "list", "--date", "2026-02-30"], /^ошибка: неверно \(--date\): нужна существующая дата в виде ГГГГ-ММ-ДД\n$/],
      ["uz", ["bookings", "list", "--phone", "12"], /^xato: noto'g'ri \(--phone\): \+998 va 9 ta raqam kerak\n$/],
      ["ru", ["bookings", "list", "--status", "lost"], /^ошибка: --status: одно из pending, /],
      ["ru", ["bookings", "list", "--all", "--page", "2"], /^ошибка: укажите --all или --page, но не оба\n$/],
      ["ru", ["venues", "translate", "1", "--lang", "de"], /^ошибка: --lang: uz, ru или en\n$/],
      ["uz", ["venues", "translate", "1"], /^xato: ko'rsatilmagan: --lang\n$/],
      [
        "ru",
        ["venues", "create", "--name-ru", "X", "--address-ru", "Y", "--price", "100", "--amenities-ru", "a", "--amenity-ru", "b"],
        /^ошибка: укажите --amenities-ru или --amenity-ru, но не оба\n$/,
      ],
      ["ru", ["venues", "create"], /^ошибка: не указано: --name-ru\n$/],
      ["ru", ["users", "verify", "0"], /^ошибка: неверно \(номер пользователя\): 0\n$/],
      ["ru", ["bookings", "set-status", "1"], /^ошибка: не указано: <status>\n$/],
    ] as const) {
      const r = await runInProcess([...argv], undefined, { VENUE_ADMIN_LANG: lang });
      expect(r.code, `${lang} ${argv.join(" ")}`).toBe(EXIT.USAGE);
      expect(r.stderr, `${lang} ${argv.join(" ")}`).toMatch(pattern);
      expect(r.requests, `${lang} ${argv.join(" ")}`).toEqual([]);
    }
  });

  it("words its own checks in VENUE_ADMIN_LANG: rule codes in the contract's words, the rest in zod's", async () => {
    const create = ["venues", "create", "--name-ru", "X", "--address-ru", "Y", "--price", "0"];
    const long = ["venues", "create", "--name-ru", "X".repeat(300), "--address-ru", "Y", "--price", "100"];
    for (const [lang, argv, pattern] of [
      ["ru", create, /^ошибка: неверно \(площадка\): price_per_hour: Цена должна быть больше нуля\n$/],
      ["uz", create, /^xato: noto'g'ri \(maydon\): price_per_hour: Narx noldan katta bo'lishi kerak\n$/],
      ["ru", long, /^ошибка: неверно \(площадка\): name\.ru: Слишком большое значение/],
      ["uz", ["bookings", "set-status", "1", "lost"], /^xato: noto'g'ri \(holat\): holat: Noto‘g‘ri variant/],
      ["en", create, /^error: invalid venue: price_per_hour: The price must be greater than zero\n$/],
    ] as const) {
      const r = await runInProcess([...argv], undefined, { VENUE_ADMIN_LANG: lang });
      expect(r.code, `${lang} ${argv.join(" ")}`).toBe(EXIT.USAGE);
      expect(r.stderr, `${lang} ${argv.join(" ")}`).toMatch(pattern);
      expect(r.requests).toEqual([]);
    }
  });
});
