export * from "./booking-events.ts";
export * from "./bookings.ts";
export * from "./idempotency-keys.ts";
export * from "./users.ts";
export * from "./venues.ts";
export * from "./units.ts";
export * from "./sessions.ts";
