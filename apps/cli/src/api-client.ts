// A small client of the venue-booking API: JSON in and out, problem+json errors as ApiError, and a
// transparent refresh of the access token from stored credentials when it has expired.
import type { CredentialStore } from "./credentials.ts";
import { ApiError, CliError } from "./errors.ts";
import type { ProblemBody } from "./errors.ts";

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

  #accessToken(): string | undefined {
    if (this.#token) return this.#token;
    const c = this.#credentials.read();
    return c && c.apiUrl === this.baseUrl ? c.access : undefined;
  }

  async #send(method: Method, path: string, body: unknown, token: string | undefined, headers: Record<string, string>): Promise<Response> {
    const url = `${this.baseUrl}${path}`;
    try {
      return await this.#fetch(url, {
        method,
        headers: {
          accept: "application/json",
          "accept-language": this.#lang,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new CliError(`cannot reach the API at ${this.baseUrl} (${(e as Error).cause ?? (e as Error).message}); is it running? (--api-url or VENUE_API_URL)`);
    }
  }

  async #refresh(): Promise<string | undefined> {
    const c = this.#credentials.read();
    if (this.#token || !c || c.apiUrl !== this.baseUrl) return undefined;
    const res = await this.#send("POST", "/api/auth/refresh/", { refresh: c.refresh }, undefined, {});
    if (!res.ok) return undefined;
    const pair = (await res.json()) as { access: string; refresh: string };
    this.#credentials.write({ ...c, ...pair });
    return pair.access;
  }

  async request<T>(method: Method, path: string, opts: { body?: unknown; auth?: boolean; headers?: Record<string, string> } = {}): Promise<T> {
    const auth = opts.auth ?? true;
    const token = auth ? this.#accessToken() : undefined;
    let res = await this.#send(method, path, opts.body, token, opts.headers ?? {});
    if (res.status === 401 && auth) {
      const fresh = await this.#refresh();
      if (fresh) res = await this.#send(method, path, opts.body, fresh, opts.headers ?? {});
      else if (!token) throw new CliError("not signed in: run `venue-admin login` or set VENUE_API_TOKEN");
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CliError(`unexpected answer from ${this.baseUrl}${path}: HTTP ${res.status}`);
    }
    if (!res.ok) throw new ApiError(res.status, (data ?? {}) as ProblemBody);
    return data as T;
  }

  get<T>(path: string, opts?: { auth?: boolean }) {
    return this.request<T>("GET", path, opts);
  }
  post<T>(path: string, body: unknown, opts?: { auth?: boolean }) {
    return this.request<T>("POST", path, { ...opts, body });
  }
  patch<T>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, { body });
  }
  delete<T>(path: string) {
    return this.request<T>("DELETE", path);
  }
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
