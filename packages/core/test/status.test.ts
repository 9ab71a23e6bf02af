import { describe, expect, it } from "vitest";
import {
  assertTransition,
  BOOKING_STATUSES,
  canCancel,
  canTransition,
  isBookingStatus,
  isFinal,
  isLive,
  nextStatuses,
} from "../src/status.ts";

describe("booking status machine", () => {
  const allowed = new Set(["pending>confirmed", "pending>cancelled", "confirmed>cancelled", "confirmed>completed"]);

  it("allows exactly the four edges", () => {
    for (const from of BOOKING_STATUSES) {
      for (const to of BOOKING_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
        if (allowed.has(`${from}>${to}`)) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: "BAD_TRANSITION", params: { from, to } }));
      }
    }
  });

  it("cancelled and completed are final; only pending and confirmed can be cancelled or hold a slot", () => {
    expect(BOOKING_STATUSES.filter(isFinal)).toEqual(["cancelled", "completed"]);
    expect(BOOKING_STATUSES.filter(canCancel)).toEqual(["pending", "confirmed"]);
    expect(BOOKING_STATUSES.filter(isLive)).toEqual(["pending", "confirmed"]);
    expect(nextStatuses("pending")).toEqual(["confirmed", "cancelled"]);
  });

  it("recognises statuses", () => {
    expect(isBookingStatus("pending")).toBe(true);
    expect(isBookingStatus("PENDING")).toBe(false);
    expect(isBookingStatus(undefined)).toBe(false);
  });
});
