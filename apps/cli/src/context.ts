// What every command works with: the API client, the output, the prompter and whether a person is there.
import { isLang } from "@venue-booking/core";
import { ApiClient } from "./api-client.ts";
import { configDir, CredentialStore } from "./credentials.ts";
import { UsageError } from "./errors.ts";
import type { Output } from "./output.ts";
import type { Prompter } from "./prompts.ts";

export const DEFAULT_API_URL = "http://localhost:3000";

export type CliContext = {
  api: ApiClient;
  out: Output;
  prompter: Prompter;
  /** A person at a terminal: prompts and confirmations are allowed. */
  interactive: boolean;
  credentials: CredentialStore;
};

export type ContextInput = {
  env: Record<string, string | undefined>;
  out: Output;
  prompter: Prompter;
  interactive: boolean;
  apiUrl?: string | undefined;
  fetch?: typeof fetch;
};

export function createContext(input: ContextInput): CliContext {
  const credentials = new CredentialStore(configDir(input.env));
  const baseUrl = input.apiUrl ?? input.env.VENUE_API_URL ?? DEFAULT_API_URL;
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) throw new UsageError(`--api-url must be an http(s) URL, got "${baseUrl}"`);
  const lang = input.env.VENUE_ADMIN_LANG || "en";
  if (!isLang(lang)) throw new UsageError(`VENUE_ADMIN_LANG must be uz, ru or en, got "${lang}"`);
  return {
    api: new ApiClient({
      baseUrl,
      token: input.env.VENUE_API_TOKEN || undefined,
      lang,
      credentials,
      ...(input.fetch ? { fetch: input.fetch } : {}),
    }),
    out: input.out,
    prompter: input.prompter,
    interactive: input.interactive,
    credentials,
  };
}
