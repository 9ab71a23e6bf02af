// One process at a time on an embedded data directory: a second open is refused with a message
// naming the directory, until the first one closes; a lock left by a process that is gone is taken over.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../src/data-dir-lock.ts";
import { DataDirLockedError, openDatabase } from "../src/index.ts";

describe("the embedded data directory lock", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "vb-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second open of one directory, naming it, and allows it once the first has closed", async () => {
    const dataDir = newDir();
    const first = await openDatabase({ dataDir });
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`the embedded database directory ${dataDir} is in use by process ${process.pid}`);
    // the refused open did not disturb the first
    await first.ping();
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.ping();
    await again.close();
    expect(existsSync(join(dataDir, ".venue-booking.lock"))).toBe(false);
  }, 90_000);

  it("takes over a lock whose process is gone", () => {
    const dataDir = newDir();
    const gone = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    writeFileSync(join(dataDir, ".venue-booking.lock"), `${gone}\n${hostname()}\n`);
    const unlock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    unlock();
  });

  it("keeps a lock held by a live process", () => {
    const dataDir = newDir();
    // the parent of this test runner is alive and is not this process
    writeFileSync(join(dataDir, ".venue-booking.lock"), `${process.ppid}\n${hostname()}\n`);
    expect(() => lockDataDir(dataDir)).toThrow(`${dataDir} is in use by process ${process.ppid}`);
  });
});
