// Sessions from the command line: created with places or numbered seats (from flags or questions),
// listed, shown with the map of their seats, changed, cancelled with their bookings; the refusals
// said plainly; and bookings naming the session and seats they hold.
import { AdminBookingDetailSchema, SessionSchema, VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionAction } from "../src/commands/sessions/create.ts";
import { parseSeats, printSeatMap } from "../src/commands/sessions/seats.ts";
import { updateSessionAction } from "../src/commands/sessions/update.ts";
import { EXIT } from "../src/exit-codes.ts";
import { createOutput } from "../src/output.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const DAY = addDays(localDateTime(new Date()).date, 2);

describe("seats as typed and as drawn", () => {
  it("reads labels and ranges in one row, keeping a leading zero's width", () => {
    expect(parseSeats("A1-A3, B08-10,VIP", "en")).toEqual(["A1", "A2", "A3", "B08", "B09", "B10", "VIP"]);
    expect(parseSeats("1-3", "en")).toEqual(["1", "2", "3"]);
    expect(parseSeats(undefined, "en")).toBeUndefined();
  });

  it("draws a row for each row letter, seats by number, long rows wrapped, with a legend", () => {
    const lines: string[] = [];
    const out = createOutput({ write: (s) => lines.push(s), writeErr: () => {}, isTTY: false, env: { NO_COLOR: "1" } });
    const seats = [...(parseSeats("B2,B1,A1-A3", "en") ?? []), ...(parseSeats("C1-C30", "en") ?? [])].map((label) => ({
      label,
      available: !["A2", "B1"].includes(label),
    }));
    printSeatMap(out, seats, "en");
    expect(lines.join("")).toBe(
      [
        "B  █1  ░2",
        "A  ░1  █2  ░3",
        `C  ${Array.from({ length: 18 }, (_, i) => `░${String(i + 1).padEnd(2)}`).join(" ")}`.trimEnd(),
        `   ${Array.from({ length: 12 }, (_, i) => `░${String(i + 19).padEnd(2)}`).join(" ")}`.trimEnd(),
        "░ free (33)  █ taken (2)",
        "",
      ].join("\n"),
    );
  });
});

