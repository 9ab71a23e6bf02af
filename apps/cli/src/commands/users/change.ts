// users verify|activate|deactivate|promote|demote <phone-or-id>: one flag of a user.
import { UserSchema } from "@venue-booking/contract";
import type { User } from "@venue-booking/contract";
import { isPhone } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { CliError, UsageError } from "../../errors.ts";
import { confirmed, mustConfirm } from "../../prompts.ts";
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

/** What each change asks before it is made; the others (verify, activate) only give. */
const QUESTIONS: Partial<Record<UserChange, { action: MessageKey; question: MessageKey }>> = {
  deactivate: { action: "action.deactivateUser", question: "confirm.deactivateUser" },
  demote: { action: "action.demoteUser", question: "confirm.demoteUser" },
  promote: { action: "action.promoteUser", question: "confirm.promoteUser" },
};

/** Changes an admin may not make to themself: the API refuses them too. */
const NOT_TO_ONESELF: Partial<Record<UserChange, MessageKey>> = {
  deactivate: "fail.notToYourself.deactivate",
  demote: "fail.notToYourself.demote",
};

/** A user from an id or an exact phone (the whole user when it was looked up by phone). */
async function resolveUser(ctx: CliContext, ref: string): Promise<{ id: number; user?: User }> {
  if (/^\d+$/.test(ref)) return { id: parseId(ref, ctx.lang, t(ctx.lang, "what.userId")) };
  if (!isPhone(ref)) throw new UsageError(t(ctx.lang, "usage.notUserRef", { ref }));
  const page = await ctx.api.get(`/api/admin/users/${query({ search: ref })}`, UserPageSchema);
  const user = page.results.find((u) => u.phone === ref);
  if (!user) throw new CliError(t(ctx.lang, "fail.noUserWithPhone", { phone: ref }));
  return { id: user.id, user };
}

/** The changed user, or null when the person at the terminal chose not to make the change. */
export async function changeUserAction(
  ctx: CliContext,
  change: UserChange,
  ref: string,
  o: { yes?: boolean } = {},
): Promise<Outcome<User | null>> {
  const question = QUESTIONS[change];
  // Without a terminal and without --yes nothing is looked up or sent.
  const ask = question !== undefined && mustConfirm(ctx, o.yes, question.action);
  const { id, user } = await resolveUser(ctx, ref);
  const refusal = NOT_TO_ONESELF[change];
  if (refusal) {
    const me = await ctx.api.get("/api/auth/me/", UserSchema);
    if (me.id === id) throw new CliError(t(ctx.lang, refusal, { id }));
  }
  const who = user ? ` ${user.phone}${user.name ? ` (${user.name})` : ""}` : "";
  if (ask && !(await confirmed(ctx, t(ctx.lang, question.question, { id, who })))) {
    return outcome(null, (out) => out.line(t(ctx.lang, "done.userUnchanged", { id })));
  }
  const u = await ctx.api.patch(`/api/admin/users/${id}/`, USER_CHANGES[change], UserSchema);
  const yn = (b: boolean) => t(ctx.lang, b ? "word.yes" : "word.no");
  return outcome(u, (out) =>
    out.line(
      t(ctx.lang, "done.userState", {
        id: u.id,
        phone: u.phone,
        active: yn(u.is_active),
        verified: yn(u.is_verified),
        admin: yn(u.is_admin),
      }),
    ),
  );
}

export function changeCommand(run: Runner, change: UserChange): Command {
  const asks = QUESTIONS[change] !== undefined;
  return new Command(change)
    .argument("<phone-or-id>")
    .description(`${change} a user${asks ? " (asks first unless --yes)" : ""}`)
    .option("--yes", asks ? "do not ask (required without a terminal)" : "accepted for scripts; this change is not asked about")
    .option("--json", "print JSON")
    .addHelpText("after", `\nExample:\n  venue-admin users ${change} +998901234567${asks ? " --yes" : ""}`)
    .action((ref: string, o: { yes?: boolean; json?: boolean }) => run((ctx) => changeUserAction(ctx, change, ref, o), o));
}
