// The one way a multi-step write runs: in a transaction, retried (a bounded number of times) when
// PostgreSQL picks it as the victim of a deadlock or a serialization failure; the retry then meets
// the committed winner. An outer transaction is reused, so verbs compose.
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database } from "./client.ts";
import { DEADLOCK_DETECTED, SERIALIZATION_FAILURE, sqlState } from "./errors.ts";

export const TRANSACTION_ATTEMPTS = 5;

export function isRetryable(e: unknown): boolean {
  const state = sqlState(e);
  return state === DEADLOCK_DETECTED || state === SERIALIZATION_FAILURE;
}

/** Runs `fn` again while it fails with a deadlock or serialization failure, at most `attempts` times. */
export async function retryOnConflict<T>(fn: () => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isRetryable(e) || attempt >= attempts) throw e;
    }
  }
}

/** `fn` inside a transaction on `db` (or inside `db` itself when it is one already). */
export async function withTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction) return fn(db as unknown as Database);
  return retryOnConflict(() => db.transaction((tx) => fn(tx as unknown as Database)));
}
