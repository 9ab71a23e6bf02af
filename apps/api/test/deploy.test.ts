// The deployment files: Compose accepts the stack, and the image is built the way production needs.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

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

describe("deployment files", () => {
  it("Compose accepts docker-compose.yml with the settings of .env.example", () => {
    const dir = mkdtempSync(join(tmpdir(), "venue-compose-"));
    try {
      copyFileSync(join(ROOT, "docker-compose.yml"), join(dir, "docker-compose.yml"));
      copyFileSync(join(ROOT, ".env.example"), join(dir, ".env"));
      const config = composeConfig(dir);
      for (const service of ["api:", "postgres:", "redis:"]) expect(config).toContain(service);
      expect(config).toContain("condition: service_healthy");
      expect(config).toMatch(/image: postgres:16/);
      expect(config).toMatch(/image: redis:7/);
      expect(config).toContain("DATABASE_URL: postgres://venue:venue@postgres:5432/venue_booking");
      expect(config).toMatch(/pgdata/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
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

  it(".env.example documents every variable the API reads", () => {
    const example = readFileSync(join(ROOT, ".env.example"), "utf8");
    const config = readFileSync(join(ROOT, "apps/api/src/config.ts"), "utf8");
    const vars = [...config.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(10);
    for (const v of vars) expect(example, v).toMatch(new RegExp(`^${v}=`, "m"));
  });
});
