// A lock between processes (and between clients in one process): proper-lockfile's directory,
// made with mkdir, whose mtime its holder refreshes while it runs; one left by a command that was
// killed goes stale and is taken over. Waiters poll until it is free.
import { lstatSync, rmSync } from "node:fs";
import { lock } from "proper-lockfile";
import { CliError } from "./errors.ts";

const POLL_MS = 25;
/** A lock not refreshed for this long was left by a command that is gone (a refresh is one request). */
const STALE_MS = 10_000;

export async function withFileLock<T>(path: string, fn: () => Promise<T>, opts: { waitMs: number }): Promise<T> {
  removeOldLockFile(path);
  let release: () => Promise<void>;
  try {
    release = await lock(path, {
      lockfilePath: path,
      // the path is the lock itself, not a file that must exist beside it
      realpath: false,
      stale: STALE_MS,
      retries: {
        retries: Math.ceil(opts.waitMs / POLL_MS),
        factor: 1,
        minTimeout: POLL_MS,
        maxTimeout: POLL_MS,
        maxRetryTime: opts.waitMs,
      },
      // Only a command whose event loop stalled for longer than STALE_MS can lose the lock, and
      // then its request is already under way; let it finish rather than crash (by default
      // proper-lockfile throws from a timer).
      onCompromised: () => {},
    });
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ELOCKED") throw e;
    throw new CliError(
      `another venue-admin command has been refreshing the sign-in for ${opts.waitMs / 1000} s; try again (lock: ${path})`,
    );
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {
      // already released, the lock having been lost while held
    });
  }
}

/**
 * Earlier versions locked with a file at the same path, which proper-lockfile could neither take
 * nor remove; one left by a command that was killed mid-refresh would block every refresh.
 */
function removeOldLockFile(path: string) {
  try {
    const s = lstatSync(path);
    if (s.isFile() && Date.now() - s.mtimeMs > STALE_MS) rmSync(path, { force: true });
  } catch {
    // none there
  }
}
