// The shipped artifact: the production install (`pnpm deploy --prod`, as the image makes it) with
// the bundle built into it, run by plain node: it holds only what the bundle imports, and against
// PostgreSQL and Redis the server starts, signs in, books and stops cleanly, and dist/seed.js seeds.
import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BookingSchema, ReadinessSchema, SignInSchema, VenueSchema, pageSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { SEED_VENUES } from "@venue-booking/db";
import { clearRedisPrefix, scratchDatabase, scratchPrefix } from "./scratch.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const API_DIR = join(ROOT, "apps/api");
const TSUP = join(dirname(createRequire(join(API_DIR, "package.json")).resolve("tsup/package.json")), "dist/cli-default.js");

const work = mkdtempSync(join(tmpdir(), "venue-dist-"));
const APP = join(work, "app");

/** Bytes of the files under `path` (what they hold, not the blocks they take), links not followed. */
function bytesUnder(path: string): number {
  const s = lstatSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesUnder(join(path, entry)), 0);
}

type Proc = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs a file of the production install with only the given environment (and PATH). */
function run(file: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [file], {
    cwd: APP,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Resolves with the first match of `pattern` in the process's output, as soon as it is printed. */
function waitFor(p: Proc, pattern: RegExp, ms = 30_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(p.output());
      if (!m) return;
      done();
      resolve(m);
    };
    const exit = (code: number | null) => {
      done();
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${p.output()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${pattern} within ${ms} ms:\n${p.output()}`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      p.child.stdout?.off("data", check);
      p.child.stderr?.off("data", check);
      p.child.off("exit", exit);
    };
    p.child.stdout?.on("data", check);
    p.child.stderr?.on("data", check);
    p.child.on("exit", exit);
    check();
  });
}

beforeAll(() => {
  // As the Dockerfile does: the production install first, then the bundle (here built straight into it).
  execFileSync("pnpm", ["--filter", "@venue-booking/api", "deploy", "--prod", "--legacy", "--prefer-offline", APP], {
    cwd: ROOT,
    stdio: "pipe",
  });
  execFileSync(process.execPath, [TSUP, "--out-dir", join(APP, "dist"), "--silent"], { cwd: API_DIR, stdio: "pipe" });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the production install", () => {
  it("holds the bundle, its migrations and Swagger UI's files, once", () => {
    for (const file of [
      "server.js",
      "seed.js",
      "drizzle/meta/_journal.json",
      "swagger-ui/swagger-ui-bundle.js",
      "swagger-ui/swagger-ui.css",
    ]) {
      expect(existsSync(join(APP, "dist", file)), file).toBe(true);
    }
    expect(existsSync(join(APP, "dist/dist"))).toBe(false);
    expect(readdirSync(APP).sort()).toEqual(["dist", "node_modules", "package.json"]); // no sources, tests or benchmarks
  });

  it("carries only what the bundle imports at run time, in under 25 MB", () => {
    const installed = readdirSync(join(APP, "node_modules/.pnpm"));
    // Bundled (workspace packages, drizzle-orm), optional (PGlite), copied at build (swagger-ui-dist), or types.
    for (const unwanted of ["@venue-booking+", "drizzle-orm@", "@electric-sql+pglite@", "swagger-ui-dist@", "@types+"]) {
      expect(
        installed.filter((name) => name.startsWith(unwanted)),
        unwanted,
      ).toEqual([]);
    }
    for (const needed of ["hono@", "@hono+node-server@", "pg@", "ioredis@", "zod@", "prom-client@", "proper-lockfile@"]) {
      expect(
        installed.some((name) => name.startsWith(needed)),
        needed,
      ).toBe(true);
    }
    expect(bytesUnder(join(APP, "node_modules"))).toBeLessThan(25 * 1024 * 1024);
  });

  it("without DATABASE_URL, and without PGlite installed, stops with a message saying what to do", async () => {
    const p = run("dist/server.js", { NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", PGLITE_DIR: join(work, "pglite") });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("@electric-sql/pglite");
    expect(p.output()).toContain("DATABASE_URL");
  });
});

const { DATABASE_URL, REDIS_URL } = process.env;
const services = DATABASE_URL && REDIS_URL ? [{ name: "on PostgreSQL and Redis", databaseUrl: DATABASE_URL, redisUrl: REDIS_URL }] : [];

describe.each(services)("the bundle from the production install, $name", ({ databaseUrl, redisUrl }) => {
  const db = scratchDatabase(databaseUrl, "dist");
  const prefix = scratchPrefix("dist");
  const adminPhone = "+998911000777";
  const env = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString("hex"),
    SMS_PROVIDER: "console",
    ADMIN_PHONES: adminPhone,
  };

  beforeAll(() => db.create());

  afterAll(async () => {
    await clearRedisPrefix(redisUrl, prefix);
    await db.drop();
  });

  it("starts, becomes ready, signs in, books, takes the demo venues from dist/seed.js, and stops on SIGTERM", async () => {
    const server = run("dist/server.js", env);
    try {
      const base = `http://127.0.0.1:${(await waitFor(server, /http:\/\/localhost:(\d+)/))[1]}`;
      const call = async (path: string, init: { body?: unknown; token?: string } = {}) => {
        const res = await fetch(`${base}${path}`, {
          method: init.body === undefined ? "GET" : "POST",
          headers: {
            "content-type": "application/json",
            "accept-language": "en",
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
        return { status: res.status, body: await res.json() };
      };

      // Readiness, as an orchestrator asks for it: 503 while migrating, then 200 with both services up.
      let ready = await call("/ready");
      for (let i = 0; ready.status !== 200 && i < 300; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await call("/ready");
      }
      expect(ready.status, JSON.stringify(ready.body)).toBe(200);
      expect(ReadinessSchema.parse(ready.body).status).toBe("ok");

      expect((await call("/api/auth/send-otp/", { body: { phone: adminPhone } })).status).toBe(200);
      const [, code] = await waitFor(server, new RegExp(`to \\${adminPhone}: .*?\\b(\\d{6})\\b`));
      const signedIn = await call("/api/auth/verify-otp/", { body: { phone: adminPhone, code } });
      expect(signedIn.status).toBe(200);
      const { access, user } = SignInSchema.parse(signedIn.body);
      expect(user.is_admin).toBe(true);

      const created = await call("/api/venues/", {
        token: access,
        body: { name: { ru: "Поле сборки", en: "Build Pitch" }, address: { ru: "ул. Дистрибутива, 1" }, price_per_hour: "100000" },
      });
      expect(created.status).toBe(201);
      const venue = VenueSchema.parse(created.body);
      const date = addDays(localDateTime(new Date()).date, 3);
      const booked = await call("/api/bookings/", {
        token: access,
        body: { venue_id: venue.id, booking_date: date, start_time: "12:00", end_time: "14:00" },
      });
      expect(booked.status).toBe(201);
      expect(BookingSchema.parse(booked.body)).toMatchObject({ venue_id: venue.id, status: "pending", total_price: "200000.00" });

      // Swagger UI's files come from dist/, with swagger-ui-dist not installed.
      const js = await fetch(`${base}/docs/assets/swagger-ui-dist/swagger-ui-bundle.js`);
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(100_000);

      // The image's seed command, beside the running server; a second run adds nothing.
      const seeded = run("dist/seed.js", env);
      expect(await seeded.exited, seeded.output()).toBe(0);
      expect(seeded.output()).toContain(`seeded ${SEED_VENUES.length} demo venues (${SEED_VENUES.length} new, 0 refreshed)`);
      const again = run("dist/seed.js", env);
      expect(await again.exited, again.output()).toBe(0);
      expect(again.output()).toContain(`(0 new, ${SEED_VENUES.length} refreshed)`);
      const listed = await call("/api/venues/?page=1");
      expect(listed.status).toBe(200);
      const page = pageSchema(VenueSchema, "VenuePage").parse(listed.body);
      expect(page.count).toBe(SEED_VENUES.length + 1);
      const demoNames = new Set(SEED_VENUES.map((v) => v.name.en));
      expect(page.results.filter((v) => demoNames.has(v.name)).length).toBeGreaterThan(0);

      server.child.kill("SIGTERM");
      expect(await server.exited, server.output()).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  }, 60_000);
});
