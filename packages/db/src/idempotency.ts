// What the first of the POSTs that carried an Idempotency-Key did (the id of what it made), kept
// 24 hours per user.
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { idempotencyKeys } from "./schema/idempotency-keys.ts";

export const IDEMPOTENCY_TTL_HOURS = 24;

export type StoredResponse = { requestHash: string; status: number; body: unknown };

export function idempotencyRepository(db: Database) {
  const fresh = sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;

  async function find(userId: number, key: string): Promise<StoredResponse | null> {
    const [row] = await db
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), gt(idempotencyKeys.createdAt, fresh)))
      .limit(1);
    return row ?? null;
  }

  /** Records a response; run it in the transaction of the change it describes. */
  async function record(userId: number, key: string, response: StoredResponse): Promise<void> {
    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), lte(idempotencyKeys.createdAt, fresh)));
    await db.insert(idempotencyKeys).values({
      userId,
      key,
      requestHash: response.requestHash,
      responseStatus: response.status,
      responseBody: response.body,
    });
  }

  /** Forgets responses older than the time to live; returns how many. */
  async function purgeExpired(): Promise<number> {
    const rows = await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, fresh)).returning({ key: idempotencyKeys.key });
    return rows.length;
  }

  return { find, record, purgeExpired };
}

export type IdempotencyRepository = ReturnType<typeof idempotencyRepository>;
