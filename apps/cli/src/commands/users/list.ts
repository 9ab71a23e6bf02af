// users list: players and admins, newest first.
import { pageSchema, UserSchema } from "@venue-booking/contract";
import type { Page, User } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import type { CliContext } from "../../context.ts";
import { formatLocal } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export const UserPageSchema = pageSchema(UserSchema, "UserPage");

export type UserListOptions = PagingOptions & { search?: string };

export async function listUsersAction(ctx: CliContext, o: UserListOptions): Promise<Outcome<Page<User>>> {
  const paging = parsePaging(o, ctx.lang);
  const page = await collectPages((n) => ctx.api.get(`/api/admin/users/${query({ search: o.search, page: n })}`, UserPageSchema), paging);
  return outcome(page, (out) => {
    const l = (k: MessageKey) => t(ctx.lang, k);
    const yn = (b: boolean) => (b ? out.color.green(l("word.yes")) : out.color.red(l("word.no")));
    out.table(
      ["ID", l("col.phone"), l("col.userName"), l("col.userActive"), l("col.verified"), l("col.admin"), l("col.since")],
      page.results.map((u) => [
        u.id,
        u.phone,
        u.name,
        yn(u.is_active),
        yn(u.is_verified),
        u.is_admin ? l("cell.admin") : "",
        formatLocal(u.created_at, out.timeZone).slice(0, 10),
      ]),
      { empty: l("list.noUsers") },
    );
    out.note(pageNote(page, paging, ctx.lang, "user"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(new Command("list").description("users, newest first").option("--search <text>", "part of the phone or the name"))
    .addHelpText("after", "\nExamples:\n  venue-admin users list --search 90123\n  venue-admin users list --all --json")
    .option("--json", "print JSON")
    .action((o: UserListOptions & { json?: boolean }) => run((ctx) => listUsersAction(ctx, o), o));
}
