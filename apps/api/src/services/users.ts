// User use cases: a player's own profile, and the admin's user management.
import { DomainError } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Page, TransactionOptions, User, UserPatch } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { HttpError } from "../lib/errors.ts";

export function listUsers(deps: AppDeps, query: { page?: number | undefined; search?: string | undefined }): Promise<Page<User>> {
  return deps.repos.users.list(query);
}

/**
 * An admin changes a user. Nobody deactivates or demotes themself, and the last active admin stays:
 * a change that takes admin power away runs with every active admin's row locked, so two admins
 * demoting each other at once cannot both succeed.
 */
export async function updateUser(
  deps: AppDeps,
  input: { adminId: number; id: number; patch: UserPatch } & TransactionOptions,
): Promise<User> {
  const { adminId, id, patch } = input;
  const takesAdminAway = patch.isActive === false || patch.isAdmin === false;
  if (takesAdminAway && id === adminId) throw new DomainError("CANNOT_CHANGE_SELF");
  const user = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    if (takesAdminAway) {
      const admins = await repos.users.lockActiveAdmins();
      if (admins.includes(id) && admins.length <= 1) throw new DomainError("LAST_ADMIN");
      // Demoted or deactivated since the request was authenticated: no longer allowed to do this.
      if (!admins.includes(adminId)) throw new HttpError("FORBIDDEN");
    }
    return repos.users.update(id, patch);
  });
  if (!user) throw new DomainError("USER_NOT_FOUND");
  deps.cache.userChanged(id);
  return user;
}

export async function updateSelf(
  deps: AppDeps,
  input: { userId: number; name?: string | undefined; language?: "uz" | "ru" | "en" | undefined },
): Promise<User> {
  const user = await deps.repos.users.update(input.userId, { name: input.name, language: input.language });
  // Deleted between authentication and now: the token no longer names anyone.
  if (!user) throw new HttpError("UNAUTHORIZED");
  deps.cache.userChanged(user.id);
  return user;
}
