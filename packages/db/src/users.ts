// User data access: sign-in by phone, profile, and the admin's user management.
import { and, desc, eq, getTableColumns, ilike, or, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { finishPage, likeContains, pageBounds } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { users } from "./schema/users.ts";
import type { UserRow } from "./schema/users.ts";

export type User = UserRow;

export type UserPatch = { name?: string; isActive?: boolean; isVerified?: boolean; isAdmin?: boolean; language?: string };

export function usersRepository(db: Database) {
  /**
   * The user with this phone, created on first sign-in. Signing in verifies the phone; `admin`
   * promotes (never demotes) the user. `created` tells a first sign-in from a returning one.
   */
  async function signIn(phone: string, opts: { admin?: boolean; language?: string } = {}): Promise<{ user: User; created: boolean }> {
    const admin = opts.admin ?? false;
    const [row] = await db
      .insert(users)
      .values({ phone, isVerified: true, isAdmin: admin, language: opts.language ?? null })
      .onConflictDoUpdate({
        target: users.phone,
        set: {
          isVerified: true,
          isAdmin: sql`${users.isAdmin} or ${admin}`,
          // a customer the desk made signs in for the first time: their language is now known
          language: sql`coalesce(${users.language}, excluded.language)`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ ...getTableColumns(users), created: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error("sign-in upsert returned no row");
    const { created, ...user } = row;
    return { user, created: created === true };
  }

  async function get(id: number): Promise<User | null> {
    const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return row ?? null;
  }

  /**
   * The customer with this phone, for a booking staff make: created unverified when the phone is new
   * (signing in later verifies it), and given `name` when it has none yet. Locks the row.
   */
  async function customer(phone: string, name?: string): Promise<User> {
    const [row] = await db
      .insert(users)
      .values({ phone, name: name ?? "" })
      .onConflictDoUpdate({
        target: users.phone,
        set: {
          name: sql`case when ${users.name} = '' then excluded.name else ${users.name} end`,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    if (!row) throw new Error("customer upsert returned no row");
    return row;
  }

  async function getByPhone(phone: string): Promise<User | null> {
    const [row] = await db.select().from(users).where(eq(users.phone, phone)).limit(1);
    return row ?? null;
  }

  /**
   * Locks the user's row until the transaction ends, so one user's bookings are made one at a time
   * and a count of them stays true until the insert; what the locked row says (undefined: no such user).
   */
  async function lockForBooking(id: number): Promise<{ isActive: boolean; phone: string } | undefined> {
    const rows = await db.select({ isActive: users.isActive, phone: users.phone }).from(users).where(eq(users.id, id)).for("no key update");
    return rows[0];
  }

  /**
   * Locks every active admin's row (in id order, so callers queue instead of deadlocking) and returns
   * their ids. Under the lock, demoting or deactivating one of them cannot race another such change.
   */
  async function lockActiveAdmins(): Promise<number[]> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.isAdmin, true), eq(users.isActive, true)))
      .orderBy(users.id)
      .for("no key update");
    return rows.map((r) => r.id);
  }

  async function update(id: number, patch: UserPatch): Promise<User | null> {
    const set: Partial<typeof users.$inferInsert> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.isActive !== undefined) set.isActive = patch.isActive;
    if (patch.isVerified !== undefined) set.isVerified = patch.isVerified;
    if (patch.isAdmin !== undefined) set.isAdmin = patch.isAdmin;
    if (patch.language !== undefined) set.language = patch.language;
    const [row] = await db
      .update(users)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    return row ?? null;
  }

  /** Newest first; `search` matches a part of the phone or the name, case-insensitively. */
  async function list(query: PageRequest & { search?: string | undefined }): Promise<Page<User>> {
    const { page, limit, offset } = pageBounds(query);
    const term = query.search?.trim();
    const conditions: SQL[] = [];
    if (term) {
      const pattern = likeContains(term);
      const match = or(ilike(users.phone, pattern), ilike(users.name, pattern));
      if (match) conditions.push(match);
    }
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await db
      .select({ user: users, total: sql<number>`count(*) over()`.mapWith(Number) })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(limit)
      .offset(offset);
    return finishPage(
      rows,
      { page, limit },
      (r) => r.user,
      async () => {
        const [c] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(users)
          .where(where);
        return c?.n ?? 0;
      },
    );
  }

  return { signIn, customer, get, getByPhone, lockForBooking, lockActiveAdmins, update, list };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
