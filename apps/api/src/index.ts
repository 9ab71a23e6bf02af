export { createApp } from "./app.ts";
export type { App } from "./app.ts";
export { loadConfig } from "./config.ts";
export type { Config } from "./config.ts";
export { buildDeps } from "./deps.ts";
export type { AppDeps } from "./deps.ts";
