// A venue's day and a booking's times as staff read them: slots labelled with their minutes and
// told apart (free, pending, confirmed, past, closed), and every instant on the venue's clock.
import { AdminBookingDetailSchema, VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { showBookingAction } from "../src/commands/bookings/show.ts";
import { listUsersAction } from "../src/commands/users/list.ts";
import { availabilityAction } from "../src/commands/venues/availability.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const TODAY = localDateTime(new Date()).date;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
/** Tashkent is UTC+5 all year. */
const tashkent = (iso: string) => new Date(Date.parse(iso) + 5 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

describe("a venue's day and a booking's times", () => {
  let t: CliHarness;
  let venueId: number;
  beforeAll(async () => {
    t = await startCliHarness();
    venueId = (
      await t.context().ctx.api.post(
        "/api/venues/",
        {
          name: { ru: "Поле с получасом", en: "Half-hour Pitch" },
          address: { ru: "ул. 6" },
          price_per_hour: "1000",
          opening_time: "08:30",
          closing_time: "14:30",
        },
        VenueSchema,
      )
    ).id;
  });
  afterAll(async () => t.close());

  it("labels each slot with its minutes, names the venue and weekday, and tells pending from confirmed", async () => {
    const day = addDays(TODAY, 2);
    const player = (await t.api.tokensFor(nextPhone())).userId;
    await t.api.book(player, { venue_id: venueId, booking_date: day, start_time: "09:30", end_time: "10:30" });
    const confirmed = await t.api.book(player, { venue_id: venueId, booking_date: day, start_time: "11:30", end_time: "13:30" });
    await t.context().ctx.api.patch(`/api/admin/bookings/${confirmed.id}/`, { status: "confirmed" }, AdminBookingDetailSchema);

    const { ctx, lines } = t.context();
    const view = await perform(ctx, availabilityAction(ctx, String(venueId), { date: day }));
    expect(view.slots.map((s) => [s.start_time, s.state])).toEqual([
      ["08:30", "free"],
      ["09:30", "pending"],
      ["10:30", "free"],
      ["11:30", "confirmed"],
      ["12:30", "confirmed"],
      ["13:30", "free"],
    ]);
    expect(view.venue).toEqual({ id: venueId, name: "Half-hour Pitch" });
    expect(lines).toEqual([
      `Half-hour Pitch (#${venueId}), ${weekday(day)} ${day}, open 08:30-14:30\n`,
      "08:30 09:30 10:30 11:30 12:30 13:30 \n",
      "░░░░░ ▒▒▒▒▒ ░░░░░ █████ █████ ░░░░░ \n",
      "░ free  ▒ pending  █ confirmed  · past  ─ closed\n",
      "free: 08:30-09:30, 10:30-11:30, 13:30-14:30\n",
      "price per hour: 1\u00a0000.00\u00a0UZS\n",
    ]);
    // the legend and the free hours in the admin's language; --json keeps the states' codes
    const ru = t.context({ env: { VENUE_ADMIN_LANG: "ru" } });
    const same = await perform(ru.ctx, availabilityAction(ru.ctx, String(venueId), { date: day }));
    expect(same.slots.map((s) => s.state)).toEqual(view.slots.map((s) => s.state));
    expect(ru.lines[0]).toMatch(/, открыто 08:30-14:30\n$/);
    expect(ru.lines.slice(3)).toEqual([
      "░ свободно  ▒ ожидает  █ подтверждено  · прошло  ─ закрыто\n",
      "свободно: 08:30-09:30, 10:30-11:30, 13:30-14:30\n",
      "цена за час: 1\u00a0000.00\u00a0UZS\n",
    ]);
  });

  it("shows a gone day as past and a day beyond the booking horizon as closed, not as taken", async () => {
    const { ctx } = t.context();
    const yesterday = await perform(ctx, availabilityAction(ctx, String(venueId), { date: addDays(TODAY, -1) }));
    expect(new Set(yesterday.slots.map((s) => s.state))).toEqual(new Set(["past"]));
    const far = addDays(TODAY, t.api.deps.config.horizonDays + 1);
    const closed = t.context();
    const beyond = await perform(closed.ctx, availabilityAction(closed.ctx, String(venueId), { date: far }));
    expect(new Set(beyond.slots.map((s) => s.state))).toEqual(new Set(["closed"]));
    expect(closed.lines[2]).toBe("───── ───── ───── ───── ───── ───── \n");
  });

  it("says 'taken' for a booked slot when the sign-in may not read bookings", async () => {
    const day = addDays(TODAY, 3);
    const player = await t.api.tokensFor(nextPhone());
    await t.api.book(player.userId, { venue_id: venueId, booking_date: day, start_time: "08:30", end_time: "09:30" });
    const { ctx, lines } = t.context({ token: player.access });
    const view = await perform(ctx, availabilityAction(ctx, String(venueId), { date: day }));
    expect(view.slots[0]?.state).toBe("taken");
    expect(view.slots[1]?.state).toBe("free");
    expect(lines.join("")).toContain("▓ taken");
  });

  it("shows a booking's creation and history on the venue's clock, not in UTC", async () => {
    const player = (await t.api.tokensFor(nextPhone())).userId;
    const b = await t.api.book(player, { venue_id: venueId, booking_date: addDays(TODAY, 5), start_time: "08:30", end_time: "09:30" });
    const { ctx, lines } = t.context();
    const detail = await perform(ctx, showBookingAction(ctx, String(b.id)));
    const text = lines.join("");
    expect(text).toContain(`booked  ${tashkent(detail.created_at)}`);
    expect(text).toContain(`At (Asia/Tashkent)`);
    expect(text).toContain(`${tashkent(detail.history[0]!.at)}\t-\tpending`);
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(text).toContain("total   1\u00a0000.00\u00a0UZS");

    const users = t.context();
    const page = await perform(users.ctx, listUsersAction(users.ctx, { search: (await t.api.deps.repos.users.get(player))!.phone }));
    expect(users.lines.join("")).toContain(`\t${tashkent(page.results[0]!.created_at).slice(0, 10)}\n`);
  });
});
