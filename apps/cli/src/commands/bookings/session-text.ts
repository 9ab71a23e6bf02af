// The session a booking is a place in, and its seats: "#7 Open game 7×7: A1, A2"; "" for an hourly booking.
import type { AdminBooking } from "@venue-booking/contract";

export function sessionText(b: Pick<AdminBooking, "session" | "seats">): string {
  if (!b.session) return b.seats.join(", ");
  return `#${b.session.id} ${b.session.title}${b.seats.length ? `: ${b.seats.join(", ")}` : ""}`;
}
