// What every command works with: the API client, the output, the prompter and whether a person is there.
import { isLang } from "@venue-booking/core";
import { ApiClient } from "./api-client.ts";
import { configDir, CredentialStore } from "./credentials.ts";
import { CliError } from "./errors.ts";
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
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) throw new CliError(`--api-url must be an http(s) URL, got "${baseUrl}"`, 2);
  const lang = input.env.VENUE_ADMIN_LANG || "en";
  if (!isLang(lang)) throw new CliError(`VENUE_ADMIN_LANG must be uz, ru or en, got "${lang}"`, 2);
  return {
    api: new ApiClient({ baseUrl, token: input.env.VENUE_API_TOKEN || undefined, lang, credentials, ...(input.fetch ? { fetch: input.fetch } : {}) }),
    out: input.out,
    prompter: input.prompter,
    interactive: input.interactive,
    credentials,
  };
}

/** The flag's value, or (with a person at the terminal) the answer to a question; otherwise an error. */
export async function need(
  ctx: CliContext,
  value: string | undefined,
  flag: string,
  question: string,
  validate?: (v: string) => true | string,
): Promise<string> {
  if (value !== undefined && value !== "") return value;
  if (!ctx.interactive) throw new CliError(`missing ${flag}`, 2);
  return ctx.prompter.input({ message: question, ...(validate ? { validate } : {}) });
}

/** Checks a value with a zod-like schema; the first problem becomes a one-line error. */
type Issue = { path: PropertyKey[]; message: string; params?: unknown };

/** Schema issues as one line: "field: problem; field: problem" (domain codes in words). */
export function describeIssues(issues: Issue[], what: string): string {
  return issues
    .map((i) => {
      const code = (i.params as { code?: string } | undefined)?.code;
      return `${i.path.map(String).join(".") || what}: ${code ? code.toLowerCase().replace(/_/g, " ") : i.message}`;
    })
    .join("; ");
}

export function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new CliError(`invalid ${what}: ${describeIssues(r.error.issues, what)}`, 2);
}
