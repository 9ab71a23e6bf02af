// One process at a time on an embedded data directory. PGlite (0.5) does not lock its directory
// itself: two processes on one directory both start, and each overwrites the other's writes.
// The lock is proper-lockfile's: a directory made with mkdir (atomic) whose mtime its holder
// refreshes every UPDATE_MS; one left unrefreshed for STALE_MS (its process crashed or was killed,
// in this container or a previous one) is taken over. A file inside it names the holder.
import { mkdir, readFileSync, realpath, rm, rmSync, stat, statSync, utimes, writeFile } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** The lock directory, inside the data directory so that it lives on the same volume. */
export const LOCK_DIR = ".venue-booking-lock";
const HOLDER_FILE = "holder";

/**
 * A lock not refreshed for this long is taken over. Its holder refreshes it every UPDATE_MS from a
 * timer, so only an event loop blocked for this long could lose it, and then only to a process
 * starting at that moment: PGlite runs on the main thread, and creating a new database blocks it for
 * about 5 s on an idle two-core machine, longer under load. A restart after a crash waits at most this long.
 */
const STALE_MS = 30_000;
const UPDATE_MS = 2_000;
const POLL_MS = 250;

/** Data directories (resolved) this process holds, refused at once to a second open here; by lock. */
const held = new Map<string, object>();

type Holder = { pid: number; host: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder | undefined,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host}` : "another process";
    super(
      `the embedded database directory ${dataDir} is in use by ${who}; stop it first ` +
        `(a lock left by a process that has stopped is taken over ${STALE_MS / 1000} s after it stopped)`,
    );
    this.name = "DataDirLockedError";
  }
}

export type LockDataDirOptions = {
  /**
   * Called when the lock is lost while held: its directory was removed, or another process took it
   * over (this one's refreshes failed or stalled past the stale time). By default the process says
   * so on stderr and exits, since going on would let two processes write one directory.
   */
  onLost?: (err: Error) => void;
  /** Tests only: every process locking one directory must use the same values. */
  staleMs?: number;
  updateMs?: number;
};

/**
 * Takes the directory's lock, waiting while it may have been left by a process that is gone, or
 * throws DataDirLockedError as soon as its holder is seen alive (it refreshed the lock) and at the
 * latest a little after the stale time. Resolves to the function that releases it.
 */
export async function lockDataDir(dataDir: string, options: LockDataDirOptions = {}): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  const lockPath = join(dir, LOCK_DIR);
  const staleMs = options.staleMs ?? STALE_MS;
  const updateMs = options.updateMs ?? UPDATE_MS;
  if (held.has(dir)) throw new DataDirLockedError(dataDir, { pid: process.pid, host: hostname() });
  // Loaded on first use, so that a PostgreSQL deployment never installs its exit and signal hooks.
  const { lock } = await import("proper-lockfile");
  const onLost = options.onLost ?? stopOnLost(dataDir);
  const deadline = Date.now() + staleMs + 2 * updateMs + POLL_MS;
  let firstSeen: number | undefined;
  for (;;) {
    const { fs, markHeld } = lockFs(staleMs);
    const mine = {};
    try {
      const release = await lock(dir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleMs,
        update: updateMs,
        fs,
        onCompromised: (err) => {
          if (held.get(dir) === mine) held.delete(dir);
          onLost(err);
        },
      });
      markHeld();
      held.set(dir, mine);
      return async () => {
        if (held.get(dir) !== mine) return;
        held.delete(dir);
        await release().catch((e: unknown) => {
          // already released because it was lost (onLost has been told)
          if ((e as { code?: unknown }).code !== "ERELEASED") throw e;
        });
      };
    } catch (e) {
      if ((e as { code?: unknown }).code !== "ELOCKED") throw e;
    }
    const mtime = lockMtime(lockPath);
    // A holder that refreshes the lock is alive: no use waiting for it to go stale.
    const refreshed = mtime !== undefined && firstSeen !== undefined && mtime !== firstSeen;
    if (refreshed || Date.now() > deadline) throw new DataDirLockedError(dataDir, readHolder(lockPath));
    firstSeen ??= mtime;
    await sleep(POLL_MS);
  }
}

type Callback = (err: NodeJS.ErrnoException | null) => void;

/**
 * node:fs for proper-lockfile, with two changes. The lock directory is made with the holder file
 * already in it (before proper-lockfile records the mtime it later checks is still its own, which
 * adding a file would change), and removing a lock also removes that file, which rmdir refuses to.
 * And a stale lock is taken over under a guard (see takeOver): proper-lockfile's own stat-then-rmdir
 * lets two processes that both judged one lock stale each remove it, the second removing the first
 * one's new lock, so both go on (moxystudio/node-proper-lockfile#121).
 */
function lockFs(staleMs: number) {
  let owned = false;
  const fs = {
    mkdir: (path: string, callback: Callback) =>
      mkdir(path, (err) => {
        if (err) return callback(err);
        // The holder only words the message of a refused open: the lock is the directory.
        writeFile(join(path, HOLDER_FILE), `${process.pid}\n${hostname()}\n`, () => callback(null));
      }),
    realpath,
    stat,
    utimes,
    // Called to release this process's lock once it is held, and before that only to take over a stale one.
    rmdir: (path: string, callback: Callback) => (owned ? rm(path, { recursive: true }, callback) : takeOver(path, staleMs, callback)),
    // Called at exit, for held locks only.
    rmdirSync: (path: string) => rmSync(path, { recursive: true }),
  };
  return { fs, markHeld: () => (owned = true) };
}

const locked = () => Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED" });

/**
 * Removes a lock judged stale, under a guard (a second directory made with mkdir, which only one
 * process can do) and only if it is still stale once the guard is held. No new lock can appear at
 * `path` while the stale one is there, so what is removed is the stale lock, never a fresh one; a
 * guard left by a process that crashed mid-takeover is cleared once it is as old as a stale lock.
 */
function takeOver(path: string, staleMs: number, callback: Callback) {
  const guard = `${path}.takeover`;
  mkdir(guard, (err) => {
    if (err) {
      if (err.code !== "EEXIST") return callback(err);
      // Another process is taking it over: this attempt counts as "locked" and is tried again.
      return stat(guard, (statErr, st) => {
        if (!statErr && Date.now() - st.mtimeMs > staleMs) rm(guard, { recursive: true, force: true }, () => callback(locked()));
        else callback(locked());
      });
    }
    const done = (result: NodeJS.ErrnoException | null) => rm(guard, { recursive: true, force: true }, () => callback(result));
    stat(path, (statErr, st) => {
      // Gone already: proper-lockfile goes on to mkdir, which only one process wins.
      if (statErr) return done(statErr.code === "ENOENT" ? null : statErr);
      if (Date.now() - st.mtimeMs <= staleMs) return done(locked());
      rm(path, { recursive: true, force: true }, (rmErr) => done(rmErr ?? null));
    });
  });
}

function stopOnLost(dataDir: string) {
  return (err: Error) => {
    process.stderr.write(
      `lost the lock on the embedded database directory ${dataDir} (${err.message}); another process may be ` +
        "using it now, so this one stops rather than write the same files\n",
    );
    process.exit(1);
  };
}

function lockMtime(lockPath: string): number | undefined {
  try {
    return statSync(lockPath).mtimeMs;
  } catch {
    return undefined;
  }
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const [pid, host] = readFileSync(join(lockPath, HOLDER_FILE), "utf8").split("\n");
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 && host ? { pid: n, host } : undefined;
  } catch {
    return undefined;
  }
}
