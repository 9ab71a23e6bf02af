// Counters of the per-IP limit on the auth endpoints: hono-rate-limiter's own RedisStore over
// ioredis, so replicas share them, or its MemoryStore in a lone process.
import type { Redis } from "ioredis";
import type { Env } from "hono";
import { MemoryStore, RedisStore } from "hono-rate-limiter";
import type { Store } from "hono-rate-limiter";

export function memoryRateLimitStore<E extends Env>(): Store<E> {
  return new MemoryStore<E>();
}

export function redisRateLimitStore<E extends Env>(redis: Redis, prefix: string): Store<E> {
  return new RedisStore<E>({
    prefix,
    client: {
      scriptLoad: (script) => redis.script("LOAD", script) as Promise<string>,
      evalsha: <TArgs extends unknown[], TData = unknown>(sha: string, keys: string[], args: TArgs) =>
        redis.evalsha(sha, keys.length, ...keys, ...(args as (string | number)[])) as Promise<TData>,
      decr: (key) => redis.decr(key),
      del: (key) => redis.del(key),
    },
  });
}
