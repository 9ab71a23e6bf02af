// webhooks remove <id>: removes a webhook and its delivery log, confirmed on a terminal or by --yes.
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { confirmed, mustConfirm } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getWebhook } from "./webhook-text.ts";

/** true when the webhook was removed, false when the person chose to keep it. */
export async function removeWebhookAction(ctx: CliContext, idArg: string, o: { yes?: boolean }): Promise<Outcome<boolean>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  if (mustConfirm(ctx, o.yes, "action.removeWebhook")) {
    const w = await getWebhook(ctx, id);
    if (!(await confirmed(ctx, t(l, "confirm.removeWebhook", { id, url: w.url }))))
      return outcome(false, (out) => out.line(t(l, "done.kept")));
  }
  await ctx.api.delete(`/api/admin/webhooks/${id}/`);
  return outcome(true, (out) => out.line(t(l, "done.webhookRemoved", { id })));
}

export function removeCommand(run: Runner): Command {
  return new Command("remove")
    .argument("<id>")
    .description("remove a webhook and its delivery log (asks first unless --yes)")
    .option("--yes", "do not ask (required without a terminal)")
    .addHelpText("after", "\nExample:\n  venue-admin webhooks remove 3 --yes")
    .action((id: string, o: { yes?: boolean }) => run((ctx) => removeWebhookAction(ctx, id, o)));
}
