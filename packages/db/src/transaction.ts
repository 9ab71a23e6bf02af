// The one way a multi-step write runs: in a transaction, retried (a bounded number of times) when
// PostgreSQL picks it as the victim of a deadlock or a serialization failure; the retry then meets
// the committed winner. An outer transaction is reused, so verbs compose. A caller with a deadline
// (a request that is answered "try again" when it passes) hands it over, so that the transaction
// never commits once the caller has given up on it.
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database } from "./client.ts";
import { constraintName, DEADLOCK_DETECTED, SERIALIZATION_FAILURE, sqlState, UNIQUE_VIOLATION } from "./errors.ts";

export const TRANSACTION_ATTEMPTS = 5;

/**
 * A caller's say over whether a transaction may still commit. Checking an abort signal before
 * COMMIT is not enough on its own: the caller could give up while the COMMIT is on its way, and
 * tell its client to retry a write that then commits. So the COMMIT is claimed first, and from then
 * on the caller waits for its outcome.
 */
export type TransactionDeadline = {
  /** Aborted when the caller has given up; its reason is what the transaction then throws. */
  readonly signal: AbortSignal;
  /** Milliseconds the caller still waits; no statement of the transaction runs longer. */
  remainingMs(): number;
  /**
   * Asked just before COMMIT: false when the caller has given up (the transaction rolls back);
   * true binds the caller to wait for the COMMIT's outcome instead of giving up.
   */
  claimCommit(): boolean;
};

export type TransactionOptions = { deadline?: TransactionDeadline | undefined };

/**
 * A transaction whose statements bound their own lock waits by the deadline's time left (book_hours
 * takes it as its lock_timeout), so the round trip that limits every statement is left out.
 */
export type SelfLimitedOptions = TransactionOptions & { boundsItsOwnWaits?: boolean };

export function isRetryable(e: unknown): boolean {
  const state = sqlState(e);
  // a new booking that drew a reference in use draws another on the next attempt
  const referenceDrawn = state === UNIQUE_VIOLATION && constraintName(e) === "bookings_reference_key";
  return state === DEADLOCK_DETECTED || state === SERIALIZATION_FAILURE || referenceDrawn;
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

function givenUp(deadline: TransactionDeadline): unknown {
  const reason: unknown = deadline.signal.reason;
  return reason ?? new Error("transaction rolled back: its caller stopped waiting for it");
}

/** No statement of the transaction `tx` runs longer than `ms`, nor longer than the session allows. */
async function limitStatements(tx: Database, ms: number): Promise<void> {
  // A statement_timeout of 0 means none: the session's 0 is left out, and `ms` is at least 1.
  const limit = Math.max(1, Math.ceil(ms));
  await tx.execute(
    sql`select set_config('statement_timeout', least(nullif(extract(epoch from current_setting('statement_timeout')::interval) * 1000, 0), ${limit}::int)::int::text, true)`,
  );
}

/**
 * `fn` inside a transaction on `db` (or inside `db` itself when it is one already: the outer
 * transaction's owner decides its commit). With a deadline, every statement is limited to the time
 * left (so a lock wait ends when the caller stops waiting, freeing the connection), and a
 * transaction whose caller has given up rolls back and throws the signal's reason instead of
 * committing.
 */
export function withTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T>;
export function withTransaction<T>(db: Database, options: SelfLimitedOptions, fn: (tx: Database) => Promise<T>): Promise<T>;
export async function withTransaction<T>(
  db: Database,
  ...args: [fn: (tx: Database) => Promise<T>] | [options: SelfLimitedOptions, fn: (tx: Database) => Promise<T>]
): Promise<T> {
  const [{ deadline, boundsItsOwnWaits }, fn] = args.length === 1 ? [{}, args[0]] : args;
  if (db instanceof PgTransaction) return fn(db as unknown as Database);
  return retryOnConflict(() => {
    if (deadline?.signal.aborted) throw givenUp(deadline);
    return db.transaction(async (tx) => {
      if (deadline && !boundsItsOwnWaits) await limitStatements(tx, deadline.remainingMs());
      const result = await fn(tx);
      // Once claimed, the caller waits for the COMMIT that drizzle sends when this callback returns.
      if (deadline && !deadline.claimCommit()) throw givenUp(deadline);
      return result;
    });
  });
}

/**
 * `fn` inside a savepoint of the transaction `tx`: when it throws, what it wrote is undone and the
 * transaction carries on (a weekly series books each date this way, and reports the dates refused).
 */
export function withSavepoint<T>(tx: Database, fn: (sp: Database) => Promise<T>): Promise<T> {
  if (!(tx instanceof PgTransaction)) throw new Error("a savepoint needs a transaction");
  return (tx as unknown as PgTransaction<never, never, never>).transaction<T>((sp) => fn(sp));
}
