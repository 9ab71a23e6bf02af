// sessions cancel <id>: cancels a session and every live booking of it, confirmed on a terminal or by --yes.
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { confirmed, mustConfirm } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getSession, placesSold, sessionWhen } from "./get-session.ts";

/** true when the session was cancelled, false when the person chose to keep it. */
export async function cancelSessionAction(ctx: CliContext, idArg: string, o: { yes?: boolean }): Promise<Outcome<boolean>> {
  const id = parseId(idArg, ctx.lang);
  if (mustConfirm(ctx, o.yes, "action.cancelSession")) {
    const s = await getSession(ctx, id);
    const question = t(ctx.lang, "confirm.cancelSession", {
      id,
      title: s.title,
      when: sessionWhen(s),
      sold: placesSold(s),
      capacity: s.capacity,
    });
    if (!(await confirmed(ctx, question))) return outcome(false, (out) => out.line(t(ctx.lang, "done.kept")));
  }
  await ctx.api.delete(`/api/sessions/${id}/`);
  return outcome(true, (out) => out.line(t(ctx.lang, "done.sessionCancelled", { id })));
}

export function cancelCommand(run: Runner): Command {
  return new Command("cancel")
    .argument("<id>")
    .description("cancel a session and every booking of it (asks first unless --yes)")
    .option("--yes", "do not ask (required without a terminal)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin sessions cancel 7 --yes")
    .action((id: string, o: { yes?: boolean; json?: boolean }) => run((ctx) => cancelSessionAction(ctx, id, o), o));
}
