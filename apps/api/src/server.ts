// The process entry: reads the environment, opens the database and the store, serves the app,
// and shuts down gracefully on SIGTERM/SIGINT.
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import { DEFAULT_DATA_DIR, isEmpty, openDatabase, seed } from "@venue-booking/db";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { buildDeps, memoryState, redisState } from "./deps.ts";
import { bufferedStdout, createLogger } from "./infra/logger.ts";
import { startLifecycleJob } from "./services/lifecycle.ts";
import { ConsoleSmsSender } from "./infra/sms.ts";
import { loadSwaggerAssets } from "./swagger-assets.ts";

let config;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}

const logger = createLogger({ level: config.logLevel, pretty: config.nodeEnv !== "production", write: bufferedStdout() });
const dataDir = config.databaseUrl ? undefined : (config.pgliteDir ?? DEFAULT_DATA_DIR);
const cfg = config;

/** Opens the database (migrating it, and seeding a brand-new embedded one) and builds the app. */
async function boot() {
  const database = await openDatabase({ url: cfg.databaseUrl, dataDir, poolMax: cfg.databasePoolMax });
  await database.migrate();
  if (database.kind === "pglite" && (await isEmpty(database.db))) {
    const { created } = await seed(database.db);
    logger.info(`new embedded database: added ${created} demo venues`);
  }
  const state = cfg.redisUrl ? redisState(cfg.redisUrl, cfg.redisPrefix) : memoryState();
  let jwtSecret = cfg.jwtSecret;
  if (!jwtSecret) {
    jwtSecret = randomBytes(32).toString("hex");
    logger.warn("JWT_SECRET is not set: using a random secret, so tokens end with this process");
  }
  const deps = buildDeps({ config: cfg, database, state, sms: new ConsoleSmsSender(), jwtSecret, logger });
  await deps.cache.ready();
  const app = createApp(deps, { swaggerAssets: loadSwaggerAssets() });
  const stopLifecycle = startLifecycleJob(deps, logger);
  logger.info(`ready: ${database.kind === "pglite" ? `embedded database in ${dataDir}` : "PostgreSQL"}, ${state.kind} store`);
  return {
    app,
    async close() {
      await stopLifecycle();
      await Promise.allSettled([database.close(), state.close()]);
    },
  };
}

// The server listens at once: /health (liveness) answers while the database is still opening,
// /ready says 503 until it is open, and every other request waits for it instead of being refused.
let booted: Awaited<ReturnType<typeof boot>> | undefined;
const booting = boot().then(
  (b) => (booted = b),
  (e: unknown) => {
    logger.error("start-up failed", { error: e instanceof Error ? e.message : String(e) });
    process.exit(1);
  },
);

const server = serve(
  {
    fetch: async (request, env) => {
      if (booted) return booted.app.fetch(request, env);
      const path = new URL(request.url).pathname;
      if (path === "/health") return Response.json({ status: "ok" });
      if (path === "/ready") return Response.json({ status: "unavailable", database: "starting" }, { status: 503 });
      const ready = await booting;
      return ready.app.fetch(request, env);
    },
    port: config.port,
    hostname: config.host,
  },
  (info) => {
    logger.info(`venue-booking API on http://localhost:${info.port} (Swagger UI: http://localhost:${info.port}/docs)`);
  },
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: finishing in-flight requests`);
  const force = setTimeout(() => {
    logger.warn("shutdown took over 10 s; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await booting;
  await booted?.close();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
