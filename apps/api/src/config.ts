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
    TRUST_PROXY: bool,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    BOOKING_HORIZON_DAYS: z.coerce.number().int().min(0).max(365).default(60),
    METRICS_TOKEN: z
      .string()
      .optional()
      .transform((v) => v || undefined),
    LIFECYCLE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.JWT_SECRET || env.JWT_SECRET.length < 32)) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "is required in production, at least 32 characters" });
    }
    if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 16) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "must be at least 16 characters" });
    }
  });

export type Config = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  pgliteDir: string | undefined;
  databasePoolMax: number;
  redisUrl: string | undefined;
  redisPrefix: string;
  /** undefined in development without JWT_SECRET: the server makes a random one per start. */
  jwtSecret: string | undefined;
  adminPhones: string[];
  corsOrigins: string[];
  timeZone: string;
  authIpLimitPerMinute: number;
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  horizonDays: number;
  metricsToken: string | undefined;
  lifecycleIntervalSeconds: number;
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
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET,
    adminPhones: e.ADMIN_PHONES,
    corsOrigins: e.CORS_ORIGINS,
    timeZone: e.APP_TIMEZONE,
    authIpLimitPerMinute: e.AUTH_IP_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    horizonDays: e.BOOKING_HORIZON_DAYS,
    metricsToken: e.METRICS_TOKEN,
    lifecycleIntervalSeconds: e.LIFECYCLE_INTERVAL_SECONDS,
  };
}
