// Admins managing admins: nobody deactivates or demotes themself, and the last active admin stays,
// also when two admins demote each other at the same moment.
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserSchema } from "@venue-booking/contract";
import { isDomainError } from "@venue-booking/core";
import { HttpError } from "../src/lib/errors.ts";
import { updateUser } from "../src/services/users.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, patch, problem, signIn, signInAdmin } from "./helpers.ts";

describe.each(testBackends())("admins managing admins on $name", (backend) => {
  // A database of its own per test: the rules are about how many admins there are.
  let h: Harness;
  beforeEach(async () => {
    h = await backend.start();
  });
  afterEach(async () => h.close());

  const change = (token: string, id: number, body: Record<string, unknown>) =>
    h.request(`/api/admin/users/${id}/`, {
      ...patch(body),
      ...bearer(token, { "content-type": "application/json", "accept-language": "en" }),
    });

  const activeAdmins = async () => {
    const result: unknown = await h.deps.database.db.execute(sql`select count(*)::int as n from users where is_admin and is_active`);
    return (result as { rows: { n: number }[] }).rows[0]?.n;
  };

  it("an admin cannot deactivate or demote themself (409), but may rename themself and change others", async () => {
    const a = await signInAdmin(h);
    await signInAdmin(h);
    for (const body of [{ is_active: false }, { is_admin: false }, { is_admin: false, name: "Bob" }]) {
      const res = await change(a.access, a.user.id, body);
      expect(res.status).toBe(409);
      expect(await problem(res)).toMatchObject({
        code: "CANNOT_CHANGE_SELF",
        detail: "You cannot deactivate your own account or take away your own admin role; ask another admin.",
      });
    }
    const renamed = await change(a.access, a.user.id, { name: "Aziz", is_admin: true, is_active: true });
    expect(renamed.status).toBe(200);
    expect(UserSchema.parse(await renamed.json())).toMatchObject({ name: "Aziz", is_admin: true, is_active: true });
    const player = await signIn(h);
    expect((await change(a.access, player.user.id, { is_active: false })).status).toBe(200);
    expect(await activeAdmins()).toBe(2);
  });

  it("the last active admin stays: a demotion decided on stale rights is refused with 409", async () => {
    const a = await signInAdmin(h);
    const b = await signInAdmin(h);
    const c = await signInAdmin(h);
    expect((await change(a.access, c.user.id, { is_active: false })).status).toBe(200);
    expect((await change(a.access, b.user.id, { is_admin: false })).status).toBe(200);
    expect(await activeAdmins()).toBe(1);
    // b's request was authenticated while b was still an admin, and arrives now.
    let refused: unknown;
    try {
      await updateUser(h.deps, { adminId: b.user.id, id: a.user.id, patch: { isAdmin: false } });
    } catch (e) {
      refused = e;
    }
    expect(isDomainError(refused, "LAST_ADMIN")).toBe(true);
    // With another admin left, b's stale rights still do not count.
    await h.deps.repos.users.update(c.user.id, { isActive: true });
    await expect(updateUser(h.deps, { adminId: b.user.id, id: c.user.id, patch: { isActive: false } })).rejects.toBeInstanceOf(HttpError);
    expect(await activeAdmins()).toBe(2);
    expect((await h.request("/api/auth/me/", bearer(b.access))).status).toBe(200);
  });

  it("two admins demoting or deactivating each other at once leave one admin", async () => {
    const a = await signInAdmin(h);
    const b = await signInAdmin(h);
    const rounds: [Record<string, boolean>, Record<string, boolean>][] = [
      [{ is_admin: false }, { is_admin: false }],
      [{ is_active: false }, { is_active: false }],
      [{ is_admin: false }, { is_active: false }],
    ];
    for (const [toA, toB] of rounds) {
      const [byB, byA] = await Promise.all([change(b.access, a.user.id, toA), change(a.access, b.user.id, toB)]);
      const [won, lost] = byA.status === 200 ? [byA, byB] : [byB, byA];
      expect(won.status).toBe(200);
      // The loser is refused by the rule, or, when it comes in after the winner, as a non-admin
      // (403) or a deactivated user (401).
      expect(["401 USER_INACTIVE", "403 FORBIDDEN", "409 LAST_ADMIN"]).toContain(`${lost.status} ${(await problem(lost)).code}`);
      expect(await activeAdmins()).toBe(1);
      // Both admins again for the next round.
      for (const u of [a, b]) await h.deps.repos.users.update(u.user.id, { isAdmin: true, isActive: true });
    }
  });
});
