// What each slot of a day is, for a person: the API says only whether a slot is free; the day's
// live bookings and the venue's clock tell the rest apart.
import type { AdminBooking } from "@venue-booking/contract";
import { compareLocal, parseTime } from "@venue-booking/core";
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
 * status; a slot that has begun on the venue's clock is past; one that a booking of another unit
 * holds (a part of a combined unit, or the whole a part belongs to) is taken; anything else (a day
 * beyond the booking horizon) is closed. With the bookings unknown, every refused slot ahead is taken.
 */
export function slotStates<S extends { start_time: string; end_time: string; available: boolean }>(input: {
  slots: readonly S[];
  date: string;
  bookings: readonly AdminBooking[] | undefined;
  today: LocalDateTime;
  units?: readonly number[];
}): Stated<S>[] {
  const { date, bookings, today, units } = input;
  const own = (b: AdminBooking) => !units || units.includes(b.unit.id);
  return input.slots.map((s) => {
    const start = parseTime(s.start_time);
    const end = parseTime(s.end_time);
    const over = (bookings ?? []).filter((b) => parseTime(b.start_time) < end && start < parseTime(b.end_time));
    const mine = over.filter(own);
    let state: SlotState;
    if (s.available) state = "free";
    else if (mine.some((b) => b.status === "confirmed")) state = "confirmed";
    else if (mine.length) state = "pending";
    else if (compareLocal({ date, minutes: start }, today) < 0) state = "past";
    else state = !bookings || over.length ? "taken" : "closed";
    return { ...s, state };
  });
}
