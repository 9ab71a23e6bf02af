export { createApp } from "./app.ts";
export type { App } from "./app.ts";
export { loadConfig } from "./config.ts";
export type { Config } from "./config.ts";
export { buildDeps, memoryState, redisState } from "./deps.ts";
export type { AppDeps, SharedState } from "./deps.ts";
