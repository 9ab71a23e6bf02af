// Tokens from `venue-admin login`, one file per profile in the user's config directory, readable by
// the user only. The default profile keeps the original credentials.json.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { withFileLock } from "./file-lock.ts";

export type Credentials = { apiUrl: string; access: string; refresh: string; phone: string };

export const DEFAULT_PROFILE = "default";

export function configDir(env: Record<string, string | undefined>): string {
  if (env.VENUE_ADMIN_CONFIG_DIR) return env.VENUE_ADMIN_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "venue-booking");
}

function credentialsFile(dir: string, profile: string): string {
  return join(dir, profile === DEFAULT_PROFILE ? "credentials.json" : `credentials-${profile}.json`);
}

export class CredentialStore {
  readonly file: string;

  constructor(dir: string, profile: string = DEFAULT_PROFILE) {
    this.file = credentialsFile(dir, profile);
  }

  read(): Credentials | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as Credentials;
    } catch {
      return undefined;
    }
  }

  /** Replaces the file in one step, so a command reading it at the same moment sees the old or the new tokens, never half. */
  write(c: Credentials): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }

  clear(): boolean {
    if (!existsSync(this.file)) return false;
    rmSync(this.file);
    return true;
  }

  /**
   * Runs `fn` while no other venue-admin process (or client in this one) runs it for these
   * credentials: a refresh token works once, so two commands must not both spend it.
   */
  exclusive<T>(fn: () => Promise<T>, opts: { waitMs: number }): Promise<T> {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    return withFileLock(`${this.file}.lock`, fn, opts);
  }
}
