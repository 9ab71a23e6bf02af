// Databases and Redis key prefixes of a test's own, for tests that start whole server processes
// (which open their database from a URL rather than through a test harness).
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";

export type ScratchDatabase = {
  /** The URL of the database (known at once; it exists after `create()`). */
  url: string;
  create(): Promise<void>;
  drop(): Promise<void>;
};

async function asAdmin(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty database named `vb_<label>_<random>` on the server `serverUrl` points at. */
export function scratchDatabase(serverUrl: string, label: string): ScratchDatabase {
  const name = `vb_${label}_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    create: () => asAdmin(serverUrl, `create database "${name}"`),
    drop: () => asAdmin(serverUrl, `drop database if exists "${name}" with (force)`),
  };
}

/** A Redis key prefix of this test's own. */
export const scratchPrefix = (label: string) => `vb:${label}:${randomBytes(4).toString("hex")}:`;

/** Deletes every key under `prefix`. */
export async function clearRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
