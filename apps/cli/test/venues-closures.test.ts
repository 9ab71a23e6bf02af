// Closures from the command line: a whole day or some hours, of the venue or one unit, a night's
// small hours too; the bookings and sessions in the way listed with who holds them, and cancelled
// with the closure when asked (by flag, or by a yes on a terminal); closures listed and removed;
// and the day drawn with its closed slots, their reason, and a weekday the venue does not open.
import { AdminBookingDetailSchema, ClosureListSchema, ClosureSchema, SessionSchema, VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime, weekdayOf } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { formatDay } from "../src/output.ts";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const TODAY = localDateTime(new Date()).date;
/** The first date at least two days ahead that falls on `weekday` (1 = Monday). */
const next = (weekday: number) => {
  let d = addDays(TODAY, 2);
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return d;
};

describe("closures", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  /** A venue of two units (Court, Hall), open 09:00-22:00; its id and the units' ids. */
  const venue = async () => {
    const v = await t.context().ctx.api.post(
      "/api/venues/",
      {
        name: { ru: "Закрытия", en: "Closing Park" },
        address: { ru: "ул. 13" },
        price_per_hour: "1000",
        units: [{ name: { ru: "Корт", en: "Court" } }, { name: { ru: "Зал", en: "Hall" } }],
      },
      VenueSchema,
    );
    const [court, hall] = v.units.map((u) => u.id) as [number, number];
    return { id: v.id, court, hall };
  };
  const ok = async (argv: string[], env?: Record<string, string>) => {
    const r = await t.program(argv, env ? { env } : {});
    expect(r.stderr, argv.join(" ")).toBe("");
    expect(r.code, argv.join(" ")).toBe(EXIT.OK);
    return r.stdout;
  };
  const booking = async (id: number) => t.context().ctx.api.get(`/api/admin/bookings/${id}/`, AdminBookingDetailSchema);

  it("closes a whole day with a reason in three languages, lists it, draws it, and removes it", async () => {
    const v = await venue();
    const id = String(v.id);
    const day = addDays(TODAY, 3);
    const closed = await ok(["venues", "close", id, "--date", day, "--reason", "Праздник", "--reason-en", "Holiday"]);
    const closureId = Number(/\(closure #(\d+)\)/.exec(closed)?.[1]);
    expect(closed).toBe(`venue #${id} closed ${formatDay(day)} the whole day (09:00-22:00): Holiday (closure #${closureId})\n`);

    const list = await ok(["venues", "closures", "list", id]);
    expect(list.split("\n")[0]).toBe("ID\tDate\tTime\tUnit\tReason\tClosed at (Asia/Tashkent)");
    expect(list.split("\n")[1]).toMatch(
      new RegExp(
        `^${closureId}\t${formatDay(day)}\tthe whole day \\(09:00-22:00\\)\tthe whole venue\tHoliday\t\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`,
      ),
    );
    const uz = await ok(["venues", "closures", "list", id], { VENUE_ADMIN_LANG: "uz" });
    expect(uz).toContain("\tbutun kun (09:00-22:00)\tbutun maydon\tПраздник\t");
    expect(ClosureListSchema.shape.results.parse(JSON.parse(await ok(["venues", "closures", "list", id, "--json"])))).toMatchObject([
      { id: closureId, whole_day: true, reason: { ru: "Праздник", en: "Holiday" } },
    ]);

    const drawn = await ok(["venues", "availability", id, "--date", day]);
    const lines = drawn.split("\n");
    expect(lines[2]).toBe("───── ".repeat(12));
    expect(drawn).toContain("\nfree: none\nclosed: 09:00-22:00 (Holiday)\n");
    expect(drawn).not.toContain("price per hour");
    expect(drawn).toContain(`Time\t#${v.court} Court\t#${v.hall} Hall\n09:00-10:00\tclosed\tclosed\n`);

    const removed = await ok(["venues", "closures", "remove", id, String(closureId)], { VENUE_ADMIN_LANG: "ru" });
    expect(removed).toBe(`закрытие #${closureId} площадки #${id} удалено: это время снова можно бронировать\n`);
    const empty = await t.program(["venues", "closures", "list", id]);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toBe("no coming closures (--all shows past ones too)\n");
    const again = await t.program(["venues", "closures", "remove", id, String(closureId)]);
    expect(again.code).toBe(EXIT.FAILURE);
    expect(again.stderr).toBe(`error: Closure not found. [CLOSURE_NOT_FOUND] (see venue-admin venues closures list ${id} --all)\n`);
    expect(await ok(["venues", "availability", id, "--date", day])).toContain(
      `\nfree: 09:00-22:00\nprice per hour: 1\u00a0000.00\u00a0UZS\n`,
    );
  });

  it("lists the bookings and sessions in the way with who holds them, then cancels them with --cancel-bookings", async () => {
    const v = await venue();
    const id = String(v.id);
    const day = addDays(TODAY, 4);
    const phone = nextPhone();
    const player = (await t.api.tokensFor(phone)).userId;
    const b = await t.api.book(player, { venue_id: v.id, booking_date: day, start_time: "12:00", end_time: "13:00", unit_id: v.court });
    const { ctx } = t.context();
    const s = await ctx.api.post(
      `/api/venues/${v.id}/sessions/`,
      {
        unit_id: v.hall,
        title: { ru: "Игра", en: "Open game" },
        booking_date: day,
        start_time: "12:00",
        end_time: "14:00",
        capacity: 10,
        price_per_place: "500",
      },
      SessionSchema,
    );
    const argv = ["venues", "close", id, "--date", day, "--from", "11:00", "--to", "15:00", "--reason", "Ремонт"];

    const refused = await t.program(argv);
    expect(refused.code).toBe(EXIT.FAILURE);
    const rows = refused.stdout.split("\n");
    expect(rows[0]).toBe("Kind\tID\tUnit\tDate\tTime\tPlayer or session");
    expect(rows).toContain(`booking\t${b.id}\t#${v.court} Court\t${formatDay(day)}\t12:00-13:00\t${phone}`);
    expect(rows).toContain(`session\t${s.id}\t#${v.hall} Hall\t${formatDay(day)}\t12:00-14:00\tOpen game`);
    expect(refused.stderr).toBe(
      "error: 2 live booking(s) or session(s) are in the way (listed): add --cancel-bookings to cancel them with the closure, or choose another time\n",
    );
    const json = await t.program([...argv, "--json"]);
    expect(json.code).toBe(EXIT.FAILURE);
    expect(
      (JSON.parse(json.stdout) as { conflicts: { kind: string; id: number }[] }).conflicts.map((c) => `${c.kind} ${c.id}`).sort(),
    ).toEqual([`booking ${b.id}`, `session ${s.id}`].sort());
    const ru = await t.program(argv, { env: { VENUE_ADMIN_LANG: "ru" } });
    expect(ru.stdout.split("\n")[0]).toBe("Тип\tID\tОбъект\tДата\tВремя\tИгрок или сеанс");
    expect(ru.stderr).toMatch(/^ошибка: мешают действующие бронирования или сеансы \(2, см\. список\): добавьте --cancel-bookings/);
    expect((await booking(b.id)).status).toBe("pending");

    const done = await ok([...argv, "--cancel-bookings"]);
    expect(done.split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^venue #${id} closed ${formatDay(day)} 11:00-15:00: Ремонт \\(closure #\\d+\\)$`)),
      `cancelled bookings: #${b.id}`,
      `cancelled sessions, with their bookings: #${s.id}`,
      "",
    ]);
    expect((await booking(b.id)).status).toBe("cancelled");
    expect((await ctx.api.get(`/api/sessions/${s.id}/`, SessionSchema)).status).toBe("cancelled");
  });

  it("asks on a terminal (from the menu) for the hours, unit and reason, and whether to cancel what is in the way", async () => {
    const v = await venue();
    const day = addDays(TODAY, 5);
    const player = (await t.api.tokensFor(nextPhone())).userId;
    const b = await t.api.book(player, { venue_id: v.id, booking_date: day, start_time: "10:00", end_time: "11:00", unit_id: v.hall });
    const r = await t.program([], {
      interactive: true,
      answers: ["venues", "venues close", String(v.id), day, "10:00-12:00", String(v.hall), "Уборка", true, "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.asked).toEqual(
      expect.arrayContaining([
        "Date (YYYY-MM-DD):",
        "Hours HH:MM-HH:MM (empty: the whole day):",
        "Close:",
        "Reason, in Russian (shown to players; empty: none):",
        "Cancel these 1 booking(s) and session(s), and close?",
      ]),
    );
    expect(r.stdout).toContain(`booking\t${b.id}\t#${v.hall} Hall\t`);
    expect(r.stdout).toMatch(
      new RegExp(
        `venue #${v.id} closed ${formatDay(day)} 10:00-12:00, unit #${v.hall}: Уборка \\(closure #\\d+\\)\ncancelled bookings: #${b.id}\n`,
      ),
    );
    expect((await booking(b.id)).status).toBe("cancelled");

    // a no keeps everything as it was (another day: the hall's closure above already holds part of this one)
    const later = addDays(day, 1);
    const other = await t.api.book(player, {
      venue_id: v.id,
      booking_date: later,
      start_time: "15:00",
      end_time: "16:00",
      unit_id: v.court,
    });
    const kept = await t.program([], {
      interactive: true,
      answers: ["venues", "venues close", String(v.id), later, "", "", "", false, "back", "quit"],
    });
    expect(kept.stderr).toBe("");
    expect(kept.stdout).toContain(`venue #${v.id} not closed\n`);
    expect((await booking(other.id)).status).toBe("pending");
    expect((await t.context().ctx.api.get(`/api/venues/${v.id}/closures/`, ClosureListSchema)).results).toHaveLength(1);
  });

  it("closes one unit for a night's small hours, and draws the night past midnight", async () => {
    const v = await venue();
    const id = String(v.id);
    const friday = next(5);
    await ok(["venues", "hours", "set", id, "--every", "09:00-22:00", "--fri", "18:00-02:00"]);
    const closed = await ok([
      "venues",
      "close",
      id,
      "--date",
      friday,
      "--from",
      "01:00",
      "--to",
      "02:00",
      "--unit",
      String(v.court),
      "--json",
    ]);
    const closure = ClosureSchema.parse(JSON.parse(closed));
    expect(closure).toMatchObject({ unit_id: v.court, start_time: "01:00", end_time: "02:00", after_midnight: true, whole_day: false });
    const list = await ok(["venues", "closures", "list", id]);
    expect(list).toContain(`${closure.id}\t${formatDay(friday)}\t01:00-02:00 (on ${formatDay(addDays(friday, 1))})\t#${v.court} Court\t\t`);

    const drawn = await ok(["venues", "availability", id, "--date", friday]);
    expect(drawn.split("\n").slice(0, 3)).toEqual([
      `Closing Park (#${id}), ${formatDay(friday)}, open 18:00-02:00`,
      "18:00 19:00 20:00 21:00 22:00 23:00 00:00 01:00 ",
      "░░░░░ ░░░░░ ░░░░░ ░░░░░ ░░░░░ ░░░░░ ░░░░░ ░░░░░ ",
    ]);
    expect(drawn).toContain(`\nfrom 00:00 on: ${formatDay(addDays(friday, 1))}\n`);
    expect(drawn).toContain("\n00:00-01:00\tfree\tfree\n01:00-02:00\tclosed\tfree\n");

    // removed from the menu, chosen from the coming closures
    const menu = await t.program([], {
      interactive: true,
      answers: ["venues", "venues closures remove", id, String(closure.id), "back", "quit"],
    });
    expect(menu.stderr).toBe("");
    expect(menu.asked).toContain("Closure:");
    expect(menu.stdout).toContain(`closure #${closure.id} of venue #${id} removed: its time can be booked again\n`);
  });

  it("says a weekday the venue does not open is closed, and refuses a closure there", async () => {
    const v = await venue();
    const id = String(v.id);
    const sunday = next(7);
    await ok(["venues", "hours", "set", id, "--every", "09:00-22:00", "--sun", "closed"]);
    expect(await ok(["venues", "availability", id, "--date", sunday])).toBe(
      `Closing Park (#${id}), ${formatDay(sunday)}, closed that day\n`,
    );
    const ru = await ok(["venues", "availability", id, "--date", sunday], { VENUE_ADMIN_LANG: "ru" });
    expect(ru).toMatch(/, в этот день закрыто\n$/);
    const r = await t.program(["venues", "close", id, "--date", sunday]);
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toMatch(/\[DAY_CLOSED\]\n$/);
  });

  it("says what to look at when the API refuses a closure without naming anything in the way", async () => {
    const problem = {
      type: "urn:venue-booking:problem:closure-conflicts",
      title: "Conflict",
      status: 409,
      detail: "1 live bookings or sessions fall in this closure; cancel them with cancel_bookings: true, or choose another time.",
      request_id: "r-1",
      code: "CLOSURE_CONFLICTS",
    };
    const r = await runInProcess(["venues", "close", "5", "--date", "2026-12-04", "--cancel-bookings"], {
      status: 409,
      body: JSON.stringify(problem),
      contentType: "application/problem+json",
    });
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "error: the API refused the closure [CLOSURE_CONFLICTS] without naming a booking or session in the way: another closure probably holds some of this time (see venue-admin venues closures list 5)\n",
    );
  });

  it("checks a closure before sending anything", async () => {
    for (const [argv, text] of [
      [["venues", "close", "5"], "error: missing --date\n"],
      [["venues", "close", "5", "--date", "2026-02-30"], "error: invalid --date: expected a real date as YYYY-MM-DD\n"],
      [["venues", "close", "5", "--date", "2026-12-04", "--from", "12:00"], "error: missing --to\n"],
      [["venues", "close", "5", "--date", "2026-12-04", "--to", "12:00"], "error: missing --from\n"],
      [
        ["venues", "close", "5", "--date", "2026-12-04", "--from", "noon", "--to", "13:00"],
        "error: invalid --from: noon (expected HH:MM)\n",
      ],
      [["venues", "close", "5", "--date", "2026-12-04", "--unit", "x"], "error: invalid --unit: x\n"],
      [
        ["venues", "close", "5", "--date", "2026-12-04", "--reason-en", "Holiday"],
        "error: --reason-uz and --reason-en translate --reason (the Russian text): give --reason too\n",
      ],
      [["venues", "close", "5", "--date", "2026-12-04", "--reason", " "], /^error: invalid closure: reason\.ru: /],
      [["venues", "closures", "remove", "5"], "error: missing <closure-id>\n"],
      [["venues", "closures", "remove", "5", "0"], "error: invalid <closure-id>: 0\n"],
    ] as const) {
      const r = await runInProcess([...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      if (typeof text === "string") expect(r.stderr, argv.join(" ")).toBe(text);
      else expect(r.stderr, argv.join(" ")).toMatch(text);
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
  });
});
