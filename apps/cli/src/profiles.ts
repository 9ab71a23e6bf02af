// Named API URLs (`venue-admin config`), each with its own stored sign-in, kept in config.json in
// the config directory. Which one a command uses: --profile, else VENUE_ADMIN_PROFILE, else the
// one chosen with `config use`, else "default".
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CredentialStore, DEFAULT_PROFILE } from "./credentials.ts";
import { CliError, UsageError } from "./errors.ts";

const ProfileNameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/i);

const ConfigFileSchema = z.object({
  current: ProfileNameSchema.optional(),
  profiles: z.record(ProfileNameSchema, z.object({ api_url: z.string() })).default({}),
});

export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export function parseProfileName(name: string, flag = "--profile"): string {
  if (!ProfileNameSchema.safeParse(name).success)
    throw new UsageError(`invalid ${flag}: "${name}" (letters, digits, - and _, at most 32, starting with a letter or digit)`);
  return name;
}

/** An http(s) URL without the trailing slash, or a usage error naming where it came from. */
export function parseApiUrl(value: string, what: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !url.host)
    throw new UsageError(`${what} must be an http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, "");
}

export class ProfileStore {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, "config.json");
  }

  read(): ConfigFile {
    if (!existsSync(this.file)) return { profiles: {} };
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, "utf8"));
    } catch {
      raw = undefined;
    }
    const r = ConfigFileSchema.safeParse(raw);
    if (!r.success) throw new CliError(`${this.file} is not a venue-admin configuration; fix or delete it`);
    return r.data;
  }

  write(c: ConfigFile): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
  }

  /** The names of every profile: the default one and those with a URL. */
  names(c: ConfigFile = this.read()): string[] {
    return [...new Set([DEFAULT_PROFILE, ...Object.keys(c.profiles)])].sort();
  }

  exists(name: string, c: ConfigFile = this.read()): boolean {
    return name === DEFAULT_PROFILE || name in c.profiles;
  }

  credentials(name: string): CredentialStore {
    return new CredentialStore(this.dir, name);
  }
}

/** The command that signs in again for `profile`. */
export function loginCommandFor(profile: string): string {
  return profile === DEFAULT_PROFILE ? "venue-admin login" : `venue-admin --profile ${profile} login`;
}
