// The booking status machine: pending -> confirmed | cancelled, confirmed -> cancelled | completed.
import { DomainError } from "./errors.ts";

export const BOOKING_STATUSES = ["pending", "confirmed", "cancelled", "completed"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that hold the slot: the no-overlap rule applies to these. */
export const LIVE_STATUSES = ["pending", "confirmed"] as const satisfies readonly BookingStatus[];

const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  pending: ["confirmed", "cancelled"],
  confirmed: ["cancelled", "completed"],
  cancelled: [],
  completed: [],
};

export function isBookingStatus(value: unknown): value is BookingStatus {
  return typeof value === "string" && (BOOKING_STATUSES as readonly string[]).includes(value);
}

export function nextStatuses(from: BookingStatus): readonly BookingStatus[] {
  return NEXT[from];
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return NEXT[from].includes(to);
}

/** Throws BAD_TRANSITION unless `from -> to` is an edge of the machine. */
export function assertTransition(from: BookingStatus, to: BookingStatus): void {
  if (!canTransition(from, to)) throw new DomainError("BAD_TRANSITION", { params: { from, to }, field: "status" });
}

export function isFinal(status: BookingStatus): boolean {
  return NEXT[status].length === 0;
}

export function canCancel(status: BookingStatus): boolean {
  return canTransition(status, "cancelled");
}

export function isLive(status: BookingStatus): boolean {
  return (LIVE_STATUSES as readonly BookingStatus[]).includes(status);
}