describe("sessions", () => {
  let t: CliHarness;
  let venueId: number;
  let court: number;
  let hall: number;
  beforeAll(async () => {
    t = await startCliHarness();
    const v = await t.context().ctx.api.post(
      "/api/venues/",
      {
        name: { ru: "Сеансы", en: "Sessions Park" },
        address: { ru: "ул. 11" },
        price_per_hour: "1000",
        units: [{ name: { ru: "Корт", en: "Court" } }, { name: { ru: "Зал", en: "Hall" } }],
      },
      VenueSchema,
    );
    venueId = v.id;
    [court, hall] = v.units.map((u) => u.id) as [number, number];
  });
  afterAll(async () => t.close());

  const idOf = (stdout: string) => Number(/session #(\d+)/.exec(stdout)?.[1]);
  const player = async () => (await t.api.tokensFor(nextPhone())).userId;
  const create = async (...flags: string[]) => {
    const r = await t.program(["sessions", "create", String(venueId), ...flags]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.OK);
    return { id: idOf(r.stdout), stdout: r.stdout };
  };
  const game = (start: string, end: string, ...more: string[]) =>
    create(
      ...["--unit", String(court), "--title-ru", "Открытая игра", "--title-en", "Open game"],
      ...["--date", DAY, "--start", start, "--end", end, "--price", "30000", ...more],
    );
  const screening = (start: string, end: string, seats: string) =>
    create(
      ...["--unit", String(hall), "--title-ru", "Кино", "--title-en", "Cinema"],
      ...["--date", DAY, "--start", start, "--end", end, "--price", "50000", "--seats", seats],
    );

  it("creates a session of places and one of numbered seats, and lists them", async () => {
    const places = await game("09:00", "10:30", "--capacity", "14");
    expect(places.stdout).toMatch(
      new RegExp(`^created session #${places.id} Open game at venue #${venueId}: \\w{3} ${DAY} 09:00-10:30, 14 places\\n$`),
    );
    const seated = await screening("09:00", "11:00", "A1-A4,B1-B4");
    expect(seated.stdout).toContain(`, 8 seats\n`);

    const list = await t.program(["sessions", "list", "--venue", String(venueId), "--date", DAY]);
    expect(list.stderr).toBe("");
    const lines = list.stdout.split("\n").filter(Boolean);
    expect(lines[0]).toBe("ID\tTitle\tVenue\tUnit\tDate\tTime\tPrice/place\tPlaces\tStatus");
    expect(list.stdout).toMatch(
      new RegExp(
        `^${places.id}\tOpen game\t#${venueId}\t#${court} Court\t\\w{3} ${DAY}\t09:00-10:30\t30000.00\t14 of 14 free\tscheduled$`,
        "m",
      ),
    );
    expect(lines.some((l) => l.startsWith(`${seated.id}\tCinema\t`) && l.includes("\t8 of 8 free\t"))).toBe(true);

    // a full session shows as such, and --available leaves it out
    const full = await game("10:30", "11:00", "--capacity", "1");
    await t.api.book(await player(), { session_id: full.id, places: 1 });
    const day = ["sessions", "list", "--venue", String(venueId), "--date", DAY];
    expect((await t.program(day)).stdout).toMatch(new RegExp(`^${full.id}\t.*\t0 of 1 free\tscheduled$`, "m"));
    const available = await t.program([...day, "--available"]);
    expect(available.stdout).toContain(`${places.id}\tOpen game\t`);
    expect(available.stdout).not.toMatch(new RegExp(`^${full.id}\t`, "m"));

    const json = await t.program(["sessions", "list", "--venue", String(venueId), "--all", "--json"]);
    const page = JSON.parse(json.stdout) as { count: number; results: unknown[] };
    const sessions = page.results.map((s) => SessionSchema.parse(s));
    expect(sessions.find((s) => s.id === seated.id)?.seats?.map((s) => s.label)).toEqual(["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"]);
  });

  it("shows a seated session with the map of its seats, and the bookings name their session and seats", async () => {
    const s = await screening("12:00", "14:00", "A1-A4,B1-B4");
    const booking = await t.api.book(await player(), { session_id: s.id, seats: ["A2", "B3"] });
    const shown = await t.program(["sessions", "show", String(s.id)]);
    expect(shown.stderr).toBe("");
    const lines = shown.stdout.split("\n");
    expect(lines[0]).toBe(`Session #${s.id}: Cinema`);
    expect(lines).toContain("status   scheduled");
    expect(lines).toContain(`unit     #${hall} Hall`);
    expect(lines).toContain("price    50\u00a0000.00\u00a0UZS per place");
    expect(lines).toContain("places   8 seats, 6 of 8 free");
    expect(lines.slice(-4)).toEqual(["A  ░1 █2 ░3 ░4", "B  ░1 ░2 █3 ░4", "░ free (6)  █ taken (2)", ""]);

    const ru = await t.program(["sessions", "show", String(s.id)], { env: { VENUE_ADMIN_LANG: "ru" } });
    expect(ru.stdout).toContain("░ свободно (6)  █ занято (2)");
    expect(ru.stdout).toMatch(/^места\s+мест с номерами: 8, свободно 6 из 8$/m);

    const list = await t.program(["bookings", "list", "--venue", String(venueId), "--unit", String(hall)]);
    expect(list.stdout.split("\n")[0]).toBe("ID\tVenue\tUnit\tSession\tPlayer\tDate\tTime\tTotal\tStatus");
    expect(list.stdout).toMatch(
      new RegExp(`^${booking.id}\t#${venueId} Sessions Park\t#${hall} Hall \\(2 places\\)\t#${s.id} Cinema: A2, B3\t`, "m"),
    );
    const one = await t.program(["bookings", "show", String(booking.id)]);
    expect(one.stdout).toContain(`\nsession #${s.id} Cinema\nseats   A2, B3\n`);
    // a list of hourly bookings only keeps its columns
    const later = addDays(DAY, 1);
    await t.api.book(await player(), { venue_id: venueId, unit_id: court, booking_date: later, start_time: "10:00", end_time: "11:00" });
    const hourly = await t.program(["bookings", "list", "--venue", String(venueId), "--date", later]);
    expect(hourly.stdout.split("\n")[0]).toBe("ID\tVenue\tUnit\tPlayer\tDate\tTime\tTotal\tStatus");
  });

  it("changes a session, and says how far its places may go down when they are booked", async () => {
    const s = await game("15:00", "16:00", "--capacity", "10");
    await t.api.book(await player(), { session_id: s.id, places: 3 });
    await t.api.book(await player(), { session_id: s.id, places: 2 });
    const changed = await t.program(["sessions", "update", String(s.id), "--capacity", "16", "--price", "35000"]);
    expect(changed.stderr).toBe("");
    expect(changed.stdout).toBe(`updated session #${s.id} Open game: 35\u00a0000.00\u00a0UZS per place, 16 places\n`);
    const renamed = await t.program([
      "sessions",
      "update",
      String(s.id),
      "--title-ru",
      "Игра 8×8",
      "--title-en",
      "Game 8-a-side",
      "--json",
    ]);
    expect(SessionSchema.parse(JSON.parse(renamed.stdout))).toMatchObject({ title: "Game 8-a-side", capacity: 16, places_left: 11 });

    const below = await t.program(["sessions", "update", String(s.id), "--capacity", "4"]);
    expect(below.code).toBe(EXIT.FAILURE);
    expect(below.stderr).toMatch(
      /^error: .*\[CAPACITY_BELOW_SOLD\]; 5 of its 16 places are booked, so it can go down to 5 places at least\n$/,
    );
    const ru = await t.program(["sessions", "update", String(s.id), "--capacity", "4"], { env: { VENUE_ADMIN_LANG: "ru" } });
    expect(ru.stderr).toMatch(/^ошибка: .*\[CAPACITY_BELOW_SOLD\]; забронировано мест: 5 из 16, поэтому мест может быть не меньше 5\n$/);
    const { ctx } = t.context();
    expect((await ctx.api.get(`/api/sessions/${s.id}/`, SessionSchema)).capacity).toBe(16);
  });

  it("cancels a session and every booking of it: asked first on a terminal, --yes without one", async () => {
    const s = await game("17:00", "18:00", "--capacity", "6");
    const booking = await t.api.book(await player(), { session_id: s.id, places: 2 });
    const refused = await t.program(["sessions", "cancel", String(s.id)]);
    expect(refused.code).toBe(EXIT.USAGE);
    expect(refused.stderr).toBe("error: refusing to cancel a session without --yes\n");

    const kept = await t.program(["sessions", "cancel", String(s.id)], { interactive: true, answers: [false] });
    expect(kept.asked).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Cancel session #${s.id} Open game \\(\\w{3} ${DAY} 17:00-18:00\\)\\? Every booking of it is cancelled too \\(2 of 6 places booked\\)\\.$`,
        ),
      ),
    ]);
    expect(kept.stdout).toBe("kept\n");

    const cancelled = await t.program(["sessions", "cancel", String(s.id), "--yes"]);
    expect(cancelled.stderr).toBe("");
    expect(cancelled.stdout).toBe(`session #${s.id} cancelled, and every booking of it\n`);
    const { ctx } = t.context();
    expect((await ctx.api.get(`/api/admin/bookings/${booking.id}/`, AdminBookingDetailSchema)).status).toBe("cancelled");
  });

  it("asks for a new session's values on a terminal, the unit chosen from the venue's", async () => {
    const { ctx, asked } = t.context({
      interactive: true,
      answers: ["Утренняя йога", "", "Morning yoga", String(hall), DAY, "19:00", "20:00", "", "12", "40000"],
    });
    const s = await perform(ctx, createSessionAction(ctx, String(venueId), {}));
    expect(asked).toEqual([
      "Title (Russian):",
      "Title (Uzbek, optional):",
      "Title (English, optional):",
      "Unit:",
      "Date (YYYY-MM-DD):",
      "Starts at (HH:MM):",
      "Ends at (HH:MM):",
      "Numbered seats, e.g. A1-A10,B1-B10 (empty: places without numbers):",
      "Places:",
      "Price per place (UZS, e.g. 30000.00):",
    ]);
    expect(s).toMatchObject({ title: "Morning yoga", unit: { id: hall }, capacity: 12, price_per_place: "40000.00", start_time: "19:00" });

    // changing it: an empty answer keeps the value
    const change = t.context({ interactive: true, answers: ["", "45000", "15"] });
    const changed = await perform(change.ctx, updateSessionAction(change.ctx, String(s.id), {}));
    expect(change.asked[0]).toBe("New title in Russian (empty: keep Morning yoga):");
    expect(changed).toMatchObject({ title: "Morning yoga", price_per_place: "45000.00", capacity: 15 });
    const same = t.context({ interactive: true, answers: ["", "", ""] });
    expect(await perform(same.ctx, updateSessionAction(same.ctx, String(s.id), {}))).toBeNull();
    expect(same.lines).toEqual([`session #${s.id} unchanged\n`]);
  });

  it("reaches the session commands from the menu", async () => {
    const s = await game("20:00", "21:00", "--capacity", "8");
    const r = await t.program([], {
      interactive: true,
      answers: ["sessions", "sessions show", String(s.id), "sessions cancel", String(s.id), true, "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.asked[1]).toBe("Sessions:");
    expect(r.stdout).toContain(`Session #${s.id}: Open game\n`);
    expect(r.stdout).toContain(`session #${s.id} cancelled, and every booking of it\n`);
  });

  it("checks flags before sending anything", async () => {
    const create = ["sessions", "create", "5", "--unit", "4", "--title-ru", "X", "--date", DAY, "--start", "10:00", "--end", "11:00"];
    for (const [argv, text] of [
      [["sessions", "create", "5"], "error: missing --title-ru\n"],
      [["sessions", "create", "5", "--title-ru", "X"], "error: missing --unit\n"],
      [[...create, "--price", "100"], "error: missing --capacity or --seats\n"],
      [[...create, "--seats", "A10-A1"], "error: invalid --seats: A10-A1 (a range stays in one row and counts up, e.g. A1-A10)\n"],
      [[...create, "--seats", "A1-B4"], "error: invalid --seats: A1-B4 (a range stays in one row and counts up, e.g. A1-A10)\n"],
      [[...create, "--seats", "A1-A4,A3"], "error: --seats names seat A3 twice\n"],
      [[...create, "--seats", "A1-A9999999"], "error: --seats gives more than 10000 seats, the most a session has\n"],
      [
        [...create, "--seats", "A1-A4", "--capacity", "5"],
        "error: --capacity 5 does not match the 4 seats of --seats: leave --capacity out\n",
      ],
      [[...create, "--capacity", "0", "--price", "100"], /^error: invalid session: capacity: .*1/],
      [["sessions", "update", "7"], "error: nothing to change: pass at least one flag (see --help)\n"],
      [
        ["sessions", "update", "7", "--title-en", "Game"],
        "error: a new title replaces the old one in every language: give --title-ru with --title-uz or --title-en\n",
      ],
      [["sessions", "cancel", "7"], "error: refusing to cancel a session without --yes\n"],
      [["sessions", "list", "--from", "2026-12-09", "--to", "2026-12-01"], "error: --from must not be after --to\n"],
      [["sessions", "show", "0"], "error: invalid id: 0\n"],
    ] as const) {
      const r = await runInProcess([...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      if (typeof text === "string") expect(r.stderr, argv.join(" ")).toBe(text);
      else expect(r.stderr, argv.join(" ")).toMatch(text);
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
    const ru = await runInProcess(["sessions", "cancel", "7"], undefined, { VENUE_ADMIN_LANG: "ru" });
    expect(ru.stderr).toBe("ошибка: без --yes не выполняю: отмена сеанса\n");
  });
});
