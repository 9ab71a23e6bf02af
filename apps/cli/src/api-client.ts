// A small client of the venue-booking API: JSON in and out, every answer parsed with the contract's
// schema (so a drifting API fails loudly), problem+json errors as ApiError, a time limit on every
// request, and a transparent refresh of the access token from stored credentials when it has expired.
import { ProblemSchema, TokensSchema } from "@venue-booking/contract";
import type { Problem } from "@venue-booking/contract";
import type { ZodType } from "zod";
import type { Credentials, CredentialStore } from "./credentials.ts";
import { ApiError, CliError, describeIssues, describeProblem } from "./errors.ts";
import type { Spinner } from "./spinner.ts";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type ApiClientOptions = {
  baseUrl: string;
  /** VENUE_API_TOKEN: used as is, never refreshed. */
  token?: string | undefined;
  /** Language of venue texts and error messages: uz, ru or en. */
  lang?: string | undefined;
  credentials: CredentialStore;
  fetch?: typeof fetch;
  /** How long one request may take, answer included. */
  timeoutMs?: number | undefined;
  /** The command that signs in again (it names the profile). */
  loginCommand?: string | undefined;
  /** A one-line note for the person (stderr): the answer is given, but something is off. */
  notice?: ((text: string) => void) | undefined;
  /** Shows that a slow request is still on its way. */
  spinner?: Spinner | undefined;
};

type Method = "GET" | "POST" | "PATCH" | "DELETE";
export type CallOptions = {
  /** false: never send a token (sign-in requests). */
  auth?: boolean;
  /**
   * The API answers anyone here, and an admin's token only shows more: when the token is refused,
   * the request is made again without it (with a note), instead of failing.
   */
  public?: boolean;
  /** Sent as the Idempotency-Key header: a retry with the same key gets the first answer. */
  idempotencyKey?: string | undefined;
};
type RequestOptions = CallOptions & { body?: unknown };
type Answer = { status: number; text: string; url: string };

/** The credential a request went with, to say which one the API refused. */
type Credential =
  { kind: "env"; token: string } | { kind: "stored"; token: string; stored: Credentials } | { kind: "none"; elsewhere: string | undefined };

export class ApiClient {
  readonly baseUrl: string;
  readonly #token: string | undefined;
  readonly #lang: string;
  readonly #credentials: CredentialStore;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #login: string;
  readonly #notice: (text: string) => void;
  readonly #spinner: Spinner | undefined;

  constructor(opts: ApiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
    this.#token = opts.token;
    this.#lang = opts.lang ?? "en";
    this.#credentials = opts.credentials;
    this.#fetch = opts.fetch ?? fetch;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#login = opts.loginCommand ?? "venue-admin login";
    this.#notice = opts.notice ?? (() => {});
    this.#spinner = opts.spinner;
  }

  /** VENUE_API_TOKEN signs every request, whatever `login` stored. */
  get usesEnvToken(): boolean {
    return this.#token !== undefined;
  }

  get<T>(path: string, schema: ZodType<T>, opts?: CallOptions): Promise<T> {
    return this.#call("GET", path, schema, opts);
  }
  post<T>(path: string, body: unknown, schema: ZodType<T>, opts?: CallOptions): Promise<T> {
    return this.#call("POST", path, schema, { ...opts, body });
  }
  patch<T>(path: string, body: unknown, schema: ZodType<T>): Promise<T> {
    return this.#call("PATCH", path, schema, { body });
  }
  /** A request answered with 204 No Content. */
  delete(path: string): Promise<void> {
    return this.#noContent("DELETE", path, {});
  }
  /** A DELETE answered with what it did (a series' cancelled bookings). */
  deleteWithAnswer<T>(path: string, schema: ZodType<T>): Promise<T> {
    return this.#call("DELETE", path, schema);
  }
  /** A POST answered with 204 No Content. */
  postNoContent(path: string, body: unknown, opts?: CallOptions): Promise<void> {
    return this.#noContent("POST", path, { ...opts, body });
  }

