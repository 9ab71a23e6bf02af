// venues delete <id>: a soft delete, confirmed on a terminal or by --yes.
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { confirmed, mustConfirm } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getVenueAll } from "./get-venue.ts";

/** true when the venue was deactivated, false when the person chose to keep it. */
export async function deleteVenueAction(ctx: CliContext, idArg: string, o: { yes?: boolean }): Promise<Outcome<boolean>> {
  const id = parseId(idArg, ctx.lang);
  if (mustConfirm(ctx, o.yes, "action.deleteVenue")) {
    const v = await getVenueAll(ctx, id);
    if (!(await confirmed(ctx, t(ctx.lang, "confirm.deactivateVenue", { id, name: v.name.ru }))))
      return outcome(false, (out) => out.line(t(ctx.lang, "done.kept")));
  }
  await ctx.api.delete(`/api/venues/${id}/`);
  return outcome(true, (out) => out.line(t(ctx.lang, "done.venueDeactivated", { id })));
}

export function deleteCommand(run: Runner): Command {
  return new Command("delete")
    .argument("<id>")
    .description("deactivate a venue (soft delete)")
    .option("--yes", "do not ask (required without a terminal)")
    .addHelpText("after", "\nExample:\n  venue-admin venues delete 15 --yes")
    .action((id: string, o: { yes?: boolean }) => run((ctx) => deleteVenueAction(ctx, id, o)));
}
