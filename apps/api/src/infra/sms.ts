// Where OTP codes go. In production an SMS gateway over HTTP; the console sender prints codes (for
// development, tests and trials only); tests read them from the memory sender.
import type { Config } from "../config.ts";
import type { Logger } from "./logger.ts";

export interface SmsSender {
  /** Delivers the text or throws SmsDeliveryError. */
  send(phone: string, text: string): Promise<void>;
}

/** The gateway did not take the message: it refused, failed, or did not answer in time. */
export class SmsDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SmsDeliveryError";
  }
}

export class ConsoleSmsSender implements SmsSender {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  send(phone: string, text: string): Promise<void> {
    this.write(`[sms] to ${phone}: ${text}`);
    return Promise.resolve();
  }
}

const SMS_HTTP_TIMEOUT_MS = 5_000;

/**
 * A webhook-style SMS gateway: POST `{"to", "text"}` as JSON to `url`, with `Authorization: Bearer
 * <token>` when a token is set. Any 2xx answer is delivery; anything else, a network failure or no
 * answer within `timeoutMs` is an SmsDeliveryError.
 */
export class HttpSmsSender implements SmsSender {
  readonly #url: string;
  readonly #token: string | undefined;
  readonly #timeoutMs: number;

  constructor(opts: { url: string; token?: string | undefined; timeoutMs?: number }) {
    this.#url = opts.url;
    this.#token = opts.token;
    this.#timeoutMs = opts.timeoutMs ?? SMS_HTTP_TIMEOUT_MS;
  }

  async send(phone: string, text: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.#url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(this.#token ? { authorization: `Bearer ${this.#token}` } : {}) },
        body: JSON.stringify({ to: phone, text }),
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: "error",
      });
    } catch (e) {
      const timedOut = e instanceof Error && e.name === "TimeoutError";
      throw new SmsDeliveryError(timedOut ? `SMS gateway did not answer within ${this.#timeoutMs} ms` : "SMS gateway unreachable", {
        cause: e,
      });
    }
    // The body is not needed; reading it frees the connection.
    await res.body?.cancel().catch(() => {});
    if (!res.ok) throw new SmsDeliveryError(`SMS gateway answered ${res.status}`);
  }
}

/**
 * The sender the configuration asks for. Production gets the console only when SMS_PROVIDER=console
 * was set explicitly (the configuration refuses it unset), and says so once at start.
 */
export function smsSenderFrom(config: Pick<Config, "nodeEnv" | "smsProvider" | "smsHttpUrl" | "smsHttpToken">, logger?: Logger): SmsSender {
  if (config.smsProvider === "http") {
    // The configuration refuses SMS_PROVIDER=http without SMS_HTTP_URL.
    if (!config.smsHttpUrl) throw new Error("SMS_HTTP_URL is required when SMS_PROVIDER=http");
    return new HttpSmsSender({ url: config.smsHttpUrl, token: config.smsHttpToken });
  }
  if (config.nodeEnv === "production") {
    logger?.warn("SMS_PROVIDER=console: sign-in codes are printed to stdout, for trials only");
  }
  return new ConsoleSmsSender();
}

/** Keeps messages in memory; tests read the codes from here. */
export class MemorySmsSender implements SmsSender {
  readonly sent: { phone: string; text: string }[] = [];

  send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
    return Promise.resolve();
  }

  lastCode(phone: string): string | undefined {
    const m = [...this.sent].reverse().find((s) => s.phone === phone);
    return m?.text.match(/\b(\d{6})\b/)?.[1];
  }
}
