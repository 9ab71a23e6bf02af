// The key-value store behind OTP codes, refresh tokens, send limits and idempotency locks:
// Redis through ioredis when REDIS_URL is set, otherwise an in-process map with the same
// behaviour (atomic counters with expiry, set-if-absent, take-once, guess-limited secrets).
import type { Redis } from "ioredis";
import type { RedisAvailability } from "./redis-client.ts";

/** What one guess at a secret found: right, wrong, wrong for the last allowed time, or no secret. */
type GuessResult = "match" | "miss" | "burned" | "absent";

/**
 * Spending a single-use key and putting its successor in its place, unless `guardKey` exists. The
 * spent key leaves a trace for `trace.ttlMs`: the successor's key and a note of the caller's.
 */
export type Rotation = {
  guardKey: string;
  key: string;
  next: { key: string; value: string; ttlMs: number };
  trace: { key: string; note: string; ttlMs: number };
};

/**
 * What a rotation found: `refused` (the guard key exists), `rotated` (this call spent the key),
 * `spent` (an earlier rotation did, recently: its note, and whether its successor is still unspent),
 * or `absent` (no such key, and no recent trace of one). Only `rotated` changed anything.
 */
export type RotationResult = { status: "refused" | "rotated" | "absent" } | { status: "spent"; note: string; successorLive: boolean };

