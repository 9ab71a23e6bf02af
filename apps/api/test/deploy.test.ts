// The deployment files: Compose accepts the stack, and the image is built the way production needs.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { missingCiServices } from "../../../vitest.global-setup.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const VITEST = join(ROOT, "node_modules/vitest/vitest.mjs");

function composeConfig(dir: string): string {
  const attempts: [string, string[]][] = [
    ["docker", ["compose", "config"]],
    ["docker-compose", ["config"]],
  ];
  const errors: string[] = [];
  for (const [cmd, args] of attempts) {
    try {
      return execFileSync(cmd, args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      errors.push(`${cmd} ${args.join(" ")}: ${(e as { stderr?: string }).stderr ?? (e as Error).message}`);
    }
  }
  throw new Error(`no Compose accepted the file (apt-get install docker-compose):\n${errors.join("\n")}`);
}

/** `docker compose config` of the repository's file with .env.example as .env, edited by `edit`. */
function composeWith(edit: (env: string) => string = (env) => env): string {
  const dir = mkdtempSync(join(tmpdir(), "venue-compose-"));
  try {
    copyFileSync(join(ROOT, "docker-compose.yml"), join(dir, "docker-compose.yml"));
    writeFileSync(join(dir, ".env"), edit(readFileSync(join(ROOT, ".env.example"), "utf8")));
    return composeConfig(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One variable of the api service as Compose resolved it (a YAML scalar, maybe quoted). */
function apiVar(config: string, name: string): string | undefined {
  const raw = new RegExp(`^\\s+${name}: (.*)$`, "m").exec(config)?.[1];
  if (raw?.startsWith('"')) return JSON.parse(raw) as string;
  return raw?.startsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw;
}

describe("deployment files", () => {
  it("Compose accepts docker-compose.yml with the settings of .env.example", () => {
    const config = composeWith();
    for (const service of ["api:", "postgres:", "redis:"]) expect(config).toContain(service);
    expect(config).toContain("condition: service_healthy");
    expect(config).toMatch(/image: postgres:16/);
    expect(config).toMatch(/image: redis:7/);
    expect(apiVar(config, "DATABASE_URL")).toBe("postgres://venue@postgres:5432/venue_booking");
    expect(apiVar(config, "PGPASSWORD")).toBe("venue");
    // The trial stack prints codes to its log unless .env names a provider; the demo venues are opt-in.
    expect(apiVar(config, "SMS_PROVIDER")).toBe("console");
    expect(apiVar(config, "SEED_DEMO")).toBe("false");
    expect(config).toMatch(/pgdata/);
  });

  it("any POSTGRES_PASSWORD reaches node-postgres intact, and SEED_DEMO=true reaches the API", () => {
    const password = "p/a+s@s:w%rd#?";
    const config = composeWith((env) =>
      env.replace(/^POSTGRES_PASSWORD=.*$/m, `POSTGRES_PASSWORD='${password}'`).replace(/^SEED_DEMO=.*$/m, "SEED_DEMO=true"),
    );
    expect(apiVar(config, "SEED_DEMO")).toBe("true");
    expect(apiVar(config, "POSTGRES_PASSWORD") ?? password).toBe(password); // the database gets it as is
    const url = apiVar(config, "DATABASE_URL")!;
    expect(new URL(url).password).toBe(""); // a valid URL, with no password pasted into it
    // What the API's driver sends: PGPASSWORD fills in the password the URL leaves out.
    const saved = process.env.PGPASSWORD;
    process.env.PGPASSWORD = apiVar(config, "PGPASSWORD");
    try {
      const client = new pg.Client({ connectionString: url });
      expect(client.password).toBe(password);
      expect(client.user).toBe("venue");
      expect(client.host).toBe("postgres");
      expect(client.database).toBe("venue_booking");
    } finally {
      if (saved === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = saved;
    }
  });

  it("the Dockerfile builds in stages and runs the bundle as a non-root user in production mode", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/NODE_ENV=production/);
    expect(dockerfile).toMatch(/CMD \[.*"dist\/server\.js"\]/);
    expect(dockerfile).not.toMatch(/tsx/);
  });

  it("the image runs on a supported Node LTS line", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    const image = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile);
    expect(image, "ARG NODE_IMAGE=node:<major>-…").not.toBeNull();
    // Node 20 reached its end of life on 2026-04-30; odd majors are never LTS.
    expect(Number(image![1])).toBeGreaterThanOrEqual(22);
    expect(Number(image![1]) % 2).toBe(0);
    expect(dockerfile.match(/^FROM \$\{NODE_IMAGE\} AS /gm)).toHaveLength(2);
  });

  it("the image takes dist/ from the production install once, and gives the server a writable data folder", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    // The deploy already holds dist/ (the package's "files"); copying it again nested /app/dist/dist.
    expect(dockerfile).not.toMatch(/cp -r apps\/api\/dist/);
    expect(JSON.parse(readFileSync(join(ROOT, "apps/api/package.json"), "utf8"))).toMatchObject({ files: ["dist"] });
    // Without a data folder of its own the default resolved to /.data/pglite, which `node` may not create.
    expect(dockerfile).toMatch(/^ENV .*PGLITE_DIR=\/app\/data/m);
    expect(dockerfile).toMatch(/chown node:node \/app\/data/);
  });

  it("CI refuses to run without PostgreSQL and Redis, and a local run needs neither", () => {
    const urls = { DATABASE_URL: "postgres://x", REDIS_URL: "redis://x" };
    expect(missingCiServices({ CI: "true" })).toMatch(/DATABASE_URL and REDIS_URL are not/);
    expect(missingCiServices({ CI: "true", DATABASE_URL: "postgres://x" })).toMatch(/REDIS_URL is not/);
    expect(missingCiServices({ CI: "1", REDIS_URL: "redis://x" })).toMatch(/DATABASE_URL is not/);
    expect(missingCiServices({ CI: "true", ...urls })).toBeUndefined();
    expect(missingCiServices({})).toBeUndefined();
    expect(missingCiServices({ CI: "false" })).toBeUndefined();
    // The guard is wired in: vitest itself stops before running any test.
    const env = { ...process.env, CI: "true", DATABASE_URL: "", REDIS_URL: "" };
    const run = spawnSync(process.execPath, [VITEST, "run", "packages/core/test/money.test.ts"], { cwd: ROOT, env, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("CI is set but DATABASE_URL and REDIS_URL are not");
    expect(readFileSync(join(ROOT, ".ci/run"), "utf8")).toMatch(/^export CI=true$/m);
  });

  it(".env.example documents every variable the API reads", () => {
    const example = readFileSync(join(ROOT, ".env.example"), "utf8");
    const config = readFileSync(join(ROOT, "apps/api/src/config.ts"), "utf8");
    const vars = [...config.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(10);
    for (const v of vars) expect(example, v).toMatch(new RegExp(`^${v}=`, "m"));
  });
});
