// users verify|activate|deactivate|promote|demote <phone-or-id>: one flag of a user.
import { UserSchema } from "@venue-booking/contract";
import type { User } from "@venue-booking/contract";
import { isPhone } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { CliError, UsageError } from "../../errors.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { UserPageSchema } from "./list.ts";

export const USER_CHANGES = {
  verify: { is_verified: true },
  activate: { is_active: true },
  deactivate: { is_active: false },
  promote: { is_admin: true },
  demote: { is_admin: false },
} as const;
export type UserChange = keyof typeof USER_CHANGES;

/** A user id from an id or an exact phone. */
async function resolveUser(ctx: CliContext, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return parseId(ref, "user id");
  if (!isPhone(ref)) throw new UsageError(`not a user id or a phone (+998XXXXXXXXX): ${ref}`);
  const page = await ctx.api.get(`/api/admin/users/${query({ search: ref })}`, UserPageSchema);
  const user = page.results.find((u) => u.phone === ref);
  if (!user) throw new CliError(`no user with phone ${ref}`);
  return user.id;
}

export async function changeUserAction(ctx: CliContext, change: UserChange, ref: string): Promise<Outcome<User>> {
  const id = await resolveUser(ctx, ref);
  const u = await ctx.api.patch(`/api/admin/users/${id}/`, USER_CHANGES[change], UserSchema);
  const yn = (b: boolean) => (b ? "yes" : "no");
  return outcome(u, (out) =>
    out.line(`user #${u.id} ${u.phone}: active ${yn(u.is_active)}, verified ${yn(u.is_verified)}, admin ${yn(u.is_admin)}`),
  );
}

export function changeCommand(run: Runner, change: UserChange): Command {
  return new Command(change)
    .argument("<phone-or-id>")
    .description(`${change} a user`)
    .option("--json", "print JSON")
    .action((ref: string, o: { json?: boolean }) => run((ctx) => changeUserAction(ctx, change, ref), o));
}
