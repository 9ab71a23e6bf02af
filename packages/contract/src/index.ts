export * from "./auth.ts";
export * from "./bookings.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./problem.ts";
export * from "./users.ts";
export * from "./venues.ts";
export { z } from "./zod.ts";
