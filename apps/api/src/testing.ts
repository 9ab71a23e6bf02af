// Builds the real app on test backends: PGlite + in-process store always, and PostgreSQL + Redis
// when DATABASE_URL and REDIS_URL are set. Every harness has its own database and key prefix.
import { randomBytes } from "node:crypto";
import type { BookingCreate } from "@venue-booking/contract";
import type { Booking, DatabaseHandle } from "@venue-booking/db";
import { openTestPglite, openTestPostgres } from "@venue-booking/db/testing";
import { createApp } from "./app.ts";
import type { App } from "./app.ts";
import { loadConfig } from "./config.ts";
import type { Config } from "./config.ts";
import { buildDeps, memoryState, redisState } from "./deps.ts";
import type { AppDeps, SharedState } from "./deps.ts";
import { MemorySmsSender } from "./infra/sms.ts";
import { createBooking } from "./services/bookings.ts";
import { loadSwaggerAssets } from "./swagger-assets.ts";

export const TEST_JWT_SECRET = "test-secret-test-secret-test-secret!";

export type Harness = {
  app: App;
  deps: AppDeps;
  sms: MemorySmsSender;
  /** Moves the app's clock; `undefined` follows the real time again. */
  setNow(now: Date | undefined): void;
  /** A user (created when new) and a fresh token pair, without the OTP round trip. */
  tokensFor(phone: string, opts?: { admin?: boolean }): Promise<{ access: string; refresh: string; userId: number }>;
  /** A pending booking made through the booking service, as a player's request would make it. */
  book(userId: number, request: BookingCreate): Promise<Booking>;
  /** app.request with a client IP (default: one per harness). */
  request(path: string, init?: RequestInit & { ip?: string }): Promise<Response>;
  close(): Promise<void>;
};

export type Backend = { name: string; start(config?: Partial<Config>): Promise<Harness> };

/** Redis under a prefix of this harness's own, so parallel test files never meet. */
export function testRedisState(url: string): SharedState {
  return redisState(url, `vb:test:${randomBytes(6).toString("hex")}:`);
}

export function startHarness(database: DatabaseHandle, state: SharedState, overrides: Partial<Config> = {}): Harness {
  const config: Config = { ...loadConfig({ NODE_ENV: "test", AUTH_IP_LIMIT_PER_MINUTE: "100000" }), ...overrides };
  const sms = new MemorySmsSender();
  let fixed: Date | undefined;
  const deps = buildDeps({ config, database, state, sms, jwtSecret: TEST_JWT_SECRET, clock: () => fixed ?? new Date() });
  const app = createApp(deps, { swaggerAssets: loadSwaggerAssets() });
  const defaultIp = `10.${randomBytes(3).join(".")}`;
  return {
    app,
    deps,
    sms,
    setNow: (now) => {
      fixed = now;
    },
    async tokensFor(phone, opts = {}) {
      const { user } = await deps.repos.users.signIn(phone, { admin: opts.admin ?? false });
      return { ...(await deps.tokens.issue(user.id)), userId: user.id };
    },
    book: async (userId, request) => (await createBooking(deps, { userId, request })).booking,
    request: (path, init = {}) => {
      const { ip, ...rest } = init;
      return Promise.resolve(app.request(path, rest, { incoming: { socket: { remoteAddress: ip ?? defaultIp } } }));
    },
    async close() {
      try {
        await state.clear();
      } finally {
        await state.close();
        await database.close();
      }
    },
  };
}

export function testBackends(env: Record<string, string | undefined> = process.env): Backend[] {
  const backends: Backend[] = [
    { name: "embedded (PGlite + in-process store)", start: async (c) => startHarness(await openTestPglite(), memoryState(), c) },
  ];
  const { DATABASE_URL: pgUrl, REDIS_URL: redisUrl } = env;
  if (pgUrl && redisUrl) {
    backends.push({
      name: "PostgreSQL + Redis",
      start: async (c) => startHarness(await openTestPostgres(pgUrl), testRedisState(redisUrl), c),
    });
  }
  return backends;
}
