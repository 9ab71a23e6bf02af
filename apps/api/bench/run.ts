// `pnpm bench`: the API in production mode on real PostgreSQL and Redis, against a bare Hono
// baseline, driven by autocannon on this machine. Prints a table and writes bench/results.json.
import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addDays, localDateTime } from "@venue-booking/core";
import { openDatabase } from "@venue-booking/db";
import autocannon from "autocannon";
import { sign } from "hono/jwt";
import { Redis } from "ioredis";
import pg from "pg";
import { cpuNow, cpuPerRequest } from "./cpu.ts";
import type { CpuShares } from "./cpu.ts";
import { probeBookingTransaction } from "./db-limit.ts";
import type { ProbeMode, ProbeResult } from "./db-limit.ts";
import { FREE_DAYS, seedBench, USERS, VENUES } from "./seed.ts";

const API_DIR = fileURLToPath(new URL("..", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const TIME_ZONE = "Asia/Tashkent";
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
/** The API's pool (DATABASE_POOL_MAX, 20 by default): the probe uses as many connections. */
const DB_CONNECTIONS = 20;
const CONNECTIONS = 50;
/**
 * BENCH_ONLY (a regular expression) runs only the cases whose names match it, and the database
 * limit only when it matches "database limit"; such a partial run prints its figures and leaves
 * bench/results.json as it was. For working on one case; the published figures come from a whole run.
 */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : undefined;
const selected = (name: string) => !ONLY || ONLY.test(name);

function requiredEnv(): { DATABASE_URL: string; REDIS_URL: string } {
  const { DATABASE_URL, REDIS_URL } = process.env;
  if (!DATABASE_URL || !REDIS_URL) {
    process.stderr.write("pnpm bench needs DATABASE_URL and REDIS_URL (it makes and drops its own database and Redis prefix)\n");
    process.exit(2);
  }
  return { DATABASE_URL, REDIS_URL };
}
const { DATABASE_URL, REDIS_URL } = requiredEnv();

const log = (s: string) => process.stderr.write(`${s}\n`);
const children: ChildProcess[] = [];

function startProcess(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(cmd, args, { cwd: API_DIR, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        child.stdout.off("data", onData);
        child.stdout.resume(); // keep draining the request log
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`${cmd} exited with ${code}:\n${out}`)));
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

type Case = {
  name: string;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  ratio: number;
  /** Responses by status, for the booking cases. */
  statuses?: Record<string, number>;
  /** CPU milliseconds per request, by party (the API, PostgreSQL, Redis, and autocannon in "bench"). */
  cpu_ms?: CpuShares | undefined;
};

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: CONNECTIONS, ...opts });
}

/** CPU milliseconds per request by party, as printed. */
const cpuText = (c: CpuShares) => `API ${c.api} ms, PostgreSQL ${c.postgres} ms, Redis ${c.redis} ms, load generator ${c.bench} ms`;

const statusList = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([code, n]) => `${n} × ${code}`)
    .join(", ");

/**
 * One case: a warm-up, then the measured run. With `answers`, the case counts its responses by
 * status, and a status outside them (409 for "taken" where a clash is a fair answer) is an error.
 */
/** The API process under measure, whose peak RSS each case reports (so a case that grows it shows). */
let apiPid: number | undefined;

async function measure(name: string, opts: autocannon.Options, baselineRps: number, answers?: number[]): Promise<Case | undefined> {
  if (!selected(name)) return undefined;
  await load({ ...opts, duration: WARMUP });
  const cpuBefore = cpuNow(apiPid);
  const r = await load({ ...opts, duration: DURATION });
  const cpu = cpuPerRequest(cpuBefore, cpuNow(apiPid), r.requests.total);
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const unexpected = answers
    ? Object.entries(statuses).reduce((n, [code, count]) => (answers.includes(Number(code)) ? n : n + count), 0)
    : r.non2xx;
  const errors = r.errors + r.timeouts + unexpected;
  const result: Case = {
    name,
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    errors,
    ratio: baselineRps ? Math.round((r.requests.average / baselineRps) * 1000) / 1000 : 1,
    ...(answers ? { statuses } : {}),
    cpu_ms: cpu,
  };
  const rss = apiPid === undefined ? "" : `, peak RSS so far ${peakRssMb(apiPid)} MB`;
  log(`  ${name}: ${result.rps} req/s, p99 ${result.p99_ms} ms, ${errors} errors${answers ? `, ${statusList(statuses)}` : ""}${rss}`);
  if (cpu) log(`    CPU per request: ${cpuText(cpu)}`);
  return result;
}

