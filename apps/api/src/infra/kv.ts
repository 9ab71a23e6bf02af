// The key-value store behind OTP codes, refresh tokens, send limits and idempotency locks:
// Redis through ioredis when REDIS_URL is set, otherwise an in-process map with the same
// behaviour (atomic counters with expiry, set-if-absent, take-once).
import type { Redis } from "ioredis";

export interface KeyValueStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  /** Sets with a time to live; with `ifAbsent` only when the key does not exist. True when set. */
  set(key: string, value: string, ttlMs: number, opts?: { ifAbsent?: boolean }): Promise<boolean>;
  /** Deletes and tells whether this call removed it (exactly one of racing callers gets true). */
  del(key: string): Promise<boolean>;
  /** Atomic increment; the first increment starts the expiry. Returns the count and ms left. */
  incr(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

type Entry = { value: string; expiresAt: number };

export class MemoryStore implements KeyValueStore {
  readonly kind = "memory";
  readonly #map = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #live(key: string): Entry | undefined {
    const e = this.#map.get(key);
    if (e && e.expiresAt <= this.#now()) {
      this.#map.delete(key);
      return undefined;
    }
    return e;
  }

  #sweep(): void {
    // Keeps the map from growing without bound when keys are never read again.
    if (this.#map.size < 10_000) return;
    const now = this.#now();
    for (const [k, e] of this.#map) if (e.expiresAt <= now) this.#map.delete(k);
  }

  get(key: string) {
    return Promise.resolve(this.#live(key)?.value ?? null);
  }

  set(key: string, value: string, ttlMs: number, opts: { ifAbsent?: boolean } = {}) {
    if (opts.ifAbsent && this.#live(key)) return Promise.resolve(false);
    this.#sweep();
    this.#map.set(key, { value, expiresAt: this.#now() + ttlMs });
    return Promise.resolve(true);
  }

  del(key: string) {
    const existed = this.#live(key) !== undefined;
    this.#map.delete(key);
    return Promise.resolve(existed);
  }

  incr(key: string, ttlMs: number) {
    const e = this.#live(key);
    if (!e) {
      this.#sweep();
      this.#map.set(key, { value: "1", expiresAt: this.#now() + ttlMs });
      return Promise.resolve({ count: 1, ttlMs });
    }
    e.value = String(Number(e.value) + 1);
    return Promise.resolve({ count: Number(e.value), ttlMs: e.expiresAt - this.#now() });
  }

  ping() {
    return Promise.resolve();
  }

  close() {
    this.#map.clear();
    return Promise.resolve();
  }
}

// INCR and, on the first hit, PEXPIRE in one step; returns the count and the time left.
const INCR_SCRIPT = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local t = redis.call('PTTL', KEYS[1])
if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end
return {c, t}`;

export class RedisStore implements KeyValueStore {
  readonly kind = "redis";
  readonly #client: Redis;
  readonly #prefix: string;

  constructor(client: Redis, prefix = "vb:") {
    this.#client = client;
    this.#prefix = prefix;
    client.defineCommand("vbIncr", { numberOfKeys: 1, lua: INCR_SCRIPT });
  }

  #k(key: string) {
    return this.#prefix + key;
  }

  async get(key: string) {
    return this.#client.get(this.#k(key));
  }

  async set(key: string, value: string, ttlMs: number, opts: { ifAbsent?: boolean } = {}) {
    const r = opts.ifAbsent
      ? await this.#client.set(this.#k(key), value, "PX", ttlMs, "NX")
      : await this.#client.set(this.#k(key), value, "PX", ttlMs);
    return r === "OK";
  }

  async del(key: string) {
    return (await this.#client.del(this.#k(key))) === 1;
  }

  async incr(key: string, ttlMs: number) {
    const [count, left] = await (this.#client as unknown as { vbIncr(k: string, ttl: number): Promise<[number, number]> }).vbIncr(
      this.#k(key),
      ttlMs,
    );
    return { count, ttlMs: left };
  }

  async ping() {
    await this.#client.ping();
  }

  close() {
    this.#client.disconnect();
    return Promise.resolve();
  }
}
