// One process at a time on an embedded data directory: a second open is refused with a message
// naming the directory and its holder, until the first one closes; a lock left by a process that
// is gone (killed, or from a previous container) is taken over, by exactly one of those starting.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LOCK_DIR, lockDataDir } from "../src/data-dir-lock.ts";
import { DataDirLockedError, openDatabase } from "../src/index.ts";

const LOCK_MODULE = pathToFileURL(join(import.meta.dirname, "../src/data-dir-lock.ts")).href;
// Short enough for a test to see a lock go stale; every process on one directory uses the same.
const QUICK = { staleMs: 2_000, updateMs: 1_000 };

const work = mkdtempSync(join(tmpdir(), "vb-lock-"));
const newDir = () => mkdtempSync(join(work, "data-"));

// A process that takes the lock (at `startAt`, when given) and says whether it got it; a winner
// holds it until it is killed.
const CHILD = join(work, "child.mts");
writeFileSync(
  CHILD,
  `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)});
   const [dataDir, timings, startAt] = process.argv.slice(2);
   if (startAt) await new Promise((r) => setTimeout(r, Number(startAt) - Date.now()));
   try {
     await lockDataDir(dataDir, JSON.parse(timings));
     console.log("won");
     setInterval(() => {}, 60_000);
   } catch (e) {
     console.log(e.name === "DataDirLockedError" ? "refused: " + e.message : "failed: " + e.stack);
   }`,
);

type Child = { proc: ChildProcess; output: () => string; firstLine: Promise<string>; exited: Promise<unknown> };
const children: ChildProcess[] = [];

function child(dataDir: string, timings: object, startAt?: number): Child {
  const args = ["--import", "tsx", CHILD, dataDir, JSON.stringify(timings), ...(startAt ? [String(startAt)] : [])];
  const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.push(proc);
  let out = "";
  const firstLine = new Promise<string>((resolve, reject) => {
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
    proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
    proc.on("exit", () => reject(new Error(`exited without a word: ${out}`)));
  });
  const exited = new Promise((resolve) => proc.on("exit", resolve));
  return { proc, output: () => out, firstLine, exited };
}

/** A lock as a process that died long ago (another container, a crash) left it. */
function leftLongAgo(dataDir: string, holder: string | undefined) {
  const lock = join(dataDir, LOCK_DIR);
  mkdirSync(lock);
  if (holder !== undefined) writeFileSync(join(lock, "holder"), holder);
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(lock, hourAgo, hourAgo);
}

const holderOf = (dataDir: string) => readFileSync(join(dataDir, LOCK_DIR, "holder"), "utf8");

describe("the embedded data directory lock", () => {
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("refuses a second open of one directory, naming it, and allows it once the first has closed", async () => {
    const dataDir = newDir();
    const first = await openDatabase({ dataDir });
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`the embedded database directory ${dataDir} is in use by process ${process.pid} on ${hostname()}`);
    // the refused open did not disturb the first
    await first.ping();
    await first.close();
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
    const again = await openDatabase({ dataDir });
    await again.ping();
    await again.close();
  }, 90_000);

  it("refuses a directory another live process holds as soon as it sees the lock kept fresh, naming that process", async () => {
    const dataDir = newDir();
    const holder = child(dataDir, {});
    expect(await holder.firstLine).toBe("won");
    const started = Date.now();
    await expect(lockDataDir(dataDir)).rejects.toThrow(`${dataDir} is in use by process ${holder.proc.pid} on ${hostname()}`);
    // well before the lock could have gone stale (30 s)
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it("takes over the lock of a process that was killed, once it has gone stale", async () => {
    const dataDir = newDir();
    const holder = child(dataDir, QUICK);
    expect(await holder.firstLine).toBe("won");
    holder.proc.kill("SIGKILL");
    await holder.exited;
    const release = await lockDataDir(dataDir, QUICK);
    expect(holderOf(dataDir)).toBe(`${process.pid}\n${hostname()}\n`);
    await release();
    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
  }, 30_000);

  it("takes over at once a stale lock from another host, or one that names no holder", async () => {
    for (const left of ["1\nprevious-container\n", "", undefined]) {
      const dataDir = newDir();
      leftLongAgo(dataDir, left);
      const release = await lockDataDir(dataDir);
      expect(holderOf(dataDir)).toBe(`${process.pid}\n${hostname()}\n`);
      await release();
    }
  });

  it("lets exactly one of several processes starting together after a crash take the lock over", async () => {
    for (let round = 0; round < 3; round++) {
      const dataDir = newDir();
      leftLongAgo(dataDir, "1\nprevious-container\n");
      const startAt = Date.now() + 2_000;
      const racers = Array.from({ length: 5 }, () => child(dataDir, QUICK, startAt));
      const said = await Promise.all(racers.map((r) => r.firstLine));
      expect(
        said.filter((s) => s === "won"),
        said.join("\n"),
      ).toHaveLength(1);
      for (const s of said.filter((s) => s !== "won"))
        expect(s).toMatch(/^refused: the embedded database directory .* is in use by process \d+/);
      // the winner's lock goes with it when it is stopped
      const winner = racers[said.indexOf("won")]!;
      expect(holderOf(dataDir)).toBe(`${winner.proc.pid}\n${hostname()}\n`);
      winner.proc.kill("SIGTERM");
      await winner.exited;
      expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
    }
  }, 60_000);

  it("lets exactly one of several attempts at once take over a stale lock", async () => {
    for (let round = 0; round < 5; round++) {
      const dataDir = newDir();
      leftLongAgo(dataDir, "1\nprevious-container\n");
      const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => lockDataDir(dataDir, QUICK)));
      const won = attempts.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
      expect(won).toHaveLength(1);
      for (const a of attempts) if (a.status === "rejected") expect(a.reason).toBeInstanceOf(DataDirLockedError);
      await won[0]!();
    }
  }, 30_000);

  it("tells its holder when the lock is lost (here: removed by hand) instead of carrying on as if it held it", async () => {
    const dataDir = newDir();
    let lost: (err: Error) => void = () => {};
    const told = new Promise<Error>((resolve) => (lost = resolve));
    const release = await lockDataDir(dataDir, { ...QUICK, onLost: (err) => lost(err) });
    rmSync(join(dataDir, LOCK_DIR), { recursive: true });
    expect(await told).toMatchObject({ code: "ECOMPROMISED" });
    // it no longer counts as held here: the directory can be locked again, and the old release is harmless
    await release();
    const again = await lockDataDir(dataDir, QUICK);
    await again();
  });
});
