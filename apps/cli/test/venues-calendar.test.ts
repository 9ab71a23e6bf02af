// A venue's week, prices and booking rules from the command line: hours per weekday (past midnight
// too), every day alike or back to the venue's times; price rules added, listed by number and
// removed, and what they make a booking cost; the rules in force and the server's defaults; and the
// venues free at some hours. Asked for on a terminal, reached from the menu, refused before sending.
import { AdminBookingDetailSchema, pageSchema, VenueSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import { addDays, localDateTime, weekdayOf } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setHoursAction } from "../src/commands/venues/hours/set.ts";
import { setPolicyAction } from "../src/commands/venues/policy/set.ts";
import { EXIT } from "../src/exit-codes.ts";
import { formatDay } from "../src/output.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const TODAY = localDateTime(new Date()).date;
/** The first date at least two days ahead that falls on `weekday` (1 = Monday). */
const next = (weekday: number) => {
  let d = addDays(TODAY, 2);
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return d;
};
const UZS = (amount: string) => `${amount.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")}.00\u00a0UZS`;

describe("a venue's week, prices and booking rules", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  const venue = async (extra: Record<string, unknown> = {}) =>
    t
      .context()
      .ctx.api.post(
        "/api/venues/",
        { name: { ru: "Неделя", en: "Week Arena" }, address: { ru: "ул. 12" }, price_per_hour: "1000", ...extra },
        VenueSchema,
      );
  const read = (id: number) => t.context().ctx.api.get(`/api/venues/${id}/`, VenueSchema);
  const ok = async (argv: string[], env?: Record<string, string>) => {
    const r = await t.program(argv, env ? { env } : {});
    expect(r.stderr, argv.join(" ")).toBe("");
    expect(r.code, argv.join(" ")).toBe(EXIT.OK);
    return r.stdout;
  };

  it("sets each weekday's hours (the others closed), every day alike, or back to the venue's times", async () => {
    const v = await venue();
    const id = String(v.id);
    const set = await ok([
      ...["venues", "hours", "set", id, "--mon", "08:00-23:00", "--fri", "18:00-02:00", "--sat", "10:00-02:00"],
      ...["--slot", "30", "--max-duration", "180"],
    ]);
    expect(set.split("\n")).toEqual([
      `venue #${id} Week Arena: hours saved`,
      "Day\tHours",
      "Mon\t08:00-23:00",
      "Tue\tclosed",
      "Wed\tclosed",
      "Thu\tclosed",
      "Fri\t18:00-02:00 (past midnight)",
      "Sat\t10:00-02:00 (past midnight)",
      "Sun\tclosed",
      "slot 30 min; a booking lasts 30 min to 180 min",
      "",
    ]);
    expect(await read(v.id)).toMatchObject({
      weekly_hours: [
        { weekday: 1, opening_time: "08:00", closing_time: "23:00" },
        { weekday: 5, opening_time: "18:00", closing_time: "02:00" },
        { weekday: 6, opening_time: "10:00", closing_time: "02:00" },
      ],
      slot_minutes: 30,
      max_duration_minutes: 180,
    });
    const listed = await ok(["venues", "list", "--search", "Week Arena", "--all"]);
    expect(listed).toMatch(
      new RegExp(
        `^${id}\tWeek Arena\t1000\\.00\tMon 08:00-23:00, Tue-Thu closed, Fri 18:00-02:00 \\(past midnight\\), Sat 10:00-02:00 \\(past midnight\\), Sun closed\tyes$`,
        "m",
      ),
    );

    // every day alike, Sunday aside; the usual hours are the venue's times from now on
    const every = await ok([
      "venues",
      "hours",
      "set",
      id,
      "--every",
      "9:00-22:00",
      "--sun",
      "closed",
      "--max-duration",
      "default",
      "--json",
    ]);
    expect(JSON.parse(every)).toEqual({
      id: v.id,
      weekly_hours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opening_time: "09:00", closing_time: "22:00" })),
      slot_minutes: 30,
      min_duration_minutes: 30,
      max_duration_minutes: null,
    });
    const reset = await ok(["venues", "hours", "set", id, "--reset", "--slot", "60"], { VENUE_ADMIN_LANG: "ru" });
    expect(reset).toContain(`площадка #${v.id} Неделя: часы работы сохранены\nДень\tЧасы\nПн\t09:00-22:00\n`);
    expect(reset).toContain("Вс\t09:00-22:00\nслот 60 мин; бронь от 60 мин, не длиннее: весь день\n");
    const shown = await ok(["venues", "hours", "show", id], { VENUE_ADMIN_LANG: "uz" });
    // the name falls back to Russian where it has no Uzbek one
    expect(shown.split("\n").slice(0, 3)).toEqual([`Неделя (#${v.id})`, "Kun\tSoatlar", "Du\t09:00-22:00"]);
    expect((await read(v.id)).weekly_hours).toHaveLength(7);
    const brief = await ok(["venues", "show", id]);
    expect(brief).toContain("\nweek: every day 09:00-22:00\nslot 60 min; a booking lasts 60 min to the whole day\n");
  });

  it("asks for each weekday on a terminal, the current hours as the answer that keeps them", async () => {
    const v = await venue({ opening_time: "09:00", closing_time: "22:00" });
    const { ctx, asked, lines } = t.context({ interactive: true, answers: ["", "", "", "", "18:00-02:00", "", "closed", "", "", ""] });
    const week = await perform(ctx, setHoursAction(ctx, String(v.id), {}));
    expect(asked.slice(0, 2)).toEqual(["Mon: hours HH:MM-HH:MM or closed:", "Tue: hours HH:MM-HH:MM or closed:"]);
    expect(asked.slice(7)).toEqual([
      "Booking grid, minutes (30, 60, 90, 120):",
      "Shortest booking, minutes (default: one slot):",
      "Longest booking, minutes (default: the whole day):",
    ]);
    expect(week?.weekly_hours.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines).toContain("Fri\t18:00-02:00 (past midnight)\n");
    const same = t.context({ interactive: true, answers: Array<string>(10).fill("") });
    expect(await perform(same.ctx, setHoursAction(same.ctx, String(v.id), {}))).toBeNull();
    expect(same.lines).toEqual([`venue #${v.id}: hours unchanged\n`]);
  });

  it("checks hours before sending anything", async () => {
    for (const [argv, text] of [
      [["venues", "hours", "set", "5"], "error: nothing to change: pass at least one flag (see --help)\n"],
      [["venues", "hours", "set", "5", "--mon", "9-22"], /^error: invalid --mon: 9-22 \(expected HH:MM-HH:MM/],
      [["venues", "hours", "set", "5", "--tue", "25:00-26:00"], /^error: invalid --tue: 25:00-26:00/],
      [["venues", "hours", "set", "5", "--reset", "--every", "09:00-22:00"], "error: use --reset or --every, not both\n"],
      [["venues", "hours", "set", "5", "--reset", "--sun", "closed"], "error: use --reset or --sun, not both\n"],
      [["venues", "hours", "set", "5", "--slot", "45"], "error: invalid --slot: 45 (30, 60, 90 or 120 minutes)\n"],
      [["venues", "hours", "set", "5", "--min-duration", "x"], "error: invalid --min-duration: x\n"],
      [
        ["venues", "prices", "add", "5", "--days", "mon,xyz", "--from", "18:00", "--to", "23:00", "--price", "5"],
        /^error: invalid --days: mon,xyz/,
      ],
      [["venues", "prices", "add", "5", "--days", "mon", "--from", "18:00", "--to", "23:00"], "error: missing --price\n"],
      [
        ["venues", "prices", "add", "5", "--days", "mon", "--from", "18", "--to", "23:00", "--price", "5"],
        /^error: invalid --from: 18 \(expected HH:MM\)\n$/,
      ],
      [
        ["venues", "prices", "add", "5", "--days", "mon", "--from", "18:00", "--to", "23:00", "--price", "0"],
        /^error: invalid price rule: price_per_hour: /,
      ],
      [["venues", "prices", "remove", "5"], "error: missing <n>\n"],
      [["venues", "policy", "set", "5"], "error: nothing to change: pass at least one flag (see --help)\n"],
      [["venues", "policy", "set", "5", "--hold", "soon"], "error: invalid --hold: soon\n"],
      [["venues", "policy", "set", "5", "--horizon", "-1"], /^error: invalid booking rules: policy\.horizon_days: /],
      [["venues", "free", "--date", "2026-12-04", "--from", "19:00"], "error: missing --to\n"],
      [["venues", "free", "--date", "2026-12-04", "--from", "19:00", "--to", "21:00", "--places", "0"], "error: invalid --places: 0\n"],
    ] as const) {
      const r = await runInProcess([...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      if (typeof text === "string") expect(r.stderr, argv.join(" ")).toBe(text);
      else expect(r.stderr, argv.join(" ")).toMatch(text);
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
    const ru = await runInProcess(["venues", "hours", "set", "5", "--fri", "вечер"], undefined, { VENUE_ADMIN_LANG: "ru" });
    expect(ru.stderr).toMatch(/^ошибка: неверно \(--fri\): вечер \(нужно ЧЧ:ММ-ЧЧ:ММ/);
  });

  it("adds price rules, lists them by number, removes one, and a booking is charged by them", async () => {
    const v = await venue({ opening_time: "08:00", closing_time: "23:00", units: [{ name: { ru: "Корт", en: "Court" } }] });
    const id = String(v.id);
    const court = v.units[0]!.id;
    const added = await ok(["venues", "prices", "add", id, "--days", "mon-fri", "--from", "18:00", "--to", "23:00", "--price", "2500"]);
    expect(added.split("\n").slice(0, 3)).toEqual([
      `venue #${id}: price rule 1 added`,
      "#\tDays\tHours\tPrice/h\tUnit",
      "1\tMon-Fri\t18:00-23:00\t2500.00\tevery unit",
    ]);
    await ok(["venues", "prices", "add", id, "--days", "sat,7", "--from", "10:00", "--to", "02:00", "--price", "3000"]);
    await ok([
      "venues",
      "prices",
      "add",
      id,
      "--days",
      "5",
      "--from",
      "20:00",
      "--to",
      "23:00",
      "--price",
      "4000",
      "--unit",
      String(court),
      "--position",
      "1",
    ]);
    const list = await ok(["venues", "prices", "list", id]);
    expect(list.split("\n")).toEqual([
      `Week Arena (#${id})`,
      "#\tDays\tHours\tPrice/h\tUnit",
      `1\tFri\t20:00-23:00\t4000.00\t#${court} Court`,
      "2\tMon-Fri\t18:00-23:00\t2500.00\tevery unit",
      "3\tSat, Sun\t10:00-02:00 (past midnight)\t3000.00\tevery unit",
      "",
    ]);
    const json = JSON.parse(await ok(["venues", "prices", "list", id, "--json"])) as Venue["price_rules"];
    expect(json[0]).toEqual({ weekdays: [5], start_time: "20:00", end_time: "23:00", price_per_hour: "4000.00", unit_id: court });

    // a Friday evening: 17:00 at the venue's price, 18:00 by rule 2, 20:00 by rule 1 (it comes first);
    // the day's prices are the same whether a slot is booked or not
    const friday = next(5);
    const player = (await t.api.tokensFor(nextPhone())).userId;
    const b = await t.api.book(player, { venue_id: v.id, booking_date: friday, start_time: "17:00", end_time: "21:00" });
    const shown = await ok(["bookings", "show", String(b.id)]);
    expect(shown).toContain(
      [
        `total   ${UZS("10000")}`,
        `        17:00-18:00 at ${UZS("1000")}/h: ${UZS("1000")}`,
        `        18:00-20:00 at ${UZS("2500")}/h: ${UZS("5000")}`,
        `        20:00-21:00 at ${UZS("4000")}/h: ${UZS("4000")}`,
      ].join("\n"),
    );
    const day = await ok(["venues", "availability", id, "--date", friday]);
    expect(day).toContain(`\nprices per hour: 08:00-18:00 ${UZS("1000")}, 18:00-20:00 ${UZS("2500")}, 20:00-23:00 ${UZS("4000")}\n`);
    const details = await t.context().ctx.api.get(`/api/admin/bookings/${b.id}/`, AdminBookingDetailSchema);
    expect(details.price_breakdown.map((p) => p.amount)).toEqual(["1000.00", "5000.00", "4000.00"]);

    const removed = await ok(["venues", "prices", "remove", id, "2"], { VENUE_ADMIN_LANG: "ru" });
    expect(removed.split("\n")[0]).toBe(`площадка #${id}: удалено правило цены 2 (Пн-Пт 18:00-23:00 ${UZS("2500")})`);
    expect((await read(v.id)).price_rules.map((r) => r.price_per_hour)).toEqual(["4000.00", "3000.00"]);
    const gone = await t.program(["venues", "prices", "remove", id, "3"]);
    expect(gone.code).toBe(EXIT.FAILURE);
    expect(gone.stderr).toBe(`error: venue #${id} has 2 price rule(s): there is no rule 3 (see venue-admin venues prices list ${id})\n`);
    const elsewhere = await t.program([
      "venues",
      "prices",
      "add",
      id,
      "--days",
      "1",
      "--from",
      "08:00",
      "--to",
      "09:00",
      "--price",
      "1",
      "--unit",
      "999999",
    ]);
    expect(elsewhere.code).toBe(EXIT.FAILURE);
    expect(elsewhere.stderr).toMatch(/\[INVALID_PRICE_RULE\]\n$/);

    // from the menu: a rule asked for value by value, and one chosen from the list to remove
    const add = await t.program([], {
      interactive: true,
      answers: ["venues", "venues prices add", id, "tu", "07:00", "9:00", "1500", "", "back", "quit"],
    });
    expect(add.stderr).toBe("");
    expect(add.stdout).toContain(`venue #${id}: price rule 3 added\n`);
    expect(add.stdout).toContain(`3\tTue\t07:00-09:00\t1500.00\tevery unit\n`);
    const menu = await t.program([], { interactive: true, answers: ["venues", "venues prices remove", id, "1", "back", "quit"] });
    expect(menu.stderr).toBe("");
    expect(menu.asked).toContain("Price rule:");
    expect(menu.stdout).toContain(`venue #${id}: price rule 1 removed (Fri 20:00-23:00 ${UZS("4000")})`);
    expect((await read(v.id)).price_rules.map((r) => r.weekdays)).toEqual([[6, 7], [2]]);
  });

  it("shows the booking rules in force, changes some, and puts one back to the server's default", async () => {
    const v = await venue();
    const id = String(v.id);
    const defaults = t.api.deps.config;
    const shown = await ok(["venues", "policy", "show", id]);
    expect(shown.split("\n")).toEqual([
      `Week Arena (#${id})`,
      "Rule\tValue\tSet by",
      `Notice before the start\t${defaults.minNoticeMinutes} min\tserver default`,
      `Bookable ahead\t${defaults.horizonDays} days\tserver default`,
      `Players cancel until, before the start\t${defaults.cancelUntilMinutes} min\tserver default`,
      `An unconfirmed booking is held\t${defaults.holdMinutes === 0 ? "until its start" : `${defaults.holdMinutes} min`}\tserver default`,
      `Upcoming bookings per player\t${defaults.maxLiveBookingsPerUser}\tserver default`,
      "",
    ]);
    const set = await ok(["venues", "policy", "set", id, "--min-notice", "120", "--horizon", "30", "--hold", "0"]);
    expect(set).toContain(`venue #${id} Week Arena: booking rules saved\n`);
    expect(set).toContain("Notice before the start\t120 min\tthis venue\n");
    expect(set).toContain("An unconfirmed booking is held\tuntil its start\tthis venue\n");
    const back = JSON.parse(await ok(["venues", "policy", "set", id, "--horizon", "default", "--json"])) as Venue["policy"];
    expect(back).toMatchObject({ min_notice_minutes: 120, horizon_days: defaults.horizonDays, hold_minutes: 0 });
    expect(back.defaults.sort()).toEqual(["cancel_until_minutes", "horizon_days", "max_live_bookings_per_user"]);
    expect(await ok(["venues", "show", id])).toContain("booking rules: Notice before the start: 120 min; Bookable ahead:");

    // on a terminal: each rule asked with its current value; "default" for one the venue set
    const { ctx, asked } = t.context({ interactive: true, answers: ["default", "", "", "", "4"], env: { VENUE_ADMIN_LANG: "ru" } });
    const p = await perform(ctx, setPolicyAction(ctx, id, {}));
    expect(asked[0]).toBe("Бронь не позднее чем за, минут (сейчас 120; default — как на сервере):");
    expect(p).toMatchObject({ min_notice_minutes: defaults.minNoticeMinutes, max_live_bookings_per_user: 4, hold_minutes: 0 });
    expect(p?.defaults).toContain("min_notice_minutes");
  });

  it("lists the venues free at some hours, with their free units, leaving out those closed then", async () => {
    const saturday = next(6);
    const open = await venue({
      name: { ru: "Свободная", en: "Free Park" },
      units: [
        { name: { ru: "Корт 1" }, kind: "court" },
        { name: { ru: "Корт 2" }, kind: "court" },
        { name: { ru: "Зал" }, kind: "hall" },
      ],
    });
    await ok(["venues", "hours", "set", String(open.id), "--every", "08:00-23:00", "--sat", "10:00-02:00"]);
    const closed = await venue({ name: { ru: "Закрытая", en: "Shut Park" } });
    await ok(["venues", "hours", "set", String(closed.id), "--every", "08:00-23:00", "--sat", "closed"]);
    const player = (await t.api.tokensFor(nextPhone())).userId;
    await t.api.book(player, {
      venue_id: open.id,
      booking_date: saturday,
      start_time: "23:00",
      end_time: "01:00",
      unit_id: open.units[0]!.id,
    });
    // the hall's booking runs in the small hours: the booking says which calendar day that is
    const night = await t.api.book(player, {
      venue_id: open.id,
      booking_date: saturday,
      start_time: "00:00",
      end_time: "01:00",
      unit_id: open.units[2]!.id,
    });
    expect(await ok(["bookings", "show", String(night.id)])).toContain(
      `\nwhen    ${formatDay(saturday)} 00:00-01:00 (60 min, on ${formatDay(addDays(saturday, 1))})\n`,
    );

    const r = await ok(["venues", "free", "--date", saturday, "--from", "23:00", "--to", "01:00", "--all"]);
    expect(r).toMatch(new RegExp(`^${open.id}\tFree Park\tул. 12\t1\t10:00-02:00 \\(past midnight\\)$`, "m"));
    expect(r).not.toContain("Shut Park");
    const courts = pageSchema(VenueSchema, "P").parse(
      JSON.parse(
        await ok(["venues", "free", "--date", saturday, "--from", "23:00", "--to", "01:00", "--kind", "court", "--all", "--json"]),
      ),
    );
    expect(courts.results.find((x) => x.id === open.id)?.free_units).toBe(1);
    expect(courts.results.map((x) => x.id)).not.toContain(closed.id);

    // from the menu, asking for the day and the hours
    const menu = await t.program([], { interactive: true, answers: ["venues", "venues free", saturday, "23:00", "01:00", "back", "quit"] });
    expect(menu.stderr).toBe("");
    expect(menu.stdout).toMatch(new RegExp(`^${open.id}\tFree Park\t`, "m"));
  });
});
