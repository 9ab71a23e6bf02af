// The waitlist and the messages to players from the command line: players waiting for a taken court,
// the time offered to the first when an admin cancels the booking that held it, the messages the
// API's dispatcher sent (and one the SMS gateway refused), the menu, and the checks made before
// anything is sent.
import { AdminBookingDetailSchema, BookingSchema, NotificationSchema, pageSchema, WaitlistEntrySchema } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SmsDeliveryError } from "../../api/src/infra/sms.ts";
import { dispatchOnce } from "../../api/src/services/dispatcher.ts";
import { EXIT } from "../src/exit-codes.ts";
import { formatDay, formatLocal } from "../src/output.ts";
import { deskVenue, TODAY } from "./desk.ts";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const LOCAL_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
const WaitlistPageSchema = pageSchema(WaitlistEntrySchema, "AdminWaitlistPage");
const NotificationPageSchema = pageSchema(NotificationSchema, "NotificationPage");

describe("the waitlist and messages to players", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  const ok = async (argv: string[], env?: Record<string, string>) => {
    const r = await t.program(argv, env ? { env } : {});
    expect(r.stderr, argv.join(" ")).toBe("");
    expect(r.code, argv.join(" ")).toBe(EXIT.OK);
    return r.stdout;
  };
  /** A signed-in player and the API as they call it. */
  const player = async () => {
    const phone = nextPhone();
    const { access, userId } = await t.api.tokensFor(phone);
    return { phone, userId, api: t.context({ token: access }).ctx.api };
  };
  type Player = Awaited<ReturnType<typeof player>>;
  const book = (p: Player, body: Record<string, unknown>) => p.api.post("/api/bookings/", body, BookingSchema);
  const wait = (p: Player, body: Record<string, unknown>) => p.api.post("/api/waitlist/", body, WaitlistEntrySchema);
  const reference = async (id: number) => (await t.context().ctx.api.get(`/api/admin/bookings/${id}/`, AdminBookingDetailSchema)).reference;
  /** What the API's dispatcher would send by itself: every message due now. */
  const drain = async () => {
    while ((await dispatchOnce(t.api.deps)) > 0);
  };

  it("lists who waits, and the booking offered to the first when an admin cancels the one holding the time", async () => {
    const v = await deskVenue(t);
    const day = addDays(TODAY, 5);
    const slot = { venue_id: v.id, booking_date: day, start_time: "18:00", end_time: "19:00" };
    const holder = await book(await player(), { ...slot, unit_id: v.c1 });
    await book(await player(), { ...slot, unit_id: v.c2 });
    const first = await player();
    const second = await player();
    const forCourt1 = await wait(first, { ...slot, unit_id: v.c1 });
    const forAnyCourt = await wait(second, { ...slot, unit_kind: "court" });

    const waiting = (await ok(["waitlist", "list", "--venue", String(v.id)])).split("\n");
    expect(waiting).toEqual([
      "ID\tPhone\tVenue\tUnit\tDate\tTime\tStatus\tOffered booking",
      `${forAnyCourt.id}\t${second.phone}\t#${v.id}\tcourt\t${formatDay(day)}\t18:00-19:00\twaiting\t`,
      `${forCourt1.id}\t${first.phone}\t#${v.id}\t#${v.c1}\t${formatDay(day)}\t18:00-19:00\twaiting\t`,
      "",
    ]);

    // court 1 comes free: offered to the first, held for them; the other still waits for a court
    await ok(["bookings", "set-status", String(holder.id), "cancelled", "--reason", "дождь", "--yes"]);
    const page = WaitlistPageSchema.parse(JSON.parse(await ok(["waitlist", "list", "--venue", String(v.id), "--json"])));
    expect(page).toMatchObject({ count: 2, next: null });
    const [stillWaiting, offer] = page.results;
    expect(stillWaiting).toMatchObject({ id: forAnyCourt.id, status: "waiting", booking_id: null, offered_until: null });
    expect(offer).toMatchObject({ id: forCourt1.id, user: { id: first.userId, phone: first.phone }, status: "offered" });
    const offered = offer!.booking_id!;
    const until = formatLocal(offer!.offered_until!);
    expect(until).toMatch(new RegExp(`^${LOCAL_TIME}$`));

    expect((await ok(["waitlist", "list", "--venue", String(v.id), "--status", "offered"])).split("\n")).toEqual([
      "ID\tPhone\tVenue\tUnit\tDate\tTime\tStatus\tOffered booking",
      `${forCourt1.id}\t${first.phone}\t#${v.id}\t#${v.c1}\t${formatDay(day)}\t18:00-19:00\toffered\t#${offered} until ${until}`,
      "",
    ]);
    const ru = (await ok(["waitlist", "list", "--venue", String(v.id), "--status", "offered"], { VENUE_ADMIN_LANG: "ru" })).split("\n");
    expect(ru[0]).toBe("ID\tТелефон\tПлощадка\tОбъект\tДата\tВремя\tСтатус\tПредложенная бронь");
    expect(ru[1]).toMatch(new RegExp(`\toffered\t#${offered} до ${until}$`));
    const uz = (await ok(["waitlist", "list", "--venue", String(v.id), "--status", "offered"], { VENUE_ADMIN_LANG: "uz" })).split("\n");
    expect(uz[1]).toMatch(new RegExp(`\toffered\t#${offered}, ${until} gacha$`));

    // each player was told, in Russian (they chose no language): the holder why, the first what to do
    await drain();
    const told = (await ok(["notifications", "--user", String(first.userId)])).split("\n");
    expect(told).toEqual([
      "At (Asia/Tashkent)\tKind\tStatus\tPhone\tText or last error",
      expect.stringMatching(new RegExp(`^${LOCAL_TIME}\toffered\tsent\t${first.phone.replace("+", "\\+")}\t`)),
      "",
    ]);
    expect(told[1]!.split("\t")[4]).toBe(
      `Освободилось время, которого вы ждали: Ресепшн, ${day} 18:00-19:00. Бронь ${await reference(offered)} держится за вами недолго: сохраните её в приложении.`,
    );
    const cancelled = (await ok(["notifications", "--booking", String(holder.id)])).split("\n");
    expect(cancelled[1]!.split("\t").slice(1)).toEqual([
      "cancelled",
      "sent",
      expect.stringMatching(/^\+998\d{9}$/),
      `Бронь ${holder.reference} отменена: Ресепшн, ${day} 18:00-19:00. Причина: дождь.`,
    ]);

    // no one waits at a venue nobody asked about: nothing on stdout, and a word on stderr
    const other = await deskVenue(t);
    const none = await t.program(["waitlist", "list", "--venue", String(other.id)]);
    expect(none).toMatchObject({ code: EXIT.OK, stdout: "", stderr: "no waitlist entries match\n" });
  });

  it("shows the message sent when an admin confirms a player's booking, and one the SMS gateway refused", async () => {
    const v = await deskVenue(t);
    const day = addDays(TODAY, 6);
    const p = await player();
    const b = await book(p, { venue_id: v.id, unit_id: v.c2, booking_date: day, start_time: "10:00", end_time: "11:00" });
    expect(b.status).toBe("pending");
    const messages = async () => (await ok(["notifications", "--booking", String(b.id)])).split("\n");

    await ok(["bookings", "set-status", String(b.id), "confirmed"]);
    // owed in the confirmation's transaction; the phone and text are recorded when it is sent
    expect(await messages()).toEqual([
      "At (Asia/Tashkent)\tKind\tStatus\tPhone\tText or last error",
      expect.stringMatching(new RegExp(`^${LOCAL_TIME}\tconfirmed\tpending\tuser #${p.userId}\t$`)),
      "",
    ]);
    await drain();
    const sent = await messages();
    expect(sent[1]!.split("\t").slice(1)).toEqual([
      "confirmed",
      "sent",
      p.phone,
      `Бронь ${b.reference} подтверждена: Ресепшн, ${day} 10:00-11:00.`,
    ]);
    expect(t.api.sms.sent).toContainEqual({ phone: p.phone, text: `Бронь ${b.reference} подтверждена: Ресепшн, ${day} 10:00-11:00.` });

    // moved by the venue while the gateway is down: owed still, with the gateway's answer, tried again later
    const down = vi.spyOn(t.api.sms, "send").mockRejectedValue(new SmsDeliveryError("SMS gateway answered 503"));
    try {
      await ok(["bookings", "move", String(b.id), "--from", "12:00"]);
      await drain();
    } finally {
      down.mockRestore();
    }
    const both = await messages();
    expect(both.slice(1).map((l) => l.split("\t").slice(1))).toEqual([
      ["moved", "pending", p.phone, "SMS gateway answered 503"],
      ["confirmed", "sent", p.phone, `Бронь ${b.reference} подтверждена: Ресепшн, ${day} 10:00-11:00.`],
      [],
    ]);

    const json = NotificationPageSchema.parse(JSON.parse(await ok(["notifications", "--booking", String(b.id), "--all", "--json"])));
    expect(json).toMatchObject({ count: 2, next: null, previous: null });
    expect(json.results).toEqual([
      expect.objectContaining({ kind: "moved", status: "pending", attempts: 1, last_error: "SMS gateway answered 503", sent_at: null }),
      expect.objectContaining({ kind: "confirmed", status: "sent", attempts: 1, user_id: p.userId, booking_id: b.id, last_error: null }),
    ]);
    expect(json.results[1]!.sent_at).not.toBeNull();
    const uz = (await ok(["notifications", "--booking", String(b.id)], { VENUE_ADMIN_LANG: "uz" })).split("\n");
    expect(uz[0]).toBe("Qachon (Asia/Tashkent)\tTuri\tHolat\tTelefon\tMatn yoki oxirgi xato");
  });

  it("lists both from the menu, asking for the filters", async () => {
    const v = await deskVenue(t);
    const day = addDays(TODAY, 7);
    const slot = { venue_id: v.id, booking_date: day, start_time: "20:00", end_time: "21:00" };
    const holder = await book(await player(), { ...slot, unit_id: v.c1 });
    const waiter = await player();
    const entry = await wait(waiter, { ...slot, unit_id: v.c1 });
    await ok(["bookings", "set-status", String(holder.id), "cancelled", "--yes"]);

    const list = await t.program([], {
      interactive: true,
      answers: ["waitlist", "waitlist list", String(v.id), "offered", "back", "quit"],
    });
    expect(list.stderr).toBe("");
    expect(list.code).toBe(EXIT.OK);
    expect(list.asked.slice(1, 4)).toEqual(["Waitlist and messages:", "Venue id (empty for all):", "Status:"]);
    expect(list.stdout).toMatch(
      new RegExp(
        `^${entry.id}\t${waiter.phone.replace("+", "\\+")}\t#${v.id}\t#${v.c1}\t${formatDay(day)}\t20:00-21:00\toffered\t#\\d+ until ${LOCAL_TIME}$`,
        "m",
      ),
    );

    await drain();
    const messages = await t.program([], { interactive: true, answers: ["waitlist", "notifications", String(holder.id), "back", "quit"] });
    expect(messages.stderr).toBe("");
    expect(messages.asked.slice(1, 3)).toEqual(["Waitlist and messages:", "Booking id (empty for all):"]);
    expect(messages.stdout).toMatch(new RegExp(`^${LOCAL_TIME}\tcancelled\tsent\t\\+998\\d{9}\tБронь ${holder.reference} отменена: `, "m"));
  });

  it("checks the filters before anything is sent", async () => {
    const refusals: [string[], string][] = [
      [["waitlist", "list", "--status", "pending"], "error: --status must be one of waiting, offered, kept, lapsed, cancelled\n"],
      [["waitlist", "list", "--venue", "x"], "error: invalid --venue: x\n"],
      [["waitlist", "list", "--all", "--page", "2"], "error: use --all or --page, not both\n"],
      [["notifications", "--booking", "0"], "error: invalid --booking: 0\n"],
      [["notifications", "--user", "me"], "error: invalid --user: me\n"],
    ];
    for (const [argv, stderr] of refusals) {
      const refused = await runInProcess(argv);
      expect(refused.stderr, argv.join(" ")).toBe(stderr);
      expect(refused.code, argv.join(" ")).toBe(EXIT.USAGE);
      expect(refused.requests, argv.join(" ")).toEqual([]);
    }
  });
});
