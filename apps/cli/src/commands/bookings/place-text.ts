// Where and when a booking is, in one line: "Fri 2026-12-04 18:00-19:00, #7 Court 1".
import type { AdminBooking } from "@venue-booking/contract";
import { formatDay } from "../../output.ts";

type Times = { booking_date: string; start_time: string; end_time: string };

/** "Fri 2026-12-04 18:00-19:00" */
export const whenText = (b: Times) => `${formatDay(b.booking_date)} ${b.start_time}-${b.end_time}`;

/** "Fri 2026-12-04 18:00-19:00, #7 Court 1" */
export const placeText = (b: Times & Pick<AdminBooking, "unit">) => `${whenText(b)}, #${b.unit.id} ${b.unit.name}`;
