// venues policy show <id>: the venue's booking rules in force, each its own or the server's default.
import type { Policy } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import type { Output } from "../../../output.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { policyRows } from "../calendar-text.ts";
import { getVenue } from "../get-venue.ts";

export function printPolicy(out: Output, p: Policy, lang: Lang): void {
  out.table([t(lang, "col.rule"), t(lang, "col.value"), t(lang, "col.setBy")], policyRows(p, lang));
}

export async function showPolicyAction(ctx: CliContext, idArg: string): Promise<Outcome<Policy>> {
  const v = await getVenue(ctx, parseId(idArg, ctx.lang));
  return outcome(v.policy, (out) => {
    out.line(out.color.bold(`${v.name} (#${v.id})`));
    printPolicy(out, v.policy, ctx.lang);
  });
}

export function showCommand(run: Runner): Command {
  return new Command("show")
    .argument("<id>")
    .description("the venue's booking rules: notice, horizon, cancelling, holds, bookings per player")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin venues policy show 15")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showPolicyAction(ctx, id), o));
}
