export * from "./booking-rules.ts";
export * from "./calendar.ts";
export * from "./errors.ts";
export * from "./i18n.ts";
export * from "./intervals.ts";
export * from "./money.ts";
export * from "./phone.ts";
export * from "./status.ts";
