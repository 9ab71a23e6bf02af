// Counters of the per-IP limit on the auth endpoints: hono-rate-limiter's own RedisStore over
// ioredis, so replicas share them, or its MemoryStore in a lone process. While Redis is
// unavailable the Redis-backed limit counts in an in-process window instead: each replica then
// limits on its own, which still stops a flood, and needs no Redis to answer.
import type { Env } from "hono";
import { MemoryStore, RedisStore } from "hono-rate-limiter";
import type { ClientRateLimitInfo, Store } from "hono-rate-limiter";
import type { Redis } from "ioredis";
import type { RedisAvailability } from "./redis-client.ts";

export function memoryRateLimitStore<E extends Env>(): Store<E> {
  return new MemoryStore<E>();
}

export function redisRateLimitStore<E extends Env>(redis: Redis, availability: RedisAvailability, prefix: string): Store<E> {
  // Every call goes through `availability`, so once Redis is known to be down the store's own
  // retry (it reloads its script after any failure) fails at once instead of waiting again.
  const shared = new RedisStore<E>({
    prefix,
    client: {
      scriptLoad: (script) => availability.run(() => redis.script("LOAD", script) as Promise<string>),
      evalsha: <TArgs extends unknown[], TData = unknown>(sha: string, keys: string[], args: TArgs) =>
        availability.run(() => redis.evalsha(sha, keys.length, ...keys, ...(args as (string | number)[])) as Promise<TData>),
      decr: (key) => availability.run(() => redis.decr(key)),
      del: (key) => availability.run(() => redis.del(key)),
    },
  });
  return withLocalFallback(shared, new MemoryStore<E>(), availability);
}

/** `shared` while Redis is available, `local` while it is not (and for a call that fails to reach it). */
function withLocalFallback<E extends Env>(shared: Store<E>, local: Store<E>, availability: RedisAvailability): Store<E> {
  async function either<T>(onShared: () => T | Promise<T>, onLocal: () => T | Promise<T>): Promise<T> {
    if (!availability.available) return onLocal();
    try {
      return await onShared();
    } catch {
      // `availability` has noted a connection failure; any other failure of the shared counter
      // should not lock every client out of signing in either.
      return onLocal();
    }
  }
  return {
    init(options) {
      shared.init?.(options);
      local.init?.(options);
    },
    increment: (key): Promise<ClientRateLimitInfo> =>
      either(
        () => shared.increment(key),
        () => local.increment(key),
      ),
    decrement: (key) =>
      either(
        () => shared.decrement(key),
        () => local.decrement(key),
      ),
    resetKey: (key) =>
      either(
        () => shared.resetKey(key),
        () => local.resetKey(key),
      ),
  };
}
