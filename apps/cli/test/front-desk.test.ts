// The front desk from the command line: a walk-in booked by phone, moved an hour later and found by
// its reference; the same from the menu; and the checks made before anything is sent.
import { AdminBookingDetailSchema } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { formatDay } from "../src/output.ts";
import { deskVenue, TODAY, UZS } from "./desk.ts";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const REFERENCE = /^[2-9A-HJ-NP-Z]{8}$/;

describe("the front desk", () => {
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
  const booking = (id: number) => t.context().ctx.api.get(`/api/admin/bookings/${id}/`, AdminBookingDetailSchema);

  it("books a walk-in by phone, moves it an hour later, and finds it by its reference", async () => {
    const v = await venue();
    const day = addDays(TODAY, 3);
    const phone = nextPhone();
    const made = await ok([
      "bookings",
      "create",
      "--venue",
      String(v.id),
      "--phone",
      phone,
      "--name",
      "Aziz",
      "--unit",
      String(v.c1),
      "--date",
      day,
      "--from",
      "18:00",
      "--to",
      "19:00",
      "--note",
      "pays cash",
    ]);
    const [, id = "", reference = ""] = /^booking #(\d+) confirmed, reference (\w+): /.exec(made) ?? [];
    expect(reference).toMatch(REFERENCE);
    expect(made).toBe(
      `booking #${id} confirmed, reference ${reference}: ${phone}, #${v.id} Desk Arena, ${formatDay(day)} 18:00-19:00, #${v.c1} Court 1, ${UZS("100000")}\n`,
    );
    const b = await booking(Number(id));
    expect(b).toMatchObject({ status: "confirmed", source: "staff", note: "pays cash", series_id: null, user: { phone } });

    // one hour later: the same length, and the evening price
    const moved = await ok(["bookings", "move", id, "--from", "19:00"]);
    expect(moved).toBe(
      `booking #${id} moved: ${formatDay(day)} 18:00-19:00, #${v.c1} Court 1 -> ${formatDay(day)} 19:00-20:00, #${v.c1} Court 1; total ${UZS("150000")} (was ${UZS("100000")})\n`,
    );
    const ru = await ok(["bookings", "move", id, "--unit", String(v.c2), "--json"], { VENUE_ADMIN_LANG: "ru" });
    expect(AdminBookingDetailSchema.parse(JSON.parse(ru))).toMatchObject({ unit: { id: v.c2 }, start_time: "19:00", end_time: "20:00" });
    await ok(["bookings", "move", id, "--unit", String(v.c1)]);
    expect(await ok(["bookings", "move", id, "--from", "19:00"])).toBe(
      `booking #${id} stays at ${formatDay(day)} 19:00-20:00, #${v.c1} Court 1\n`,
    );

    // shown with its reference, who made it, the note, and the move from the old time to the new
    const shown = await ok(["bookings", "show", id]);
    const lines = shown.split("\n");
    expect(lines.slice(0, 2)).toEqual([`Booking #${id}, reference ${reference}: confirmed`, `venue   #${v.id} Desk Arena`]);
    expect(shown).toContain(`\nsource  staff (for a customer)\nnote    pays cash\n`);
    expect(shown).not.toContain("\nseries  ");
    expect(lines).toContain("At (Asia/Tashkent)\tFrom\tTo\tBy\tReason");
    const admin = b.history[0]!.actor_user_id;
    expect(lines.filter((l) => l.includes("\tadmin #"))).toEqual([
      expect.stringMatching(new RegExp(`\t-\tconfirmed\tadmin #${admin}\t$`)),
      expect.stringMatching(
        new RegExp(`\t${formatDay(day)} 18:00-19:00\t${formatDay(day)} 19:00-20:00\tadmin #${admin}\tmoved by the venue$`),
      ),
      expect.stringMatching(new RegExp(`\t${formatDay(day)} 19:00-20:00, #${v.c1}\t${formatDay(day)} 19:00-20:00, #${v.c2}\tadmin #`)),
      expect.stringMatching(new RegExp(`\t${formatDay(day)} 19:00-20:00, #${v.c2}\t${formatDay(day)} 19:00-20:00, #${v.c1}\tadmin #`)),
    ]);
    const uz = await ok(["bookings", "show", id], { VENUE_ADMIN_LANG: "uz" });
    expect(uz.split("\n")[0]).toBe(`#${id} bron, kodi ${reference}: confirmed`);
    expect(uz).toContain("\nmanba      xodimlar (mijoz uchun)\n");

    // read out on the phone, in any case: the same view as `bookings show`
    expect(await ok(["bookings", "find", reference.toLowerCase()])).toBe(shown);
    expect(AdminBookingDetailSchema.parse(JSON.parse(await ok(["bookings", "find", reference, "--json"]))).id).toBe(Number(id));
    const missing = await t.program(["bookings", "find", "ZZZZ2222"]);
    expect(missing.code).toBe(EXIT.FAILURE);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("error: no booking has reference ZZZZ2222 (a reference is 8 letters and digits, never 0, 1, O or I)\n");

    // a retry with the same key gives the first booking, not a second one
    const again = ["bookings", "create", "--venue", String(v.id), "--phone", phone, "--date", day, "--from", "10:00", "--to", "11:00"];
    const key = ["--idempotency-key", `desk-${id}`, "--json"];
    const first = AdminBookingDetailSchema.parse(JSON.parse(await ok([...again, ...key])));
    expect(AdminBookingDetailSchema.parse(JSON.parse(await ok([...again, ...key]))).id).toBe(first.id);
    expect(first).toMatchObject({ unit: { id: v.c1 }, status: "confirmed" });
    const pending = AdminBookingDetailSchema.parse(JSON.parse(await ok([...again, "--kind", "court", "--pending", "--json"])));
    expect(pending).toMatchObject({ unit: { id: v.c2 }, status: "pending", note: null });
  });

  it("books, finds and moves from the menu, asking for each value", async () => {
    const v = await venue();
    const day = addDays(TODAY, 4);
    const phone = nextPhone();
    const r = await t.program([], {
      interactive: true,
      answers: ["bookings", "bookings create", String(v.id), day, "09:00", "10:00", String(v.c2), phone, "Dilnoza", "", "back", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.asked.slice(2)).toEqual([
      "Venue id:",
      "Date (YYYY-MM-DD):",
      "Starts at (HH:MM):",
      "Ends at (HH:MM):",
      "Unit:",
      "Customer's phone (+998XXXXXXXXX):",
      "Customer's name (optional; kept for a new customer):",
      "Note (optional, e.g. pays cash):",
      "Bookings:",
      "Signed in as the token in VENUE_API_TOKEN · " + t.baseUrl + " (profile default)\nWhat would you like to do?",
    ]);
    const [, id = "", reference = ""] = /booking #(\d+) confirmed, reference (\w+): /.exec(r.stdout) ?? [];
    expect(r.stdout).toContain(`, ${formatDay(day)} 09:00-10:00, #${v.c2} Court 2, ${UZS("100000")}\n`);

    const later = await t.program([], {
      interactive: true,
      answers: ["bookings", "bookings find", reference, "bookings move", id, "", "11:00", "", "", "back", "quit"],
    });
    expect(later.stderr).toBe("");
    expect(later.stdout).toContain(`Booking #${id}, reference ${reference}: confirmed\n`);
    expect(later.asked).toEqual(
      expect.arrayContaining([
        "Booking reference (e.g. K7M2QX9A):",
        `New date YYYY-MM-DD (empty: keep ${day}):`,
        "New start HH:MM (empty: keep 09:00):",
        "New end HH:MM (empty: 10:00, or the same length after a new start):",
      ]),
    );
    expect(later.stdout).toContain(
      `booking #${id} moved: ${formatDay(day)} 09:00-10:00, #${v.c2} Court 2 -> ${formatDay(day)} 11:00-12:00, #${v.c2} Court 2; total ${UZS("100000")} (was ${UZS("100000")})\n`,
    );
    expect((await booking(Number(id))).user.phone).toBe(phone);
  });

  it("checks what was typed before sending anything", async () => {
    const create = [
      "bookings",
      "create",
      "--venue",
      "5",
      "--phone",
      "+998901234567",
      "--date",
      "2026-12-04",
      "--from",
      "18:00",
      "--to",
      "19:00",
    ];
    const series = ["series", "create", "--venue", "5", "--phone", "+998901234567", "--weekday", "2", "--from", "20:00", "--to", "22:00"];
    for (const [argv, text] of [
      [["bookings", "create"], "error: missing --venue\n"],
      [["bookings", "create", "--venue", "5", "--date", "2026-12-04", "--from", "18:00", "--to", "19:00"], "error: missing --phone\n"],
      [[...create, "--unit", "3", "--kind", "court"], "error: use --unit or --kind, not both\n"],
      [[...create.slice(0, -1), "7pm"], "error: invalid --to: 7pm (expected HH:MM)\n"],
      [[...create, "--places", "0"], "error: invalid --places: 0\n"],
      [[...create, "--note", "x".repeat(501)], /^error: invalid booking: note: /],
      [["bookings", "move", "42"], "error: nothing to move: give --date, --from, --to or --unit\n"],
      [["bookings", "move", "42", "--date", "2026-02-30"], "error: invalid --date: expected a real date as YYYY-MM-DD\n"],
      [["bookings", "find", "K7M2QX9A!"], "error: invalid reference: K7M2QX9A!\n"],
      [[...series, "--first-date", "2026-12-01"], "error: missing --weeks or --last-date\n"],
      [
        [...series, "--first-date", "2026-12-01", "--weeks", "3", "--last-date", "2027-01-05"],
        "error: use --weeks or --last-date, not both\n",
      ],
      [[...series, "--first-date", "2026-12-01", "--weeks", "53"], /^error: invalid series: weeks: /],
      [
        [...series.slice(0, 7), "funday", "--first-date", "2026-12-01", "--weeks", "3"],
        "error: invalid --weekday: funday (1-7 with 1 = Monday, or mon..sun)\n",
      ],
      [["series", "cancel", "7"], "error: refusing to cancel a series without --yes\n"],
      [["series", "cancel", "7", "--from", "5 Jan", "--yes"], "error: invalid --from: expected a real date as YYYY-MM-DD\n"],
    ] as const) {
      const r = await runInProcess([...argv]);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      if (typeof text === "string") expect(r.stderr, argv.join(" ")).toBe(text);
      else expect(r.stderr, argv.join(" ")).toMatch(text);
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
  });
});
