// What every command works with: the API client, the output, the prompter and whether a person is there.
import { isLang } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { ApiClient, DEFAULT_TIMEOUT_MS } from "./api-client.ts";
import { configDir, DEFAULT_PROFILE } from "./credentials.ts";
import type { CredentialStore } from "./credentials.ts";
import { UsageError } from "./errors.ts";
import { t } from "./i18n.ts";
import type { Output } from "./output.ts";
import { loginCommandFor, parseApiUrl, parseProfileName, ProfileStore } from "./profiles.ts";
import type { Prompter } from "./prompts.ts";
import type { Spinner } from "./spinner.ts";

export const DEFAULT_API_URL = "http://localhost:3000";

export type CliContext = {
  /** The API of the profile in use; made when first used, so `config` commands work without one. */
  readonly api: ApiClient;
  out: Output;
  prompter: Prompter;
  /** A person at a terminal: prompts and confirmations are allowed. */
  interactive: boolean;
  /** The stored sign-in of the profile in use. */
  credentials: CredentialStore;
  /** The profile in use, and whether --profile or VENUE_ADMIN_PROFILE named it. */
  profile: { name: string; explicit: boolean };
  profiles: ProfileStore;
  /** The admin's language (VENUE_ADMIN_LANG, English by default): the CLI's own words and the API's. */
  lang: Lang;
};

export type ContextInput = {
  env: Record<string, string | undefined>;
  out: Output;
  prompter: Prompter;
  interactive: boolean;
  apiUrl?: string | undefined;
  /** --profile */
  profile?: string | undefined;
  /** --timeout, in seconds as typed */
  timeout?: string | undefined;
  fetch?: typeof fetch;
  /** Notes for the person, on stderr. */
  writeErr?: ((s: string) => void) | undefined;
  spinner?: Spinner | undefined;
};

export function createContext(input: ContextInput): CliContext {
  const lang = input.env.VENUE_ADMIN_LANG || "en";
  if (!isLang(lang)) throw new UsageError(`VENUE_ADMIN_LANG must be uz, ru or en, got "${lang}"`);
  const timeoutMs = parseTimeout(input.timeout);
  const profiles = new ProfileStore(configDir(input.env));
  const named = input.profile ?? (input.env.VENUE_ADMIN_PROFILE || undefined);
  const profile = named
    ? { name: parseProfileName(named, input.profile ? "--profile" : "VENUE_ADMIN_PROFILE"), explicit: true }
    : { name: profiles.read().current ?? DEFAULT_PROFILE, explicit: false };
  const credentials = profiles.credentials(profile.name);
  let api: ApiClient | undefined;
  const makeApi = () =>
    new ApiClient({
      baseUrl: resolveApiUrl(input, profiles, profile, lang),
      token: input.env.VENUE_API_TOKEN || undefined,
      lang,
      credentials,
      timeoutMs,
      loginCommand: loginCommandFor(profile.name),
      notice: (s) => input.writeErr?.(`${s}\n`),
      spinner: input.spinner,
      ...(input.fetch ? { fetch: input.fetch } : {}),
    });
  return {
    get api() {
      return (api ??= makeApi());
    },
    out: input.out,
    prompter: input.prompter,
    interactive: input.interactive,
    credentials,
    profile,
    profiles,
    lang,
  };
}

/**
 * --api-url first; then the URL of a profile named on this command line or in the environment; then
 * VENUE_API_URL; then the URL of the profile chosen with `config use`; then the local default.
 */
function resolveApiUrl(input: ContextInput, profiles: ProfileStore, profile: { name: string; explicit: boolean }, lang: Lang): string {
  const config = profiles.read();
  if (!profiles.exists(profile.name, config)) throw new UsageError(t(lang, "config.noSuchProfile", { name: profile.name }));
  if (input.apiUrl !== undefined) return parseApiUrl(input.apiUrl, "--api-url");
  const saved = config.profiles[profile.name]?.api_url;
  if (profile.explicit && saved) return saved;
  if (input.env.VENUE_API_URL) return parseApiUrl(input.env.VENUE_API_URL, "VENUE_API_URL");
  return saved ?? DEFAULT_API_URL;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(`--timeout must be a number of seconds between 0 and 3600, got "${value}"`);
  return Math.round(seconds * 1000);
}
