// users list, and verify|activate|deactivate|promote|demote <phone-or-id>.
import { isPhone } from "@venue-booking/core";
import { query } from "../api-client.ts";
import type { CliContext } from "../context.ts";
import { CliError } from "../errors.ts";
import type { Register } from "./types.ts";
import { parseId } from "./venues.ts";
import type { Page } from "./venues.ts";

export type AdminUser = { id: number; phone: string; name: string; is_active: boolean; is_verified: boolean; is_admin: boolean; created_at: string };

export const USER_CHANGES = {
  verify: { is_verified: true },
  activate: { is_active: true },
  deactivate: { is_active: false },
  promote: { is_admin: true },
  demote: { is_admin: false },
} as const;
export type UserChange = keyof typeof USER_CHANGES;

export async function listUsersAction(ctx: CliContext, o: { search?: string; page?: string; json?: boolean }): Promise<Page<AdminUser>> {
  const page = await ctx.api.get<Page<AdminUser>>(`/api/admin/users/${query({ search: o.search, page: o.page === undefined ? undefined : parseId(o.page, "--page") })}`);
  if (o.json) {
    ctx.out.json(page);
    return page;
  }
  const yn = (b: boolean) => (b ? ctx.out.color.green("yes") : ctx.out.color.red("no"));
  ctx.out.table(
    ["ID", "Phone", "Name", "Active", "Verified", "Admin", "Since"],
    page.results.map((u) => [u.id, u.phone, u.name, yn(u.is_active), yn(u.is_verified), u.is_admin ? "admin" : "", u.created_at.slice(0, 10)]),
  );
  ctx.out.line(ctx.out.color.dim(`${page.count} user(s)`));
  return page;
}

/** A user id from an id or an exact phone. */
export async function resolveUser(ctx: CliContext, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return parseId(ref, "user id");
  if (!isPhone(ref)) throw new CliError(`not a user id or a phone (+998XXXXXXXXX): ${ref}`, 2);
  const page = await ctx.api.get<Page<AdminUser>>(`/api/admin/users/${query({ search: ref })}`);
  const user = page.results.find((u) => u.phone === ref);
  if (!user) throw new CliError(`no user with phone ${ref}`);
  return user.id;
}

export async function changeUserAction(ctx: CliContext, change: UserChange, ref: string, o: { json?: boolean }): Promise<AdminUser> {
  const id = await resolveUser(ctx, ref);
  const u = await ctx.api.patch<AdminUser>(`/api/admin/users/${id}/`, USER_CHANGES[change]);
  if (o.json) ctx.out.json(u);
  else ctx.out.line(`user #${u.id} ${u.phone}: active ${u.is_active ? "yes" : "no"}, verified ${u.is_verified ? "yes" : "no"}, admin ${u.is_admin ? "yes" : "no"}`);
  return u;
}

export const registerUsers: Register = (program, run) => {
  const users = program.command("users").description("players and admins");
  users
    .command("list")
    .description("users, newest first")
    .option("--search <text>", "part of the phone or the name")
    .option("--page <n>")
    .option("--json", "print JSON")
    .action((o) => run((ctx) => listUsersAction(ctx, o)));
  for (const change of Object.keys(USER_CHANGES) as UserChange[]) {
    users
      .command(`${change} <phone-or-id>`)
      .description(`${change} a user`)
      .option("--json", "print JSON")
      .action((ref, o) => run((ctx) => changeUserAction(ctx, change, ref, o)));
  }
};
