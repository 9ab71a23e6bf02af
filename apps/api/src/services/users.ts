// User use cases: a player's own profile, and the admin's user management.
import { DomainError } from "@venue-booking/core";
import type { Page, User, UserPatch } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { HttpError } from "../lib/errors.ts";

export function listUsers(deps: AppDeps, query: { page?: number | undefined; search?: string | undefined }): Promise<Page<User>> {
  return deps.repos.users.list(query);
}

export async function updateUser(deps: AppDeps, input: { id: number; patch: UserPatch }): Promise<User> {
  const user = await deps.repos.users.update(input.id, input.patch);
  if (!user) throw new DomainError("USER_NOT_FOUND");
  return user;
}

export async function renameSelf(deps: AppDeps, input: { userId: number; name: string }): Promise<User> {
  const user = await deps.repos.users.update(input.userId, { name: input.name });
  // Deleted between authentication and now: the token no longer names anyone.
  if (!user) throw new HttpError("UNAUTHORIZED");
  return user;
}