  async #noContent(method: Method, path: string, opts: RequestOptions): Promise<void> {
    const answer = await this.#request(method, path, opts);
    if (answer.status !== 204) decode(answer);
  }

  async #call<T>(method: Method, path: string, schema: ZodType<T>, opts: RequestOptions = {}): Promise<T> {
    const answer = await this.#request(method, path, opts);
    return parseAnswer(schema, decode(answer), answer.url);
  }

  /**
   * Sends with the credential in use. When the API refuses it: a stored sign-in is refreshed once;
   * a public read goes again without a token; otherwise the error says which credential was
   * refused and what to do.
   */
  async #request(method: Method, path: string, opts: RequestOptions): Promise<Answer> {
    const url = `${this.baseUrl}${path}`;
    const send = (token: string | undefined) => this.#exchange(method, url, opts.body, token, opts.idempotencyKey);
    if (opts.auth === false) return send(undefined);
    const credential = this.#credential();
    const token = credential.kind === "none" ? undefined : credential.token;
    let answer = await send(token);
    if (!signInRefused(answer)) return answer;
    if (credential.kind === "stored") {
      const fresh = await this.#refresh(credential.token);
      if (fresh) {
        answer = await send(fresh);
        if (!signInRefused(answer)) return answer;
      }
    }
    if (opts.public && token) {
      const anonymous = await send(undefined);
      if (!signInRefused(anonymous)) {
        this.#notice(`note: ${this.#refusal(credential)}; showing what anyone may see`);
        return anonymous;
      }
      answer = anonymous;
    }
    const problem = problemOf(answer);
    throw new ApiError(answer.status, problem, `${this.#refusal(credential)} (${describeProblem(answer.status, problem)})`);
  }

  /** Which credential the API refused, and how to get one it accepts. */
  #refusal(credential: Credential): string {
    switch (credential.kind) {
      case "env":
        return `the API at ${this.baseUrl} refused VENUE_API_TOKEN: set a current access token, or unset it to use the sign-in of \`${this.#login}\``;
      case "stored":
        return `the sign-in of ${credential.stored.phone} at ${this.baseUrl} has ended (signed out or expired): run \`${this.#login}\``;
      case "none":
        return credential.elsewhere
          ? `not signed in at ${this.baseUrl} (the stored sign-in is for ${credential.elsewhere}): run \`${this.#login}\` or set VENUE_API_TOKEN`
          : `not signed in: run \`${this.#login}\` or set VENUE_API_TOKEN`;
    }
  }

  #credential(): Credential {
    if (this.#token) return { kind: "env", token: this.#token };
    const stored = this.#credentials.read();
    if (stored && stored.apiUrl === this.baseUrl) return { kind: "stored", token: stored.access, stored };
    return { kind: "none", elsewhere: stored?.apiUrl };
  }

  /** One request and its whole answer within the time limit. */
  async #exchange(method: Method, url: string, body: unknown, token: string | undefined, idempotencyKey?: string): Promise<Answer> {
    const stop = this.#spinner?.(`${method} ${url}`);
    try {
      const res = await this.#fetch(url, {
        method,
        headers: {
          accept: "application/json",
          "accept-language": this.#lang,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      return { status: res.status, text: await res.text(), url };
    } catch (e) {
      if (e instanceof Error && e.name === "TimeoutError") {
        const unsure = method === "GET" ? "" : "; the change may or may not have been made";
        throw new CliError(
          `no answer from ${method} ${url} within ${this.#timeoutMs / 1000} s${unsure} (is the API up? --timeout <seconds> waits longer)`,
        );
      }
      throw new CliError(`cannot reach the API at ${this.baseUrl} (${reason(e)}); is it running? (--api-url or VENUE_API_URL)`);
    } finally {
      stop?.();
    }
  }

  /**
   * A new access token for the stored sign-in, after `spent` was refused. One command at a time
   * refreshes (a refresh token works once, and the API ends the whole sign-in when a spent one comes
   * back); a command that waited finds the tokens another one stored and uses them.
   */
  #refresh(spent: string): Promise<string | undefined> {
    return this.#credentials.exclusive(
      async () => {
        const c = this.#credentials.read();
        if (!c || c.apiUrl !== this.baseUrl) return undefined;
        if (c.access !== spent) return c.access;
        const answer = await this.#exchange("POST", `${this.baseUrl}/api/auth/refresh/`, { refresh: c.refresh }, undefined);
        if (answer.status === 401) return undefined;
        const pair = parseAnswer(TokensSchema, decode(answer), answer.url);
        this.#credentials.write({ ...c, access: pair.access, refresh: pair.refresh });
        return pair.access;
      },
      { waitMs: 2 * this.#timeoutMs + 5_000 },
    );
  }
}

/** The API did not accept the token (or wants one); a deactivated account is another matter. */
function signInRefused(answer: Answer): boolean {
  return answer.status === 401 && problemOf(answer)?.code !== "USER_INACTIVE";
}

/** The answer's JSON, or undefined when it is not JSON. */
function jsonOf(answer: Answer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}

function problemOf(answer: Answer): Problem | undefined {
  const r = ProblemSchema.safeParse(jsonOf(answer));
  return r.success ? r.data : undefined;
}

/** The JSON body of a successful answer; an error answer becomes an ApiError. */
function decode(answer: Answer): unknown {
  if (answer.status < 200 || answer.status > 299) throw new ApiError(answer.status, problemOf(answer), undefined, jsonOf(answer));
  try {
    return answer.text ? JSON.parse(answer.text) : undefined;
  } catch {
    throw new CliError(`unexpected answer from ${answer.url}: not JSON (HTTP ${answer.status})`);
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
