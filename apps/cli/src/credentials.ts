// Tokens from `venue-admin login`, kept in the user's config directory, readable by the user only.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export type Credentials = { apiUrl: string; access: string; refresh: string; phone: string };

export function configDir(env: Record<string, string | undefined>): string {
  if (env.VENUE_ADMIN_CONFIG_DIR) return env.VENUE_ADMIN_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "venue-booking");
}

export class CredentialStore {
  readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, "credentials.json");
  }

  read(): Credentials | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as Credentials;
    } catch {
      return undefined;
    }
  }

  write(c: Credentials): void {
    mkdirSync(join(this.file, ".."), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  clear(): boolean {
    if (!existsSync(this.file)) return false;
    rmSync(this.file);
    return true;
  }
}
