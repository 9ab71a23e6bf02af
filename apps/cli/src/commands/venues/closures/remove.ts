// venues closures remove <id> [closure-id]: the closure's time can be booked again (bookings it
// cancelled stay cancelled).
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { ApiError, CliError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { pickClosure } from "./closure-text.ts";

/** The id of the closure removed. */
export async function removeClosureAction(ctx: CliContext, idArg: string, closureArg: string | undefined): Promise<Outcome<number>> {
  const id = parseId(idArg, ctx.lang);
  const closure = await pickClosure(ctx, id, closureArg);
  await ctx.api.delete(`/api/venues/${id}/closures/${closure}/`).catch((e: unknown) => {
    if (e instanceof ApiError && e.problem?.code === "CLOSURE_NOT_FOUND")
      throw new CliError(t(ctx.lang, "fail.noSuchClosure", { problem: e.message, id }));
    throw e;
  });
  return outcome(closure, (out) => out.line(t(ctx.lang, "done.closureRemoved", { closure, id })));
}

export function removeCommand(run: Runner): Command {
  return new Command("remove")
    .argument("<id>")
    .argument("[closure-id]", "the closure (on a terminal, chosen from a list when not given)")
    .description("remove a closure: its time can be booked again (bookings it cancelled stay cancelled)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin venues closures remove 15 7")
    .action((id: string, closureId: string | undefined, o: { json?: boolean }) => run((ctx) => removeClosureAction(ctx, id, closureId), o));
}
