// venues availability <id> --date: the day's slots as a row of cells, each free, pending,
// confirmed, past or closed (with the closure's reason), their prices, and the night's slots past
// midnight; for a venue of several units (or pooled places) also a grid of each unit's slots.
import { AdminBookingSchema, AvailabilitySchema, pageSchema, VenueSchema } from "@venue-booking/contract";
import type { AdminBooking, Availability } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { dateAnswer, parseDate, parseId, parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { ApiError } from "../../errors.ts";
import { formatDay, formatMoney } from "../../output.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { GLYPHS, slotStates } from "./slot-states.ts";
import type { SlotState, Stated } from "./slot-states.ts";
import { printUnitGrid } from "./unit-grid.ts";

type DayUnit = Availability["units"][number];

export type DayView = Omit<Availability, "slots" | "units"> & {
  venue: { id: number; name: string };
  slots: Stated<Availability["slots"][number]>[];
  units: (Omit<DayUnit, "slots"> & { slots: Stated<DayUnit["slots"][number]>[] })[];
};

const AdminBookingPageSchema = pageSchema(AdminBookingSchema, "AdminBookingPage");
const CELLS_PER_ROW = 12;

/** The live (pending or confirmed) bookings of the day; undefined when this sign-in may not read them. */
export async function liveBookings(ctx: CliContext, venueId: number, date: string): Promise<AdminBooking[] | undefined> {
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

export type AvailabilityOptions = { date?: string; unit?: string };

export async function availabilityAction(ctx: CliContext, idArg: string, o: AvailabilityOptions): Promise<Outcome<DayView>> {
  const id = parseId(idArg, ctx.lang);
  const unitId = parseOptionalId(o.unit, "--unit", ctx.lang);
  const date = parseDate(await need(ctx, o.date, "--date", t(ctx.lang, "ask.date"), dateAnswer(ctx.lang)), ctx.lang);
  const [day, venue, bookings] = await Promise.all([
    ctx.api.get(`/api/venues/${id}/availability/${query({ date, unit_id: unitId })}`, AvailabilitySchema),
    ctx.api.get(`/api/venues/${id}/`, VenueSchema),
    liveBookings(ctx, id, date),
  ]);
  const today = localDateTime(new Date(), ctx.out.timeZone);
  const view: DayView = {
    ...day,
    venue: { id, name: venue.name },
    slots: slotStates({ slots: day.slots, date, bookings, today, ...(unitId === undefined ? {} : { units: [unitId] }) }),
    units: day.units.map((u) => ({ ...u, slots: slotStates({ slots: u.slots, date, bookings, today, units: [u.id] }) })),
  };
  return outcome(view, (out) => {
    const l = ctx.lang;
    const hours =
      day.closed || day.opening_time === null || day.closing_time === null
        ? t(l, "avail.closedDay")
        : t(l, "avail.open", { from: day.opening_time, to: day.closing_time });
    const unit = unitId === undefined ? "" : view.units.map((u) => `, ${u.name} (#${u.id})`).join("");
    out.line(out.color.bold(`${venue.name} (#${id})${unit}, ${formatDay(date)}, ${hours}`));
    if (day.closed) return;
    for (let i = 0; i < view.slots.length; i += CELLS_PER_ROW) {
      const row = view.slots.slice(i, i + CELLS_PER_ROW);
      out.line(row.map((s) => s.start_time.padEnd(6)).join(""));
      out.line(row.map((s) => `${out.color[GLYPHS[s.state].paint](GLYPHS[s.state].glyph.repeat(5))} `).join(""));
    }
    const taken = bookings === undefined || view.slots.some((s) => s.state === "taken");
    const shown = (Object.keys(GLYPHS) as SlotState[]).filter((st) => st !== "taken" || taken);
    out.line(shown.map((st) => `${out.color[GLYPHS[st].paint](GLYPHS[st].glyph)} ${t(l, `slot.${st}`)}`).join("  "));
    const ranges = day.free_ranges.map((r) => `${r.start_time}-${r.end_time}`).join(", ");
    out.line(t(l, "avail.free", { ranges: ranges || t(l, "avail.none") }));
    const night = view.slots.find((s) => s.next_day);
    if (night) out.line(t(l, "avail.nextDay", { time: night.start_time, day: formatDay(addDays(date, 1)) }));
    const closures = runs(
      view.slots.filter((s) => s.state === "closed" && s.closed),
      (s) => s.closed_reason ?? "",
    );
    if (closures.length) {
      const text = closures.map((r) => `${r.start_time}-${r.end_time}${r.key ? ` (${r.key})` : ""}`).join(", ");
      out.line(t(l, "avail.closures", { ranges: text }));
    }
    const prices = runs(
      view.slots.filter((s) => s.price_per_hour !== null && s.state !== "past" && s.state !== "closed"),
      (s) => s.price_per_hour ?? "",
    );
    // One price all day is said once, even where closed or past slots split it.
    if (new Set(prices.map((r) => r.key)).size === 1) out.line(t(l, "avail.price", { price: formatMoney(prices[0]?.key ?? "") }));
    else if (prices.length > 1) {
      const text = prices.map((r) => `${r.start_time}-${r.end_time} ${formatMoney(r.key)}`).join(", ");
      out.line(t(l, "avail.prices", { ranges: text }));
    }
    // One exclusive unit is the row above already; several, or places, are worth a grid.
    if (view.units.length > 1 || view.units.some((u) => u.capacity > 1)) printUnitGrid(out, view.units, l);
  });
}

/**
 * Neighbouring slots with the same `key` joined into spans ("12:00-14:00"); slots apart (another
 * key, or a slot left out between them) start a new span, so a price's every stretch is named.
 */
function runs<S extends { start_time: string; end_time: string }>(slots: readonly S[], key: (s: S) => string) {
  const out: { start_time: string; end_time: string; key: string }[] = [];
  for (const s of slots) {
    const last = out.at(-1);
    if (last && last.key === key(s) && last.end_time === s.start_time) last.end_time = s.end_time;
    else out.push({ start_time: s.start_time, end_time: s.end_time, key: key(s) });
  }
  return out;
}

export function availabilityCommand(run: Runner): Command {
  return new Command("availability")
    .argument("<id>")
    .description("the day's slots as a row of cells (free, pending, confirmed, past or closed), and each unit's as a grid")
    .option("--date <YYYY-MM-DD>")
    .option("--unit <id>", "only this unit (see venues units list)")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues availability 1 --date 2026-12-01\n  venue-admin venues availability 1 --date 2026-12-01 --unit 4",
    )
    .action((id: string, o: AvailabilityOptions & { json?: boolean }) => run((ctx) => availabilityAction(ctx, id, o), o));
}
