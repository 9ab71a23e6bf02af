// The Redis connection and what the app knows about its health: every command fails within the
// configured timeout when Redis is down or stalled (instead of waiting 10-15 s), the failure becomes
// one 503 SERVICE_UNAVAILABLE, and the outage and the recovery are reported once each.
import { Redis } from "ioredis";
import { HttpError } from "../lib/errors.ts";

/** Retry-After, in seconds, of the 503 answered while Redis is unavailable. */
const REDIS_RETRY_AFTER_SECONDS = 5;

/** ioredis with every wait bounded by `timeoutMs`. */
export function createRedisClient(url: string, timeoutMs: number): Redis {
  return new Redis(url, {
    // Each command, also one waiting in the offline queue for a connection (ioredis starts this
    // timer before queueing it), fails after the timeout: what bounds a request's wait.
    commandTimeout: timeoutMs,
    // A connection attempt to an unroutable host is abandoned later than a command: the start-up
    // of the process can keep the event loop busy for longer than a command's timeout, which must
    // not count as an outage.
    connectTimeout: Math.max(2_000, timeoutMs * 4),
    // A connection that stops answering is dropped and replaced rather than kept forever.
    socketTimeout: Math.max(2_000, timeoutMs * 4),
    // Commands are not kept across reconnection attempts: each drop fails what was waiting.
    maxRetriesPerRequest: 0,
    // Queued commands are bounded by commandTimeout; keeping the queue lets the first commands
    // after start-up wait for the connection instead of failing.
    enableOfflineQueue: true,
    // Reconnects quickly at first, then about once a second, for ever.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 5), 1_000),
  });
}

export type AvailabilityChange = { available: boolean; reason?: string };

/**
 * Replies of Redis itself that mean "not usable now" (starting, failing over, out of memory, wrong
 * credentials) rather than a wrong command: the request is answered 503, not 500. */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|READONLY|OOM|NOAUTH|WRONGPASS|MISCONF|CLUSTERDOWN|NOREPLICAS)\b/;

/**
 * A failure of the connection (refused, dropped, timed out, not connected) rather than an error
 * Redis replied with for a command.
 */
function isConnectionFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "ReplyError") return TRANSIENT_REPLY.test(err.message);
  return true;
}

/**
 * Whether Redis is usable, learnt from the client's events and from the commands' outcomes. While
 * it is down, commands fail at once instead of each waiting for the timeout, and a ping every
 * `probeMs` notices the recovery (a stalled connection that starts answering again emits no event).
 */
export class RedisAvailability {
  readonly #client: Redis;
  readonly #probeMs: number;
  readonly #listeners: ((change: AvailabilityChange) => void)[] = [];
  #available = true;
  #last: AvailabilityChange = { available: true };
  #probe: ReturnType<typeof setInterval> | undefined;
  #confirming = false;

  constructor(client: Redis, probeMs: number) {
    this.#client = client;
    this.#probeMs = probeMs;
    // Without a listener ioredis prints every failed attempt as "[ioredis] Unhandled error event".
    client.on("error", (err: unknown) => {
      if (isConnectionFailure(err)) this.#set(false, err);
    });
    client.on("ready", () => this.#set(true));
  }

  get available(): boolean {
    return this.#available;
  }

  /** Calls `listener` on every change, and at once when Redis is already known to be down. */
  onChange(listener: (change: AvailabilityChange) => void): void {
    this.#listeners.push(listener);
    if (!this.#available) listener(this.#last);
  }

  /** Runs one Redis call: SERVICE_UNAVAILABLE at once while Redis is down or when the call fails to reach it. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (!this.#available) throw unavailable();
    try {
      const result = await call();
      this.#set(true);
      return result;
    } catch (err) {
      if (!isConnectionFailure(err)) throw err;
      this.#confirmDown(err);
      throw unavailable(err);
    }
  }

  close(): void {
    if (this.#probe) clearInterval(this.#probe);
    this.#probe = undefined;
  }

  #set(available: boolean, err?: unknown): void {
    if (available === this.#available) return;
    this.#available = available;
    if (available) this.close();
    else this.#startProbe();
    this.#last = available ? { available } : { available, reason: reasonOf(err) };
    for (const listener of this.#listeners) listener(this.#last);
  }

  // A command that timed out may only have met an event loop busy for longer than the timeout
  // (at start-up, say), with the reply already waiting: a ping of its own decides.
  #confirmDown(err: unknown): void {
    if (!this.#available || this.#confirming) return;
    this.#confirming = true;
    this.#client.ping().then(
      () => {
        this.#confirming = false;
      },
      () => {
        this.#confirming = false;
        this.#set(false, err);
      },
    );
  }

  #startProbe(): void {
    this.#probe = setInterval(() => {
      this.#client.ping().then(
        () => this.#set(true),
        () => {},
      );
    }, this.#probeMs);
    this.#probe.unref();
  }
}

function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return "unknown";
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? `${code}: ${err.message}` : err.message;
}

function unavailable(cause?: unknown): HttpError {
  return new HttpError("SERVICE_UNAVAILABLE", { seconds: REDIS_RETRY_AFTER_SECONDS }, { cause });
}
