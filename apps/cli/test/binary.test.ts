// The real venue-admin binary (the bundle in dist/, built here first): --json output parsed, exit codes checked.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AdminBookingDetailSchema,
  AdminBookingSchema,
  AvailabilitySchema,
  pageSchema,
  UserSchema,
  VenueAllLanguagesSchema,
  VenueSchema,
  z,
} from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBinary, nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const DAY = addDays(localDateTime(new Date()).date, 4);

// What --json prints, read back with the contract's schemas.
const VenuePage = pageSchema(VenueSchema, "VenuePage");
const BookingPage = pageSchema(AdminBookingSchema, "AdminBookingPage");
const UserPage = pageSchema(UserSchema, "UserPage");
const Urls = z.array(z.string());
const Report = z.array(
  z.object({ row: z.number(), name: z.string(), result: z.string(), id: z.number().optional(), message: z.string().optional() }),
);
const Exported = z.array(z.object({ name: z.object({ ru: z.string() }) }));

describe("the venue-admin binary", () => {
  let t: CliHarness;
  beforeAll(async () => {
    buildBinary();
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  const ok = async (args: string[], env?: Record<string, string>) => {
    const r = await t.bin(args, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return r.stdout;
  };
  const okJson = async <T>(args: string[], schema: z.ZodType<T>, env?: Record<string, string>): Promise<T> =>
    schema.parse(JSON.parse(await ok([...args, "--json"], env)));

  it("runs a venue's whole life with --json", async () => {
    const created = await okJson(
      [
        "venues",
        "create",
        "--name-ru",
        "Бинарный зал",
        "--name-en",
        "Binary Hall",
        "--address-ru",
        "ул. Байтов, 8",
        "--price",
        "120000",
        "--opening",
        "10:00",
        "--closing",
        "20:00",
      ],
      VenueSchema,
    );
    expect(created).toMatchObject({ name: "Binary Hall", price_per_hour: "120000.00", opening_time: "10:00", closing_time: "20:00" });
    const id = String(created.id);

    const [list, shown, updated, translated, withImage, day] = await Promise.all([
      okJson(["venues", "list", "--search", "бинарный"], VenuePage),
      okJson(["venues", "show", id], VenueAllLanguagesSchema),
      okJson(["venues", "update", id, "--price", "130000.50"], VenueSchema),
      okJson(["venues", "translate", id, "--lang", "uz", "--name", "Binar zal"], VenueAllLanguagesSchema),
      okJson(["venues", "images", "add", id, "https://img.example.uz/b.jpg"], Urls),
      okJson(["venues", "availability", id, "--date", DAY], AvailabilitySchema),
    ]);
    expect(list.results.map((v) => v.id)).toEqual([created.id]);
    expect(shown.name).toMatchObject({ ru: "Бинарный зал", en: "Binary Hall" }); // translate runs alongside
    expect(updated.price_per_hour).toBe("130000.50");
    expect(translated.name.uz).toBe("Binar zal");
    expect(withImage).toEqual(["https://img.example.uz/b.jpg"]);
    expect(day.slots).toHaveLength(10);
    // The images are a set: adding one again or removing one it lacks changes nothing; removing it empties it.
    // (Run one after another: each command reads the list and writes it back whole.)
    expect(await okJson(["venues", "images", "add", id, "https://img.example.uz/b.jpg"], Urls)).toEqual(["https://img.example.uz/b.jpg"]);
    expect(await okJson(["venues", "images", "remove", id, "https://img.example.uz/absent.jpg"], Urls)).toEqual([
      "https://img.example.uz/b.jpg",
    ]);
    expect(await okJson(["venues", "images", "remove", id, "https://img.example.uz/b.jpg"], Urls)).toEqual([]);
    expect((await okJson(["venues", "show", id], VenueAllLanguagesSchema)).images).toEqual([]);

    const table = await ok(["venues", "list", "--search", "бинарный"]);
    expect(table).toMatch(/Binary Hall.*130000\.50.*10:00-20:00.*yes/);
    expect(table.includes("\u001b[")).toBe(false); // NO_COLOR and no TTY: no colour codes

    expect((await ok(["venues", "delete", id, "--yes"])).trim()).toBe(`venue #${id} deactivated`);
    const inactive = await okJson(["venues", "list", "--search", "бинарный", "--inactive"], VenuePage);
    expect(inactive.results[0]).toMatchObject({ id: created.id, is_active: false });
  });

  it("manages bookings and users", async () => {
    const venue = await okJson(
      ["venues", "create", "--name-ru", "Поле для броней", "--address-ru", "ул. 2", "--price", "100000"],
      VenueSchema,
    );
    const phone = nextPhone();
    const { userId } = await t.api.tokensFor(phone);
    const b = await t.api.book(userId, { venue_id: venue.id, booking_date: DAY, start_time: "12:00", end_time: "13:00" });

    const list = await okJson(["bookings", "list", "--phone", phone], BookingPage);
    expect(list).toMatchObject({ count: 1, results: [{ id: b.id, status: "pending", user: { phone } }] });
    expect(await okJson(["bookings", "set-status", String(b.id), "confirmed"], AdminBookingDetailSchema)).toMatchObject({
      id: b.id,
      status: "confirmed",
    });
    const shown = await okJson(["bookings", "show", String(b.id)], AdminBookingDetailSchema);
    expect(shown.history.map((e) => e.to_status)).toEqual(["pending", "confirmed"]);

    const users = await okJson(["users", "list", "--search", phone], UserPage);
    expect(users.results).toEqual([expect.objectContaining({ id: userId, phone })]);
    for (const [change, field, value] of [
      ["deactivate", "is_active", false],
      ["activate", "is_active", true],
      ["promote", "is_admin", true],
      ["demote", "is_admin", false],
      ["verify", "is_verified", true],
    ] as const) {
      expect((await okJson(["users", change, phone, "--yes"], UserSchema))[field]).toBe(value);
    }
    const me = await okJson(["whoami"], UserSchema);
    expect(me.is_admin).toBe(true);
  });

  it("imports and exports", async () => {
    const file = join(t.configDir, "bin-import.json");
    writeFileSync(file, JSON.stringify([{ name: { ru: "Импортированное поле" }, address: { ru: "ул. 3" }, price_per_hour: "50000" }]));
    expect(await okJson(["import", "venues", file, "--dry-run"], Report)).toEqual([
      { row: 1, name: "Импортированное поле", result: "created" },
    ]);
    const report = await okJson(["import", "venues", file], Report);
    expect(report[0]).toMatchObject({ result: "created", id: expect.any(Number) });
    const exported = Exported.parse(JSON.parse(await ok(["export", "venues"])));
    expect(exported.map((v) => v.name.ru)).toContain("Импортированное поле");
    const csv = await ok(["export", "venues", "--format", "csv"]);
    expect(csv.split("\n")[0]).toMatch(/^id,slug,name_uz,name_ru,name_en,/);
  });

  it("logs in without a terminal in two steps and stores the tokens", async () => {
    const phone = nextPhone();
    const noToken = { VENUE_API_TOKEN: "" };
    expect(await ok(["login", "--phone", phone], noToken)).toContain("--code");
    expect(await ok(["login", "--phone", phone, "--code", t.api.sms.lastCode(phone)!], noToken)).toContain(`signed in as ${phone}`);
    expect((await okJson(["whoami"], UserSchema, noToken)).phone).toBe(phone);
    expect((await ok(["logout"], noToken)).trim()).toBe("signed out");
  });

  it("fails with a clear line and a non-zero exit code", async () => {
    const cases: [string[], number, RegExp, Record<string, string>?][] = [
      [["venues", "show", "999999"], 1, /^error: Venue not found\. \[VENUE_NOT_FOUND\]\n$/],
      [["venues", "create", "--name-ru", "X"], 2, /^error: missing --address-ru\n$/],
      [
        ["venues", "create", "--name-ru", "X", "--address-ru", "Y", "--price", "0"],
        2,
        /invalid venue: price_per_hour: The price must be greater than zero/,
      ],
      [["venues", "delete", "1"], 2, /--yes/],
      [["bookings", "set-status", "1", "lost"], 2, /invalid status/],
      [["venues", "show", "abc"], 2, /invalid id: abc/],
      [["nonsense"], 2, /unknown command/],
      [["venues", "list", "--bogus"], 2, /unknown option/],
      [[], 2, /Usage: venue-admin/],
      [["whoami"], 1, /not signed in/, { VENUE_API_TOKEN: "" }],
      [["whoami"], 1, /Sign in to continue/, { VENUE_API_TOKEN: "garbage" }],
      [["whoami", "--api-url", "http://127.0.0.1:9"], 1, /cannot reach the API/],
    ];
    const results = await Promise.all(cases.map(([args, , , env]) => t.bin(args, env)));
    for (const [i, r] of results.entries()) {
      const [args, code, pattern] = cases[i]!;
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stderr, args.join(" ")).toMatch(pattern);
    }
    const player = await t.api.tokensFor(nextPhone());
    const forbidden = await t.bin(["users", "list"], { VENUE_API_TOKEN: player.access });
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/permission.*\[FORBIDDEN\]/);
    const help = await t.bin(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/venues/);
  });

  it("speaks the language asked for", async () => {
    const r = await t.bin(["venues", "show", "999999"], { VENUE_ADMIN_LANG: "ru" });
    expect(r.stderr).toBe("ошибка: Площадка не найдена. [VENUE_NOT_FOUND]\n");
  });
});
