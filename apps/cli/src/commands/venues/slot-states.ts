// What each slot of a day is, for a person: the API says only whether a slot is free; the day's
// live bookings and the venue's clock tell the rest apart.
import type { AdminBooking } from "@venue-booking/contract";
import { compareLocal, MINUTES_PER_DAY, parseTime } from "@venue-booking/core";
import type { LocalDateTime } from "@venue-booking/core";
import type { Colors } from "../../output.ts";

/** Why a slot is or is not bookable; "taken" when the bookings could not be read (no admin rights). */
export type SlotState = "free" | "pending" | "confirmed" | "past" | "closed" | "taken";

export type Stated<S> = S & { state: SlotState };

export const GLYPHS: Record<SlotState, { glyph: string; paint: keyof Colors }> = {
  free: { glyph: "░", paint: "green" },
  pending: { glyph: "▒", paint: "yellow" },
  confirmed: { glyph: "█", paint: "red" },
  taken: { glyph: "▓", paint: "red" },
  past: { glyph: "·", paint: "dim" },
  closed: { glyph: "─", paint: "dim" },
};

/**
 * A live booking of `units` (of any unit when not given) over a slot the API refuses gives its
 * status; a slot that has begun on the venue's clock is past; one a closure holds is closed; one
 * that a booking of another unit holds (a part of a combined unit, or the whole a part belongs to)
 * is taken; anything else (a day beyond the booking horizon) is closed. With the bookings unknown,
 * every refused slot ahead that no closure holds is taken.
 */
export function slotStates<
  S extends { start_time: string; end_time: string; available: boolean; closed?: boolean; next_day?: boolean | undefined },
>(input: {
  slots: readonly S[];
  date: string;
  bookings: readonly AdminBooking[] | undefined;
  today: LocalDateTime;
  units?: readonly number[];
}): Stated<S>[] {
  const { date, bookings, today, units } = input;
  const own = (b: AdminBooking) => !units || units.includes(b.unit.id);
  // A day open past midnight runs on: its slots and bookings after midnight count from the day's start.
  const opening = input.slots[0] ? parseTime(input.slots[0].start_time) : 0;
  const booked = (bookings ?? []).map((b) => ({ b, ...span(b.start_time, b.end_time, b.after_midnight) }));
  return input.slots.map((s) => {
    const { start, end } = span(s.start_time, s.end_time, s.next_day ?? parseTime(s.start_time) < opening);
    const over = booked.filter((x) => x.start < end && start < x.end).map((x) => x.b);
    const mine = over.filter(own);
    let state: SlotState;
    if (s.available) state = "free";
    else if (mine.some((b) => b.status === "confirmed")) state = "confirmed";
    else if (mine.length) state = "pending";
    else if (compareLocal({ date, minutes: start }, today) < 0) state = "past";
    else if (s.closed) state = "closed";
    else state = !bookings || over.length ? "taken" : "closed";
    return { ...s, state };
  });
}

/** Minutes from the business day's midnight: after midnight runs past 1440, and an end at or before the start is the next day's. */
function span(from: string, to: string, afterMidnight: boolean): { start: number; end: number } {
  const start = parseTime(from) + (afterMidnight ? MINUTES_PER_DAY : 0);
  let end = parseTime(to) + (afterMidnight ? MINUTES_PER_DAY : 0);
  if (end <= start) end += MINUTES_PER_DAY;
  return { start, end };
}