/** Milliseconds from spawning `pnpm start` to the first 200 on /health, and on /ready. */
async function coldStart(dataDir: string): Promise<{ health: number; ready: number }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn("pnpm", ["start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      REDIS_URL: "",
      PGLITE_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      LIFECYCLE_INTERVAL_SECONDS: "0",
    },
    stdio: "ignore",
    detached: true,
  });
  const until = async (path: string) => {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        if (res.status === 200) return Math.round(performance.now() - started);
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error("pnpm start exited before answering");
      if (performance.now() - started > 60_000) throw new Error("pnpm start did not answer within 60 s");
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  try {
    const health = await until("/health");
    return { health, ready: await until("/ready") };
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function main() {
  const dbName = `vb_bench_${randomBytes(4).toString("hex")}`;
  const prefix = `vb:bench:${randomBytes(4).toString("hex")}:`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const dbUrl = new URL(DATABASE_URL);
  dbUrl.pathname = `/${dbName}`;
  const jwtSecret = randomBytes(32).toString("hex");
  const coldDir = mkdtempSync(join(tmpdir(), "venue-bench-pglite-"));
  try {
    log("building the production bundle");
    execFileSync("pnpm", ["build"], { cwd: API_DIR, stdio: "ignore" });

    log(`seeding venues and bookings into ${dbName}`);
    await admin.query(`create database "${dbName}"`);
    const handle = await openDatabase({ url: dbUrl.toString() });
    await handle.migrate();
    await handle.close();
    const client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    const { busyDay, firstFreeDay, courtVenues, bookings } = await seedBench(client, TIME_ZONE);
    await client.end();
    log(`  ${VENUES} venues of one unit, ${courtVenues.length} of four courts, ${bookings} bookings`);

    const api = await startProcess(
      process.execPath,
      // as the Dockerfile runs it; BENCH_CPU_PROF=dir writes a CPU profile of the API there, when it stops
      [
        "--max-semi-space-size=4",
        "--max-old-space-size=128",
        ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        "dist/server.js",
      ],
      {
        NODE_ENV: "production",
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: dbUrl.toString(),
        REDIS_URL,
        REDIS_PREFIX: prefix,
        JWT_SECRET: jwtSecret,
        LIFECYCLE_INTERVAL_SECONDS: "0",
        AUTH_IP_LIMIT_PER_MINUTE: "1000000",
        // No code is sent here, and the bench's players each book many slots.
        SMS_PROVIDER: "console",
        MAX_LIVE_BOOKINGS_PER_USER: "10000",
      },
      /localhost:(\d+)/,
    );
    apiPid = api.child.pid;
    const base = `http://127.0.0.1:${api.port}`;
    const detailSize = (await (await fetch(`${base}/api/venues/1/`)).text()).length;
    const baseline = await startProcess(
      process.execPath,
      ["--import", "tsx", "bench/baseline.ts"],
      { BODY_SIZE: String(detailSize), PORT: "0" },
      /listening on (\d+)/,
    );

    log(`baseline (bare Hono, ${detailSize}-byte JSON)`);
    await load({ url: `http://127.0.0.1:${baseline.port}/`, duration: WARMUP });
    const b = await load({ url: `http://127.0.0.1:${baseline.port}/`, duration: DURATION });
    baseline.child.kill("SIGTERM");
    const baselineRps = b.requests.average;
    log(`  baseline: ${Math.round(baselineRps)} req/s, p99 ${b.latency.p99} ms`);

    const venueId = () => 1 + Math.floor(Math.random() * VENUES);
    const tokens = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const now = Math.floor(Date.now() / 1000);
        return sign({ sub: String(1 + (i % USERS)), type: "access", iat: now, exp: now + 3600 }, jwtSecret, "HS256");
      }),
    );
    const today = localDateTime(new Date(), TIME_ZONE).date;
    let next = 0;
    const freeSlot = () => {
      // Each request a slot nobody holds: venue, then day, then hour, never repeating.
      const i = next++;
      const venue = 1 + (i % VENUES);
      const day = addDays(today, firstFreeDay + (Math.floor(i / VENUES) % FREE_DAYS));
      const hour = 9 + (Math.floor(i / (VENUES * FREE_DAYS)) % 13);
      return {
        venue_id: venue,
        booking_date: day,
        start_time: `${String(hour).padStart(2, "0")}:00`,
        end_time: `${String(hour + 1).padStart(2, "0")}:00`,
      };
    };

    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
    const courtVenue = () => pick(courtVenues);
    const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
    // Any day the court venues carry bookings; the booking horizon (60 days) covers them all.
    const courtDays = range(1, firstFreeDay + FREE_DAYS - 1);
    const anyCourt = () => {
      // A random hour of a random free day at a random court venue, most with a court still free.
      const hour = pick(range(9, 13));
      return {
        venue_id: courtVenue(),
        booking_date: addDays(today, pick(range(firstFreeDay, FREE_DAYS))),
        start_time: `${String(hour).padStart(2, "0")}:00`,
        end_time: `${String(hour + 1).padStart(2, "0")}:00`,
      };
    };
    let anyCourtRequests = 0;

    log("API cases");
    const measured: (Case | undefined)[] = [];
    measured.push(await measure("venue list, page 1", { url: `${base}/api/venues/` }, baselineRps));
    measured.push(
      await measure(
        "list with search + price filter",
        { url: `${base}/api/venues/?search=arena&min_price=100000&max_price=400000` },
        baselineRps,
      ),
    );
    // "Where can I play": a random day of the horizon and a random two-hour range, over every venue
    // (720 searches; a page is kept for the minute, so a repeat within it is a cache hit).
    const freeAtPath = () => {
      const hour = 9 + Math.floor(Math.random() * 12);
      const date = addDays(today, 1 + Math.floor(Math.random() * 60));
      return `/api/venues/?date=${date}&start_time=${String(hour).padStart(2, "0")}:00&end_time=${String(hour + 2).padStart(2, "0")}:00`;
    };
    measured.push(
      await measure(
        "free-at search, 2 hours",
        { url: base, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: freeAtPath() }) }] },
        baselineRps,
      ),
    );
    // the same at 4 connections: one search's own latency, rather than the queue of 50 in front of it
    measured.push(
      await measure(
        "free-at search, 4 connections",
        { url: base, connections: 4, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: freeAtPath() }) }] },
        baselineRps,
      ),
    );
    measured.push(
      await measure(
        "venue detail",
        { url: base, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/venues/${venueId()}/` }) }] },
        baselineRps,
      ),
    );
    measured.push(
      await measure(
        "availability of a busy day",
        {
          url: base,
          requests: [
            { method: "GET", setupRequest: (req) => ({ ...req, path: `/api/venues/${venueId()}/availability/?date=${busyDay}` }) },
          ],
        },
        baselineRps,
      ),
    );
    // what players request: a random venue and day of the horizon (60,000 of them: the cache rarely holds one)
    measured.push(
      await measure(
        "availability of a random venue-day",
        {
          url: base,
          requests: [
            {
              method: "GET",
              setupRequest: (req) => ({
                ...req,
                path: `/api/venues/${venueId()}/availability/?date=${addDays(today, 1 + Math.floor(Math.random() * 60))}`,
              }),
            },
          ],
        },
        baselineRps,
      ),
    );
    measured.push(
      await measure(
        "booking creation",
        {
          url: base,
          requests: [
            {
              method: "POST",
              setupRequest: (req) => ({
                ...req,
                path: "/api/bookings/",
                headers: { "content-type": "application/json", authorization: `Bearer ${tokens[next % tokens.length]}` },
                body: JSON.stringify(freeSlot()),
              }),
            },
          ],
        },
        baselineRps,
        [201],
      ),
    );
    // the database's own limit for the same transaction, from as many connections as the API's pool:
    // its statements in plain SQL, and the data layer's one call
    const creation = measured.find((c) => c?.name === "booking creation");
    const dbLimit = selected("database limit") ? await databaseLimit("statements", "21:00") : undefined;
    const dbLimitCall = selected("database limit") ? await databaseLimit("call", "20:00") : undefined;
    async function databaseLimit(mode: ProbeMode, start: string): Promise<ProbeResult> {
      log(mode === "call" ? "database limit: the data layer's booking call" : "database limit: the booking transaction as plain SQL");
      const ids = new pg.Client({ connectionString: dbUrl.toString() });
      await ids.connect();
      const venueOf = new Map(
        (
          await ids.query<{ id: number; venue_id: number; version: string }>(
            "select u.id, u.venue_id, v.config_version as version from units u join venues v on v.id = u.venue_id where u.venue_id <= $1",
            [VENUES],
          )
        ).rows.map((r) => [r.venue_id, { unitId: r.id, version: Number(r.version) }]),
      );
      const userIds = (await ids.query<{ id: number }>("select id from users order by id limit $1", [USERS])).rows.map((r) => r.id);
      await ids.end();
      let probeNext = 0;
      const probeSlot = () => {
        // an hour at the end of the day, which the API's cases never book: venue, then day, never repeating
        const i = probeNext++;
        const venue = 1 + (i % VENUES);
        return {
          venueId: venue,
          unitId: venueOf.get(venue)?.unitId ?? 0,
          venueVersion: venueOf.get(venue)?.version ?? 0,
          userId: userIds[i % userIds.length] ?? 1,
          date: addDays(today, firstFreeDay + (Math.floor(i / VENUES) % FREE_DAYS)),
          start,
          end: `${Number(start.slice(0, 2)) + 1}:00`,
        };
      };
      const localNow = `${today} 00:00`;
      const result = await probeBookingTransaction(
        dbUrl.toString(),
        DB_CONNECTIONS,
        { warmup: WARMUP, seconds: DURATION },
        probeSlot,
        localNow,
        mode,
      );
      log(
        `  ${result.tps} tx/s from ${DB_CONNECTIONS} connections, p99 ${result.p99_ms} ms, ${result.errors} errors; ` +
          `booking creation through the API is ${creation ? (creation.rps / Math.max(1, result.tps)).toFixed(2) : "?"} of it`,
      );
      if (result.cpu_ms) log(`    CPU per transaction: ${cpuText(result.cpu_ms)}`);
      return result;
    }
    measured.push(
      await measure(
        "availability of a 4-court venue",
        {
          url: base,
          requests: [
            {
              method: "GET",
              setupRequest: (req) => ({
                ...req,
                path: `/api/venues/${courtVenue()}/availability/?date=${addDays(today, pick(courtDays))}`,
              }),
            },
          ],
        },
        baselineRps,
      ),
    );
    measured.push(
      await measure(
        "book any free court",
        {
          url: base,
          requests: [
            {
              method: "POST",
              setupRequest: (req) => ({
                ...req,
                path: "/api/bookings/",
                headers: { "content-type": "application/json", authorization: `Bearer ${tokens[anyCourtRequests++ % tokens.length]}` },
                body: JSON.stringify(anyCourt()),
              }),
            },
          ],
        },
        baselineRps,
        [201, 409],
      ),
    );
    const peak = api.child.pid === undefined ? 0 : peakRssMb(api.child.pid);
    api.child.kill("SIGTERM");

    const cases = measured.filter((c): c is Case => c !== undefined);
    if (ONLY) {
      // a partial run: its figures are printed, bench/results.json keeps the last whole run
      for (const c of cases)
        process.stdout.write(`${c.name}: ${c.rps} req/s, p50 ${c.p50_ms} ms, p99 ${c.p99_ms} ms, ${c.errors} errors\n`);
      if (dbLimit) process.stdout.write(`database limit, statements: ${dbLimit.tps} tx/s, p99 ${dbLimit.p99_ms} ms\n`);
      if (dbLimitCall) process.stdout.write(`database limit, one call: ${dbLimitCall.tps} tx/s, p99 ${dbLimitCall.p99_ms} ms\n`);
      process.stdout.write(`peak RSS of the API: ${peak} MB\n`);
      return;
    }
    if (!dbLimit || !dbLimitCall) throw new Error("a whole run measures the database limit");
    log("cold start of `pnpm start` on the embedded database");
    const firstStart = await coldStart(coldDir);
    const coldStarts = [];
    for (let i = 0; i < 3; i++) coldStarts.push(await coldStart(coldDir));
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[1] ?? 0;
    const cold = { health: median(coldStarts.map((c) => c.health)), ready: median(coldStarts.map((c) => c.ready)) };

    const results = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL and Redis on localhost`,
      baseline: { rps: Math.round(baselineRps), p99_ms: b.latency.p99 },
      cases,
      peak_rss_mb: peak,
      cold_start_ms: cold.health,
      cold_start_ready_ms: cold.ready,
      first_start_ms: firstStart.health,
      first_start_ready_ms: firstStart.ready,
      database_limit: dbLimit,
      database_limit_call: dbLimitCall,
      settings: { connections: CONNECTIONS, duration_s: DURATION, warmup_s: WARMUP },
    };
    mkdirSync(join(ROOT, "bench"), { recursive: true });
    writeFileSync(join(ROOT, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

    const pad = (s: string | number, n: number) => String(s).padEnd(n);
    const rows = [
      `| case | req/s | p50 ms | p99 ms | errors | vs baseline | CPU ms per request: API / PostgreSQL / load generator |`,
      `|---|---:|---:|---:|---:|---:|---:|`,
      `| baseline: bare Hono, ${detailSize} B JSON | ${results.baseline.rps} | ${b.latency.p50} | ${b.latency.p99} | ${b.errors + b.non2xx} | 1.00 | |`,
      ...cases.map(
        (c) =>
          `| ${c.name} | ${c.rps} | ${c.p50_ms} | ${c.p99_ms} | ${c.errors} | ${c.ratio.toFixed(2)} | ${c.cpu_ms ? `${c.cpu_ms.api} / ${c.cpu_ms.postgres} / ${c.cpu_ms.bench}` : ""} |`,
      ),
    ];
    process.stdout.write(`\n${rows.join("\n")}\n\n`);
    for (const c of cases) {
      if (!c.statuses) continue;
      process.stdout.write(`${pad(c.name, 34)} ${statusList(c.statuses)} (measured run)\n`);
    }
    for (const [label, limit] of [
      ["database limit, statements", dbLimit],
      ["database limit, one call", dbLimitCall],
    ] as const) {
      const ratio = creation ? ` (booking creation: ${(creation.rps / Math.max(1, limit.tps)).toFixed(2)} of it)` : "";
      process.stdout.write(`${pad(label, 34)} ${limit.tps} tx/s from ${limit.connections} connections, p99 ${limit.p99_ms} ms${ratio}\n`);
      if (limit.cpu_ms) process.stdout.write(`${pad("", 34)} CPU per transaction: ${cpuText(limit.cpu_ms)}\n`);
    }
    process.stdout.write(`${pad("peak RSS of the API", 34)} ${peak} MB\n`);
    process.stdout.write(
      `${pad("cold start, existing embedded db", 34)} ${cold.health} ms to /health, ${cold.ready} ms to /ready (median of 3)\n`,
    );
    process.stdout.write(
      `${pad("first start, new embedded db", 34)} ${firstStart.health} ms to /health, ${firstStart.ready} ms to /ready (creates and seeds it)\n`,
    );
    process.stdout.write(`\nwritten to bench/results.json\n`);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    rmSync(coldDir, { recursive: true, force: true });
  }
}

await main();
