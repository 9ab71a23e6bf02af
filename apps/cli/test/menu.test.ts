// `venue-admin` with no command on a terminal: the menu, driven by injected answers.
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminBookingDetailSchema, VenueSchema } from "@venue-booking/contract";
import { getVenueAll } from "../src/commands/venues/get-venue.ts";
import { MENU } from "../src/menu.ts";
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
      out: {
        json: () => {},
        line: () => {},
        table: () => {},
        progress: () => {},
        color: { green: String, red: String, dim: String, bold: String },
      },
      writeErr: () => {},
      prompter: (await import("../src/prompts.ts")).scriptedPrompter([]),
      interactive: true,
      setExitCode: () => {},
    });
    const leaves = (cmd: typeof program, prefix: string[] = []): string[] =>
      cmd.commands.flatMap((c) => (c.commands.length ? leaves(c, [...prefix, c.name()]) : [[...prefix, c.name()].join(" ")]));
    const menu = new Set(MENU.map((m) => m.value));
    const commands = leaves(program);
    expect(commands.length).toBeGreaterThanOrEqual(20);
    for (const command of commands) expect(menu.has(command), command).toBe(true);
  });

  it("creates a venue, asking for each value", async () => {
    const r = await t.program([], {
      interactive: true,
      answers: ["venues create", "Меню Арена", "Menu arenasi", "Menu Arena", "ул. Меню, 1", "175000", "quit"],
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
    expect(r.asked[0]).toBe("venue-admin: what would you like to do?");
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
      answers: ["venues translate", String(id), "uz", "Tarjima", "So'zlar ko'chasi", "Tavsif", "Dush, Kafe", "quit"],
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`venue #${id}: uz translation saved`);
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
        "bookings show",
        "999999",
        "bookings set-status",
        String(b.id),
        "confirmed",
        "bookings set-status",
        String(b.id),
        "completed",
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
  });

  it("is not shown without a terminal: help on stderr and exit code 2", async () => {
    const r = await t.program([], { interactive: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: venue-admin");
  });
});