export interface KeyValueStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  /** Sets with a time to live; with `ifAbsent` only when the key does not exist. True when set. */
  set(key: string, value: string, ttlMs: number, opts?: { ifAbsent?: boolean }): Promise<boolean>;
  /** Deletes and tells whether this call removed it (exactly one of racing callers gets true). */
  del(key: string): Promise<boolean>;
  /** Atomic increment; the first increment starts the expiry. Returns the count and ms left. */
  incr(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Keeps a secret for guessing (replacing any earlier one and its count of wrong guesses). */
  putSecret(key: string, secret: string, ttlMs: number): Promise<void>;
  /**
   * Compares a guess with the secret and counts it in one atomic step, so however many guesses
   * run in parallel, at most `maxGuesses` are ever compared: a match removes the secret (single
   * use), and so does the `maxGuesses`-th wrong guess.
   */
  guessSecret(key: string, guess: string, maxGuesses: number): Promise<GuessResult>;
  /** One atomic step: however many rotations of one key race, exactly one finds it `rotated`. */
  rotate(rotation: Rotation): Promise<RotationResult>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

type Entry = { value: string; expiresAt: number; misses?: number; next?: string };

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

  putSecret(key: string, secret: string, ttlMs: number) {
    this.#sweep();
    this.#map.set(key, { value: secret, expiresAt: this.#now() + ttlMs, misses: 0 });
    return Promise.resolve();
  }

  // Synchronous from lookup to count, so no other guess runs in between.
  guessSecret(key: string, guess: string, maxGuesses: number) {
    const e = this.#live(key);
    if (!e) return Promise.resolve<GuessResult>("absent");
    if (e.value === guess) {
      this.#map.delete(key);
      return Promise.resolve<GuessResult>("match");
    }
    e.misses = (e.misses ?? 0) + 1;
    if (e.misses < maxGuesses) return Promise.resolve<GuessResult>("miss");
    this.#map.delete(key);
    return Promise.resolve<GuessResult>("burned");
  }

  // Synchronous from the guard's lookup to the trace, so no other call runs in between.
  rotate(r: Rotation) {
    if (this.#live(r.guardKey)) return Promise.resolve<RotationResult>({ status: "refused" });
    if (this.#live(r.key)) {
      this.#map.delete(r.key);
      this.#sweep();
      const now = this.#now();
      this.#map.set(r.next.key, { value: r.next.value, expiresAt: now + r.next.ttlMs });
      this.#map.set(r.trace.key, { value: r.trace.note, expiresAt: now + r.trace.ttlMs, next: r.next.key });
      return Promise.resolve<RotationResult>({ status: "rotated" });
    }
    const trace = this.#live(r.trace.key);
    if (!trace?.next) return Promise.resolve<RotationResult>({ status: "absent" });
    return Promise.resolve<RotationResult>({ status: "spent", note: trace.value, successorLive: this.#live(trace.next) !== undefined });
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

// A secret and its count of wrong guesses in one hash, so replacing the secret resets the count.
const PUT_SECRET_SCRIPT = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'n', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

// Compare and count in one script: Redis runs it alone, so parallel guesses queue up behind it.
// The secrets compared are HMACs under a server key, so the plain comparison leaks nothing usable
// through its timing.
const GUESS_SECRET_SCRIPT = `
local secret = redis.call('HGET', KEYS[1], 'v')
if not secret then return 'absent' end
if secret == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 'match'
end
local misses = redis.call('HINCRBY', KEYS[1], 'n', 1)
if misses >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  return 'burned'
end
return 'miss'`;

// KEYS: guard, key, successor, trace; ARGV: successor's value and ttl, note, trace's ttl. The trace
// names its successor, which a later call reads without declaring it: fine on one Redis server (a
// cluster would want all four in one hash slot).
const ROTATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return {'refused'} end
if redis.call('DEL', KEYS[2]) == 1 then
  redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2])
  redis.call('DEL', KEYS[4])
  redis.call('HSET', KEYS[4], 'next', KEYS[3], 'note', ARGV[3])
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
  return {'rotated'}
end
local t = redis.call('HMGET', KEYS[4], 'next', 'note')
if not t[1] or not t[2] then return {'absent'} end
return {'spent', t[2], redis.call('EXISTS', t[1])}`;

type Scripts = {
  vbIncr(key: string, ttlMs: number): Promise<[number, number]>;
  vbPutSecret(key: string, secret: string, ttlMs: number): Promise<unknown>;
  vbGuessSecret(key: string, guess: string, maxGuesses: number): Promise<GuessResult>;
  vbRotate(...args: [string, string, string, string, string, number, string, number]): Promise<[string, string?, number?]>;
};

/** Every call goes through `availability`: SERVICE_UNAVAILABLE, fast, when Redis cannot answer. */
export class RedisStore implements KeyValueStore {
  readonly kind = "redis";
  readonly #client: Redis;
  readonly #scripts: Scripts;
  readonly #prefix: string;
  readonly #availability: RedisAvailability;

  constructor(client: Redis, availability: RedisAvailability, prefix = "vb:") {
    this.#client = client;
    this.#availability = availability;
    this.#prefix = prefix;
    client.defineCommand("vbIncr", { numberOfKeys: 1, lua: INCR_SCRIPT });
    client.defineCommand("vbPutSecret", { numberOfKeys: 1, lua: PUT_SECRET_SCRIPT });
    client.defineCommand("vbGuessSecret", { numberOfKeys: 1, lua: GUESS_SECRET_SCRIPT });
    client.defineCommand("vbRotate", { numberOfKeys: 4, lua: ROTATE_SCRIPT });
    this.#scripts = client as unknown as Scripts;
  }

  #k(key: string) {
    return this.#prefix + key;
  }

  get(key: string) {
    return this.#availability.run(() => this.#client.get(this.#k(key)));
  }

  async set(key: string, value: string, ttlMs: number, opts: { ifAbsent?: boolean } = {}) {
    const k = this.#k(key);
    const r = await this.#availability.run(() =>
      opts.ifAbsent ? this.#client.set(k, value, "PX", ttlMs, "NX") : this.#client.set(k, value, "PX", ttlMs),
    );
    return r === "OK";
  }

  async del(key: string) {
    return (await this.#availability.run(() => this.#client.del(this.#k(key)))) === 1;
  }

  async incr(key: string, ttlMs: number) {
    const [count, left] = await this.#availability.run(() => this.#scripts.vbIncr(this.#k(key), ttlMs));
    return { count, ttlMs: left };
  }

  async putSecret(key: string, secret: string, ttlMs: number) {
    await this.#availability.run(() => this.#scripts.vbPutSecret(this.#k(key), secret, ttlMs));
  }

  guessSecret(key: string, guess: string, maxGuesses: number) {
    return this.#availability.run(() => this.#scripts.vbGuessSecret(this.#k(key), guess, maxGuesses));
  }

  async rotate(r: Rotation): Promise<RotationResult> {
    const [status, note, live] = await this.#availability.run(() =>
      this.#scripts.vbRotate(
        this.#k(r.guardKey),
        this.#k(r.key),
        this.#k(r.next.key),
        this.#k(r.trace.key),
        r.next.value,
        r.next.ttlMs,
        r.trace.note,
        r.trace.ttlMs,
      ),
    );
    if (status === "spent") return { status, note: note ?? "", successorLive: live === 1 };
    if (status === "refused" || status === "rotated" || status === "absent") return { status };
    throw new Error(`unexpected rotation result ${status}`);
  }

  /** Asks Redis itself, even while it is known to be down: readiness wants the present answer. */
  async ping() {
    await this.#client.ping();
  }

  close() {
    this.#availability.close();
    this.#client.disconnect();
    return Promise.resolve();
  }
}
