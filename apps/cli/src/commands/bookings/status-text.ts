// A booking status for a person: settled ones green, waiting ones yellow, cancelled red.
import type { BookingStatus } from "@venue-booking/core";
import type { Output } from "../../output.ts";

export function statusText(out: Output, s: BookingStatus): string {
  const c = out.color;
  return s === "confirmed" || s === "completed" ? c.green(s) : s === "cancelled" ? c.red(s) : c.yellow(s);
}
