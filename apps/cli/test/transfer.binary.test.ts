// The real venue-admin binary when the reader of its output stops early (`export venues | head -1`).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBinary, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const BIN = join(fileURLToPath(new URL("..", import.meta.url)), "bin/venue-admin.js");

describe("venue-admin export into a closed pipe", () => {
  let t: CliHarness;
  beforeAll(async () => {
    buildBinary();
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  it("exits quietly with 0 instead of an EPIPE stack trace", async () => {
    const child = spawn(process.execPath, [BIN, "export", "venues", "--format", "csv"], {
      env: { ...process.env, ...t.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // the reader goes away before the first line arrives, as `head` does after its first
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
