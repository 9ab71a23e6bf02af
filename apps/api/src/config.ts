// The environment, read and checked once at start-up. Nothing else reads process.env.
import { isTimeZone, isPhone } from "@venue-booking/core";
import { z } from "zod";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "must be a postgres:// URL"),
    PGLITE_DIR: z
      .string()
      .optional()
      .transform((v) => v || undefined),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    REDIS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(500),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    REDIS_URL: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^rediss?:\/\//.test(v), "must be a redis:// URL"),
    REDIS_PREFIX: z.string().max(64).default("vb:"),
    JWT_SECRET: z
      .string()
      .optional()
      .transform((v) => v || undefined),
    ADMIN_PHONES: z
      .string()
      .optional()
      .transform(list)
      .refine((phones) => phones.every(isPhone), "must be comma-separated phones like +998901234567"),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform(list)
      .refine(
        (origins) => origins.every((o) => /^https?:\/\/[^/]+$/.test(o)),
        "must be comma-separated origins like https://app.example.com",
      ),
    APP_TIMEZONE: z.string().default("Asia/Tashkent").refine(isTimeZone, "must be an IANA time zone like Asia/Tashkent"),
    AUTH_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx): TrustProxy => {
        const value = (v ?? "").trim();
        if (["", "false", "0", "no"].includes(value)) return false;
        if (["true", "yes"].includes(value)) return { hops: 1 };
        if (/^\d+$/.test(value)) return { hops: Number(value) };
        const addresses = list(value);
        if (addresses.every((a) => /^[\da-fA-F.:/]+$/.test(a) || ["loopback", "linklocal", "uniquelocal"].includes(a)))
          return { addresses };
        ctx.addIssue({ code: "custom", message: "must be false, a number of proxy hops, or comma-separated proxy addresses/CIDRs" });
        return z.NEVER;
      }),
    PUBLIC_URL: z
      .string()
      .optional()
      .transform((v) => (v ? v.replace(/\/+$/, "") : undefined))
      .refine(
        (v) => v === undefined || /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(v),
        "must be an http(s) URL like https://api.example.uz",
      ),
    MAX_LIVE_BOOKINGS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(10),
    SMS_PROVIDER: z
      .enum(["console", "http", ""])
      .optional()
      .transform((v) => v || undefined),
    SMS_HTTP_URL: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^https?:\/\//.test(v), "must be an http(s) URL"),
    SMS_HTTP_TOKEN: z
      .string()
      .optional()
      .transform((v) => v || undefined),
    SEED_DEMO: bool,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    BOOKING_HORIZON_DAYS: z.coerce.number().int().min(0).max(365).default(60),
    BOOKING_MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).max(525_600).default(0),
    CANCEL_UNTIL_MINUTES: z.coerce.number().int().min(0).max(525_600).default(0),
    HOLD_MINUTES: z.coerce.number().int().min(0).max(525_600).default(0),
    METRICS_TOKEN: z
      .string()
      .optional()
      .transform((v) => v || undefined),
    LIFECYCLE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
    WAITLIST_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    REMINDER_MINUTES: z.coerce.number().int().min(0).max(10_080).default(120),
    DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(10),
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: bool,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.JWT_SECRET || env.JWT_SECRET.length < 32)) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "is required in production, at least 32 characters" });
    }
    if (env.NODE_ENV === "production" && env.SMS_PROVIDER === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SMS_PROVIDER"],
        message: "is required in production: http (with SMS_HTTP_URL), or console to print codes (for trials only)",
      });
    }
    if (env.SMS_PROVIDER === "http" && env.SMS_HTTP_URL === undefined) {
      ctx.addIssue({ code: "custom", path: ["SMS_HTTP_URL"], message: "is required when SMS_PROVIDER=http" });
    }
    if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 16) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "must be at least 16 characters" });
    }
  });

/** Which proxies to believe about the client address: none, the nearest N, or those at these addresses. */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

export type Config = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  pgliteDir: string | undefined;
  databasePoolMax: number;
  /** How long to wait for a PostgreSQL connection (new or from the pool) before answering 503. */
  databaseConnectTimeoutMs: number;
  /** statement_timeout on the server, and the client-side limit for a query on a frozen connection. */
  databaseStatementTimeoutMs: number;
  /** Connect and command timeout of Redis. */
  redisTimeoutMs: number;
  /** Longest a request may take before it is answered 503. */
  requestTimeoutMs: number;
  redisUrl: string | undefined;
  redisPrefix: string;
  /** undefined in development without JWT_SECRET: the server makes a random one per start. */
  jwtSecret: string | undefined;
  adminPhones: string[];
  corsOrigins: string[];
  timeZone: string;
  authIpLimitPerMinute: number;
  trustProxy: TrustProxy;
  /** The public origin (and path prefix) of the API for links; undefined: relative links. */
  publicUrl: string | undefined;
  maxLiveBookingsPerUser: number;
  /** console prints codes (development, tests, trials); http posts them to SMS_HTTP_URL. */
  smsProvider: "console" | "http";
  smsHttpUrl: string | undefined;
  smsHttpToken: string | undefined;
  /** Adds the demo venues at start when the database has none. */
  seedDemo: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  horizonDays: number;
  /** Defaults of every venue's policy, which a venue may override. */
  minNoticeMinutes: number;
  cancelUntilMinutes: number;
  holdMinutes: number;
  metricsToken: string | undefined;
  lifecycleIntervalSeconds: number;
  /** How long a freed time offered to a waiting player is held for them to keep. */
  waitlistHoldMinutes: number;
  /** A player is reminded this long before a confirmed booking starts (0: never). */
  reminderMinutes: number;
  /** How often each process looks for events to deliver (0: it does not). */
  dispatchIntervalMs: number;
  /** A receiver answers within this, or the try failed. */
  webhookTimeoutMs: number;
  /** The first retry's delay; each next one doubles it (at most an hour), for a day. */
  webhookRetryBaseSeconds: number;
  /** Webhooks may point at loopback and private addresses (always outside production). */
  webhookAllowPrivate: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    redisTimeoutMs: e.REDIS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET,
    adminPhones: e.ADMIN_PHONES,
    corsOrigins: e.CORS_ORIGINS,
    timeZone: e.APP_TIMEZONE,
    authIpLimitPerMinute: e.AUTH_IP_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    maxLiveBookingsPerUser: e.MAX_LIVE_BOOKINGS_PER_USER,
    smsProvider: e.SMS_PROVIDER ?? "console",
    smsHttpUrl: e.SMS_HTTP_URL,
    smsHttpToken: e.SMS_HTTP_TOKEN,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    horizonDays: e.BOOKING_HORIZON_DAYS,
    minNoticeMinutes: e.BOOKING_MIN_NOTICE_MINUTES,
    cancelUntilMinutes: e.CANCEL_UNTIL_MINUTES,
    holdMinutes: e.HOLD_MINUTES,
    metricsToken: e.METRICS_TOKEN,
    lifecycleIntervalSeconds: e.LIFECYCLE_INTERVAL_SECONDS,
    reminderMinutes: e.REMINDER_MINUTES,
    waitlistHoldMinutes: e.WAITLIST_HOLD_MINUTES,
    dispatchIntervalMs: e.DISPATCH_INTERVAL_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    webhookRetryBaseSeconds: e.WEBHOOK_RETRY_BASE_SECONDS,
    webhookAllowPrivate: e.NODE_ENV !== "production" || e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
  };
}

/** For process entries: the configuration, or the message naming what is wrong on stderr and exit 1. */
export function loadConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}
