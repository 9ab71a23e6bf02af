// One process at a time on an embedded data directory. PGlite (0.5) does not lock its directory
// itself: two processes on one directory both start, and each overwrites the other's writes.
// The lock is a file created exclusively in the directory holding the owner's pid and host; a
// lock whose process is gone (a crash, a container restarted under the same host name) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const LOCK_FILE = ".venue-booking.lock";

/** Lock files this process holds, removed when it exits even without a close. */
const held = new Set<string>();
let exitHookInstalled = false;

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; host: string } | undefined,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host}` : "another process";
    super(
      `the embedded database directory ${dataDir} is in use by ${who}; stop it first ` +
        `(or, if no such process is running, delete ${join(dataDir, LOCK_FILE)})`,
    );
    this.name = "DataDirLockedError";
  }
}

/** Takes the directory's lock or throws DataDirLockedError; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, `${process.pid}\n${hostname()}\n`);
      } finally {
        closeSync(fd);
      }
      hold(path);
      return () => {
        if (held.delete(path)) rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EEXIST") throw e;
      const holder = readHolder(path);
      if (attempt === 0 && isStale(path, holder)) {
        rmSync(path, { force: true });
        continue;
      }
      throw new DataDirLockedError(dataDir, holder);
    }
  }
}

function hold(path: string) {
  held.add(path);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const p of held) rmSync(p, { force: true });
  });
}

function readHolder(path: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(path, "utf8").split("\n");
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? "" } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lock is stale when its process is known to be gone: on this host, no process with its pid (or
 * the pid is this very process, which does not hold it: a restarted container reuses pid 1). A
 * lock from another host cannot be checked and is kept. An unreadable lock (a process that has
 * only just created it) is kept too.
 */
function isStale(path: string, holder: { pid: number; host: string } | undefined): boolean {
  if (!holder || holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(path);
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: unknown }).code === "ESRCH";
  }
}
