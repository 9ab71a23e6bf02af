// Who is calling: the bearer token of an active user, and whether they are an admin. Routes do not
// use these directly: userRoute/adminRoute/optionalUserRoute (openapi.ts) declare them.
import { DomainError } from "@venue-booking/core";
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { AppEnv, UserEnv } from "./env.ts";
import { HttpError } from "./errors.ts";

function bearer(header: string | undefined): string {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m?.[1]) throw new HttpError("UNAUTHORIZED");
  return m[1];
}

async function authenticate(c: Context<AppEnv>): Promise<void> {
  const { tokens, repos, cache } = c.var.deps;
  const { userId } = await tokens.verify(bearer(c.req.header("authorization")), "access");
  // the read cache's copy: dropped everywhere when the user changes (see ReadCache.user)
  const user = await cache.user(userId, () => repos.users.get(userId));
  if (!user) throw new HttpError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  c.set("user", user);
}

/** 401 unless a valid access token of an active user comes with the request. */
export const requireUser = createMiddleware<UserEnv>(async (c, next) => {
  await authenticate(c as unknown as Context<AppEnv>);
  await next();
});

/** requireUser, then 403 unless the user is an admin. */
export const requireAdmin = createMiddleware<UserEnv>(async (c, next) => {
  await authenticate(c as unknown as Context<AppEnv>);
  if (!c.var.user.isAdmin) throw new HttpError("FORBIDDEN");
  await next();
});

/** Signs the user in when a token comes along (public routes that admins see more of). */
export const optionalUser = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.header("authorization") !== undefined) await authenticate(c);
  await next();
});

/** Throws unless the (optional) user is an admin: 401 without a user, 403 for a player. */
export function assertAdmin(c: Context<AppEnv>): void {
  const user = c.var.user;
  if (!user) throw new HttpError("UNAUTHORIZED");
  if (!user.isAdmin) throw new HttpError("FORBIDDEN");
}
