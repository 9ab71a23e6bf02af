// users list: players and admins, newest first.
import { pageSchema, UserSchema } from "@venue-booking/contract";
import type { Page, User } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parsePage } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export const UserPageSchema = pageSchema(UserSchema, "UserPage");

export type UserListOptions = { search?: string; page?: string };

export async function listUsersAction(ctx: CliContext, o: UserListOptions): Promise<Outcome<Page<User>>> {
  const page = await ctx.api.get(`/api/admin/users/${query({ search: o.search, page: parsePage(o.page) })}`, UserPageSchema);
  return outcome(page, (out) => {
    const yn = (b: boolean) => (b ? out.color.green("yes") : out.color.red("no"));
    out.table(
      ["ID", "Phone", "Name", "Active", "Verified", "Admin", "Since"],
      page.results.map((u) => [
        u.id,
        u.phone,
        u.name,
        yn(u.is_active),
        yn(u.is_verified),
        u.is_admin ? "admin" : "",
        u.created_at.slice(0, 10),
      ]),
    );
    out.line(out.color.dim(`${page.count} user(s)`));
  });
}

export function listCommand(run: Runner): Command {
  return new Command("list")
    .description("users, newest first")
    .option("--search <text>", "part of the phone or the name")
    .option("--page <n>")
    .option("--json", "print JSON")
    .action((o: UserListOptions & { json?: boolean }) => run((ctx) => listUsersAction(ctx, o), o));
}
