// Weekly series from the command line: a team's Tuesdays booked around a date already taken (refused
// without --skip, with each date and why), listed, shown and cancelled from a date; on a terminal, the
// offer to book around the refused dates, and a cancel confirmed from the menu.
import { SeriesDetailSchema } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { formatDay } from "../src/output.ts";
import { deskVenue, next, TODAY } from "./desk.ts";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

describe("weekly series", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  const venue = () => deskVenue(t);
  const ok = async (argv: string[], env?: Record<string, string>) => {
    const r = await t.program(argv, env ? { env } : {});
    expect(r.stderr, argv.join(" ")).toBe("");
    expect(r.code, argv.join(" ")).toBe(EXIT.OK);
    return r.stdout;
  };
  const series = (id: number) => t.context().ctx.api.get(`/api/admin/series/${id}/`, SeriesDetailSchema);

  it("books a team's 12 Tuesdays around one already taken, refusing without --skip, and cancels them from a date", async () => {
    const v = await venue();
    const tuesday = next(2);
    const taken = addDays(tuesday, 14);
    const player = (await t.api.tokensFor(nextPhone())).userId;
    await t.api.book(player, { venue_id: v.id, unit_id: v.c1, booking_date: taken, start_time: "20:00", end_time: "21:00" });
    const team = nextPhone();
    const argv = [
      "series",
      "create",
      "--venue",
      String(v.id),
      "--unit",
      String(v.c1),
      "--phone",
      team,
      "--name",
      "FC Chilonzor",
      "--weekday",
      "tue",
      "--from",
      "20:00",
      "--to",
      "22:00",
      "--first-date",
      tuesday,
      "--weeks",
      "12",
    ];

    // without --skip: the clashing date and why, nothing booked, exit 1
    const refused = await t.program(argv);
    expect(refused.code).toBe(EXIT.FAILURE);
    expect(refused.stdout).toBe(`Date\tReason\tCode\n${formatDay(taken)}\tThis time is already booked.\tSLOT_TAKEN\n`);
    expect(refused.stderr).toBe(
      "error: 1 date(s) of the series cannot be booked (listed), so nothing was booked: add --skip to book the others, or choose another time\n",
    );
    const json = await t.program([...argv, "--json"]);
    expect(json.code).toBe(EXIT.FAILURE);
    expect(JSON.parse(json.stdout)).toEqual({ dates: [{ date: taken, code: "SLOT_TAKEN", message: "This time is already booked." }] });
    const ru = await t.program(argv, { env: { VENUE_ADMIN_LANG: "ru" } });
    expect(ru.stdout).toBe(`Дата\tПричина\tКод ошибки\n${formatDay(taken)}\tЭто время уже забронировано.\tSLOT_TAKEN\n`);
    expect(ru.stderr).toMatch(/^ошибка: дат серии, которые нельзя забронировать: 1 \(см\. список\), поэтому ничего не забронировано/);
    const none = await t.program(["series", "list", "--phone", team]);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("no series match\n");

    // with --skip: eleven Tuesdays booked, the taken one listed with its reason
    const made = await ok([...argv, "--skip"]);
    const rows = made.split("\n");
    const id = Number(/^series #(\d+): /.exec(made)?.[1]);
    expect(rows[0]).toBe(
      `series #${id}: every Tue 20:00-22:00, ${team} FC Chilonzor, venue #${v.id}; 11 booking(s), ${formatDay(tuesday)} - ${formatDay(addDays(tuesday, 77))}`,
    );
    expect(rows[1]).toBe("ID\tReference\tDate\tTime\tUnit\tTotal\tStatus");
    const booked = rows.slice(2, 13);
    expect(booked.map((r) => r.split("\t")[2])).toEqual(
      Array.from({ length: 12 }, (_, i) => formatDay(addDays(tuesday, 7 * i))).filter((d) => d !== formatDay(taken)),
    );
    for (const r of booked)
      expect(r).toMatch(new RegExp(`^\\d+\\t[2-9A-HJ-NP-Z]{8}\\t.*\\t20:00-22:00\\t#${v.c1} Court 1\\t300000\\.00\\tconfirmed$`));
    expect(rows.slice(13)).toEqual([`not booked ${formatDay(taken)}: This time is already booked. [SLOT_TAKEN]`, ""]);

    expect((await ok(["series", "list", "--phone", team])).split("\n")).toEqual([
      "ID\tCustomer\tVenue\tUnit\tWeekly\tDates\tLive\tCancelled from",
      `${id}\t${team} FC Chilonzor\t#${v.id}\t#${v.c1}\tevery Tue 20:00-22:00\t${formatDay(tuesday)} - ${formatDay(addDays(tuesday, 77))}\t11\t`,
      "",
    ]);
    const shown = await ok(["series", "show", String(id)]);
    expect(shown.split("\n").slice(0, 6)).toEqual([
      `Series #${id}: every Tue 20:00-22:00`,
      expect.stringMatching(new RegExp(`^customer\\s+#\\d+ \\${team} FC Chilonzor$`)),
      `venue           #${v.id}`,
      `unit            #${v.c1}`,
      `dates           ${formatDay(tuesday)} - ${formatDay(addDays(tuesday, 77))}`,
      "live bookings   11",
    ]);
    const first = Number(booked[0]!.split("\t")[0]);
    expect(await ok(["bookings", "show", String(first)])).toContain(`\nseries  #${id}\n`);

    // cancelled from the sixth Tuesday on: asked first, or --yes; the five before stay
    const from = addDays(tuesday, 35);
    const unasked = await t.program(["series", "cancel", String(id), "--from", from]);
    expect(unasked.code).toBe(EXIT.USAGE);
    expect(unasked.stderr).toBe("error: refusing to cancel a series without --yes\n");
    const cancelled = await ok(["series", "cancel", String(id), "--from", from, "--yes"]);
    const after = await series(id);
    const gone = after.bookings.filter((b) => b.booking_date >= from).map((b) => b.id);
    expect(gone).toHaveLength(7);
    expect(cancelled).toBe(`series #${id}: 7 booking(s) cancelled from ${formatDay(from)} on: ${gone.map((b) => `#${b}`).join(", ")}\n`);
    expect(after.bookings.map((b) => b.status)).toEqual([...Array<string>(4).fill("confirmed"), ...Array<string>(7).fill("cancelled")]);
    expect(after).toMatchObject({ cancelled_from: from, live_bookings: 4 });
    expect(await ok(["series", "cancel", String(id), "--from", from, "--yes"])).toBe(
      `series #${id}: no live booking from ${formatDay(from)} on, nothing cancelled\n`,
    );
    expect(await ok(["series", "show", String(id)])).toContain(`\ncancelled from  ${formatDay(from)}\n`);
  });

  it("on a terminal, offers to book a series around the dates it cannot, and cancels it after a yes", async () => {
    const v = await venue();
    const saturday = next(6);
    const player = (await t.api.tokensFor(nextPhone())).userId;
    await t.api.book(player, { venue_id: v.id, unit_id: v.c1, booking_date: saturday, start_time: "10:00", end_time: "11:00" });
    const team = nextPhone();
    const r = await t.program([], {
      interactive: true,
      answers: [
        "series",
        "series create",
        String(v.id),
        "6",
        "10:00",
        "11:00",
        saturday,
        "3",
        String(v.c1),
        team,
        "",
        "",
        true,
        "back",
        "quit",
      ],
    });
    expect(r.stderr).toBe("");
    expect(r.asked).toEqual(
      expect.arrayContaining([
        "Weekday:",
        "First date YYYY-MM-DD (the series starts on the first such weekday from it):",
        "Weeks (1-52), or the last date YYYY-MM-DD:",
        "Book the other dates and skip these 1?",
      ]),
    );
    expect(r.stdout).toContain(`${formatDay(saturday)}\tThis time is already booked.\tSLOT_TAKEN\n`);
    const id = Number(/\nseries #(\d+): every Sat 10:00-11:00, /.exec(r.stdout)?.[1]);
    expect(r.stdout).toContain(`\nnot booked ${formatDay(saturday)}: This time is already booked. [SLOT_TAKEN]\n`);
    expect((await series(id)).bookings.map((b) => b.booking_date)).toEqual([addDays(saturday, 7), addDays(saturday, 14)]);

    const cancel = await t.program([], { interactive: true, answers: ["series", "series cancel", String(id), "", true, "back", "quit"] });
    expect(cancel.stderr).toBe("");
    expect(cancel.asked).toContain(
      `Cancel series #${id} (every Sat 10:00-11:00, ${team}) from ${formatDay(TODAY)} on? Its 2 live booking(s) from that day are cancelled; earlier ones stay.`,
    );
    expect(cancel.stdout).toMatch(new RegExp(`series #${id}: 2 booking\\(s\\) cancelled from ${formatDay(TODAY)} on: #\\d+, #\\d+\n`));
    const after = await series(id);
    expect(after.live_bookings).toBe(0);

    // a cancelled booking is not asked where to move
    const gone = after.bookings[0]!.id;
    const move = await t.program([], { interactive: true, answers: ["bookings", "bookings move", String(gone), "back", "quit"] });
    expect(move.stderr).toBe(
      `error: booking #${gone} cannot be moved: only a pending or confirmed hourly booking that has not ended can (cancelled)\n`,
    );
    expect(move.asked).not.toContain(`New date YYYY-MM-DD (empty: keep ${after.bookings[0]!.booking_date}):`);
  });
});
