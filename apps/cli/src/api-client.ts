// A small client of the venue-booking API: JSON in and out, every answer parsed with the contract's
// schema (so a drifting API fails loudly), problem+json errors as ApiError, and a transparent
// refresh of the access token from stored credentials when it has expired.
import { ProblemSchema, TokensSchema } from "@venue-booking/contract";
import type { ZodType } from "zod";
import type { CredentialStore } from "./credentials.ts";
import { ApiError, CliError, describeIssues } from "./errors.ts";

export type ApiClientOptions = {
  baseUrl: string;
  /** VENUE_API_TOKEN: used as is, never refreshed. */
  token?: string | undefined;
  /** Language of venue texts and error messages: uz, ru or en. */
  lang?: string | undefined;
  credentials: CredentialStore;
  fetch?: typeof fetch;
};

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type RequestOptions = { body?: unknown; auth?: boolean };

export class ApiClient {
  readonly baseUrl: string;
  readonly #token: string | undefined;
  readonly #lang: string;
  readonly #credentials: CredentialStore;
  readonly #fetch: typeof fetch;

  constructor(opts: ApiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
    this.#token = opts.token;
    this.#lang = opts.lang ?? "en";
    this.#credentials = opts.credentials;
    this.#fetch = opts.fetch ?? fetch;
  }

  get<T>(path: string, schema: ZodType<T>, opts?: { auth?: boolean }): Promise<T> {
    return this.#call("GET", path, schema, opts);
  }
  post<T>(path: string, body: unknown, schema: ZodType<T>, opts?: { auth?: boolean }): Promise<T> {
    return this.#call("POST", path, schema, { ...opts, body });
  }
  patch<T>(path: string, body: unknown, schema: ZodType<T>): Promise<T> {
    return this.#call("PATCH", path, schema, { body });
  }
  /** A request answered with 204 No Content. */
  delete(path: string): Promise<void> {
    return this.#noContent("DELETE", path, {});
  }
  /** A POST answered with 204 No Content. */
  postNoContent(path: string, body: unknown, opts?: { auth?: boolean }): Promise<void> {
    return this.#noContent("POST", path, { ...opts, body });
  }

  async #noContent(method: Method, path: string, opts: RequestOptions): Promise<void> {
    const { res, url } = await this.#request(method, path, opts);
    if (res.status !== 204) await this.#answer(res, url);
  }

  async #call<T>(method: Method, path: string, schema: ZodType<T>, opts: RequestOptions = {}): Promise<T> {
    const { res, url } = await this.#request(method, path, opts);
    return parseAnswer(schema, await this.#answer(res, url), url);
  }

  /** Sends, refreshing the access token once when the API says it is no longer valid. */
  async #request(method: Method, path: string, opts: RequestOptions): Promise<{ res: Response; url: string }> {
    const url = `${this.baseUrl}${path}`;
    const auth = opts.auth ?? true;
    const token = auth ? this.#accessToken() : undefined;
    let res = await this.#send(method, url, opts.body, token);
    if (res.status === 401 && auth) {
      const fresh = await this.#refresh();
      if (fresh) res = await this.#send(method, url, opts.body, fresh);
      else if (!token) throw new CliError("not signed in: run `venue-admin login` or set VENUE_API_TOKEN");
    }
    return { res, url };
  }

  /** The JSON body of a successful answer; an error answer becomes an ApiError. */
  async #answer(res: Response, url: string): Promise<unknown> {
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      if (!res.ok) throw new ApiError(res.status, undefined);
      throw new CliError(`unexpected answer from ${url}: not JSON (HTTP ${res.status})`);
    }
    if (!res.ok) {
      const problem = ProblemSchema.safeParse(data);
      throw new ApiError(res.status, problem.success ? problem.data : undefined);
    }
    return data;
  }

  #accessToken(): string | undefined {
    if (this.#token) return this.#token;
    const c = this.#credentials.read();
    return c && c.apiUrl === this.baseUrl ? c.access : undefined;
  }

  async #send(method: Method, url: string, body: unknown, token: string | undefined): Promise<Response> {
    try {
      return await this.#fetch(url, {
        method,
        headers: {
          accept: "application/json",
          "accept-language": this.#lang,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new CliError(`cannot reach the API at ${this.baseUrl} (${reason(e)}); is it running? (--api-url or VENUE_API_URL)`);
    }
  }

  async #refresh(): Promise<string | undefined> {
    const c = this.#credentials.read();
    if (this.#token || !c || c.apiUrl !== this.baseUrl) return undefined;
    const url = `${this.baseUrl}/api/auth/refresh/`;
    const res = await this.#send("POST", url, { refresh: c.refresh }, undefined);
    if (!res.ok) return undefined;
    const pair = parseAnswer(TokensSchema, await this.#answer(res, url), url);
    this.#credentials.write({ ...c, access: pair.access, refresh: pair.refresh });
    return pair.access;
  }
}

/** The answer as the contract describes it, or a one-line error naming what did not match. */
function parseAnswer<T>(schema: ZodType<T>, data: unknown, url: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new CliError(`unexpected answer from ${url}: ${describeIssues(r.error.issues, "body")}`);
}

/** Why fetch failed: undici puts the network error (ECONNREFUSED, ENOTFOUND, ...) in `cause`. */
function reason(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
