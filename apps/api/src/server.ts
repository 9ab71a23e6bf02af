// The process entry: reads the environment, opens the database and the store, serves the app,
// and shuts down gracefully on SIGTERM/SIGINT.
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import type { Http2Bindings, HttpBindings } from "@hono/node-server";
import type { DatabaseHandle } from "@venue-booking/db";
import { DEFAULT_DATA_DIR, openDatabase, seed } from "@venue-booking/db";
import { createApp } from "./app.ts";
import { loadConfigOrExit } from "./config.ts";
import { buildDeps, memoryState, redisState } from "./deps.ts";
import { bufferedStdout, createLogger } from "./infra/logger.ts";
import { startDispatcher } from "./services/dispatcher.ts";
import { startLifecycleJob } from "./services/lifecycle.ts";
import { smsSenderFrom } from "./infra/sms.ts";
import { loadSwaggerAssets } from "./swagger-assets.ts";

const config = loadConfigOrExit(process.env);

const logger = createLogger({ level: config.logLevel, pretty: config.nodeEnv !== "production", write: bufferedStdout() });
const dataDir = config.databaseUrl ? undefined : (config.pgliteDir ?? DEFAULT_DATA_DIR);

/** Adds the demo venues to a database that has none (once, however many replicas start together). */
async function seedIfEmpty(database: DatabaseHandle) {
  const { created } = await seed(database.db, { onlyIfEmpty: true });
  if (created > 0) logger.info(`empty database: added ${created} demo venues`);
}

/** Opens the database (migrating it, and seeding it when it is new and embedded, or SEED_DEMO) and builds the app. */
async function boot() {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir,
    poolMax: config.databasePoolMax,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  const { applied } = await database.migrate();
  logger.info(applied > 0 ? `database migrations applied: ${applied}` : "database schema up to date");
  if (database.kind === "pglite" || config.seedDemo) await seedIfEmpty(database);
  const state = config.redisUrl ? redisState(config.redisUrl, config.redisPrefix, { timeoutMs: config.redisTimeoutMs }) : memoryState();
  let jwtSecret = config.jwtSecret;
  if (!jwtSecret) {
    jwtSecret = randomBytes(32).toString("hex");
    logger.warn("JWT_SECRET is not set: using a random secret, so tokens end with this process");
  }
  const deps = buildDeps({ config: config, database, state, sms: smsSenderFrom(config, logger), jwtSecret, logger });
  // Without Redis at start the copies still expire by themselves; the bus keeps trying to listen.
  await deps.cache.ready().catch(() => logger.warn("not receiving cache invalidations from other replicas until redis is back"));
  const app = createApp(deps, { swaggerAssets: loadSwaggerAssets() });
  const stopLifecycle = startLifecycleJob(deps, logger);
  const stopDispatcher = startDispatcher(deps, logger);
  logger.info(`ready: ${database.kind === "pglite" ? `embedded database in ${dataDir}` : "PostgreSQL"}, ${state.kind} store`);
  logger.info(`venue-booking API ready on http://localhost:${listeningPort} (Swagger UI: http://localhost:${listeningPort}/docs)`);
  return {
    app,
    async close() {
      await Promise.all([stopLifecycle(), stopDispatcher()]);
      await Promise.allSettled([database.close(), state.close()]);
    },
  };
}

// The server listens at once: /health (liveness) answers while the database is still opening,
// /ready says 503 until it is open, and every other request waits for it instead of being refused.
// The database is opened only once the port is ours, so a process that cannot listen never
// touches it.
let listeningPort = config.port;
let booted: Awaited<ReturnType<typeof boot>> | undefined;
let startBooting: () => void = () => {};
let bootStarted = false;
const booting = new Promise<void>((resolve) => {
  startBooting = () => {
    bootStarted = true;
    resolve();
  };
})
  .then(boot)
  .then(
    (b) => (booted = b),
    (e: unknown) => {
      logger.error("start-up failed", { error: e instanceof Error ? e.message : String(e) });
      process.exit(1);
    },
  );

let stopping = false;

const server = serve(
  {
    fetch: async (request, env: HttpBindings | Http2Bindings) => {
      const response = await respond(request, env);
      // While draining, every answer tells the client to close its connection, so a keep-alive
      // client opens a new one (to another replica) instead of reusing one that is about to go.
      if (stopping && !env.outgoing.headersSent) env.outgoing.setHeader("Connection", "close");
      return response;
    },
    port: config.port,
    hostname: config.host,
  },
  (info) => {
    listeningPort = info.port;
    logger.info(`listening on http://localhost:${info.port}; opening the database`);
    startBooting();
  },
);

async function respond(request: Request, env: HttpBindings | Http2Bindings): Promise<Response> {
  if (booted) return booted.app.fetch(request, env);
  const path = new URL(request.url).pathname;
  if (path === "/health") return Response.json({ status: "ok" });
  if (path === "/ready") return Response.json({ status: "unavailable", database: "starting" }, { status: 503 });
  const ready = await booting;
  return ready.app.fetch(request, env);
}

// A port that cannot be had is an operator's mistake: one line saying what to change, no stack.
server.on("error", (e: NodeJS.ErrnoException) => {
  if (server.listening) {
    logger.error("server error", { error: e.message });
    return;
  }
  const where = `${config.host}:${config.port}`;
  const line =
    e.code === "EADDRINUSE"
      ? `port ${config.port} is already in use; stop what uses it or set PORT to a free port`
      : e.code === "EACCES"
        ? `port ${config.port} needs privileges this process lacks; set PORT to 1024 or above`
        : e.code === "EADDRNOTAVAIL"
          ? `HOST=${config.host} is not an address of this machine; set HOST (0.0.0.0 listens on all)`
          : `cannot listen on ${where}: ${e.message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: finishing in-flight requests`);
  const force = setTimeout(() => {
    logger.warn("shutdown took over 10 s; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight are closed now; the busy ones close after
  // their answer, which says `Connection: close`.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  await closed;
  if (bootStarted) await booting;
  await booted?.close();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
