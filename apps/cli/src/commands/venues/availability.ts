// venues availability <id> --date: the day's slots as a row of cells, each free, pending,
// confirmed, past or closed.
import { AdminBookingSchema, AvailabilitySchema, pageSchema, VenueSchema } from "@venue-booking/contract";
import type { AdminBooking, Availability } from "@venue-booking/contract";
import { compareLocal, localDateTime, parseTime } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { dateAnswer, parseDate, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { ApiError } from "../../errors.ts";
import { formatDay } from "../../output.ts";
import type { Colors } from "../../output.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

/** Why a slot is or is not bookable; "taken" when the bookings could not be read (no admin rights). */
type SlotState = "free" | "pending" | "confirmed" | "past" | "closed" | "taken";

export type DayView = Omit<Availability, "slots"> & {
  venue: { id: number; name: string };
  slots: (Availability["slots"][number] & { state: SlotState })[];
};

const AdminBookingPageSchema = pageSchema(AdminBookingSchema, "AdminBookingPage");
const CELLS_PER_ROW = 12;

const GLYPHS: Record<SlotState, { glyph: string; paint: keyof Colors }> = {
  free: { glyph: "░", paint: "green" },
  pending: { glyph: "▒", paint: "yellow" },
  confirmed: { glyph: "█", paint: "red" },
  taken: { glyph: "▓", paint: "red" },
  past: { glyph: "·", paint: "dim" },
  closed: { glyph: "─", paint: "dim" },
};

/** The live (pending or confirmed) bookings of the day; undefined when this sign-in may not read them. */
async function liveBookings(ctx: CliContext, venueId: number, date: string): Promise<AdminBooking[] | undefined> {
  const all: AdminBooking[] = [];
  try {
    for (let page = 1; ; page++) {
      const p = await ctx.api.get(`/api/admin/bookings/${query({ venue_id: venueId, date, page })}`, AdminBookingPageSchema);
      all.push(...p.results);
      if (!p.next || p.results.length === 0) break;
    }
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return undefined;
    throw e;
  }
  return all.filter((b) => b.status === "pending" || b.status === "confirmed");
}

/**
 * The API says only whether a slot is free. The rest is told apart here: a live booking over the
 * slot gives its status; a slot that has begun on the venue's clock is past; anything else the API
 * refuses (a day beyond the booking horizon) is closed.
 */
function slotStates(day: Availability, bookings: AdminBooking[] | undefined, now: Date, timeZone: string): DayView["slots"] {
  const today = localDateTime(now, timeZone);
  return day.slots.map((s) => {
    const start = parseTime(s.start_time);
    const end = parseTime(s.end_time);
    const over = (bookings ?? []).filter((b) => parseTime(b.start_time) < end && start < parseTime(b.end_time));
    let state: SlotState;
    if (s.available) state = "free";
    else if (over.some((b) => b.status === "confirmed")) state = "confirmed";
    else if (over.length) state = "pending";
    else if (compareLocal({ date: day.date, minutes: start }, today) < 0) state = "past";
    else state = bookings ? "closed" : "taken";
    return { ...s, state };
  });
}

export async function availabilityAction(ctx: CliContext, idArg: string, o: { date?: string }): Promise<Outcome<DayView>> {
  const id = parseId(idArg, ctx.lang);
  const date = parseDate(await need(ctx, o.date, "--date", t(ctx.lang, "ask.date"), dateAnswer(ctx.lang)), ctx.lang);
  const [day, venue, bookings] = await Promise.all([
    ctx.api.get(`/api/venues/${id}/availability/?date=${date}`, AvailabilitySchema),
    ctx.api.get(`/api/venues/${id}/`, VenueSchema),
    liveBookings(ctx, id, date),
  ]);
  const view: DayView = { ...day, venue: { id, name: venue.name }, slots: slotStates(day, bookings, new Date(), ctx.out.timeZone) };
  return outcome(view, (out) => {
    const open = t(ctx.lang, "avail.open", { from: day.opening_time, to: day.closing_time });
    out.line(out.color.bold(`${venue.name} (#${id}), ${formatDay(date)}, ${open}`));
    for (let i = 0; i < view.slots.length; i += CELLS_PER_ROW) {
      const row = view.slots.slice(i, i + CELLS_PER_ROW);
      out.line(row.map((s) => s.start_time.padEnd(6)).join(""));
      out.line(row.map((s) => `${out.color[GLYPHS[s.state].paint](GLYPHS[s.state].glyph.repeat(5))} `).join(""));
    }
    const shown = (Object.keys(GLYPHS) as SlotState[]).filter((st) => st !== "taken" || bookings === undefined);
    out.line(shown.map((st) => `${out.color[GLYPHS[st].paint](GLYPHS[st].glyph)} ${t(ctx.lang, `slot.${st}`)}`).join("  "));
    const ranges = day.free_ranges.map((r) => `${r.start_time}-${r.end_time}`).join(", ");
    out.line(t(ctx.lang, "avail.free", { ranges: ranges || t(ctx.lang, "avail.none") }));
  });
}

export function availabilityCommand(run: Runner): Command {
  return new Command("availability")
    .argument("<id>")
    .description("the day's slots as a row of cells: free, pending, confirmed, past or closed")
    .option("--date <YYYY-MM-DD>")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin venues availability 1 --date 2026-12-01")
    .action((id: string, o: { date?: string; json?: boolean }) => run((ctx) => availabilityAction(ctx, id, o), o));
}
