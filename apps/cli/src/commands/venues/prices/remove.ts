// venues prices remove <id> [n]: drops the n-th price rule (as `venues prices list` numbers them).
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { CliError, UsageError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenue } from "../get-venue.ts";
import { printRules, ruleText, saveRules } from "./price-rules.ts";
import type { PriceRule } from "./price-rules.ts";

/** The venue's rules after the change. */
export async function removePriceAction(ctx: CliContext, idArg: string, nArg: string | undefined): Promise<Outcome<PriceRule[]>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const given = nArg === undefined ? undefined : parseId(nArg, l, "<n>");
  if (given === undefined && !ctx.interactive) throw new UsageError(t(l, "usage.missing", { flag: "<n>" }));
  const current = (await getVenue(ctx, id)).price_rules;
  const choose = async () => {
    if (!current.length) throw new CliError(t(l, "fail.noPriceRules", { id }));
    const choices = current.map((r, i) => ({ value: String(i + 1), name: `${i + 1}. ${ruleText(r, l)}` }));
    return Number(await ctx.prompter.select({ message: t(l, "ask.priceRule"), choices }));
  };
  const n = given ?? (await choose());
  const removed = current[n - 1];
  if (!removed) throw new CliError(t(l, "fail.noSuchPriceRule", { id, n, count: current.length }));
  const v = await saveRules(
    ctx,
    id,
    current.filter((_, i) => i !== n - 1),
  );
  return outcome(v.price_rules, (out) => {
    out.line(t(l, "done.priceRuleRemoved", { id, n, rule: ruleText(removed, l) }));
    printRules(out, v, l);
  });
}

export function removeCommand(run: Runner): Command {
  return new Command("remove")
    .argument("<id>")
    .argument("[n]", "the rule's number in `venues prices list` (on a terminal, chosen from a list when not given)")
    .description("remove a price rule")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin venues prices remove 15 2")
    .action((id: string, n: string | undefined, o: { json?: boolean }) => run((ctx) => removePriceAction(ctx, id, n), o));
}
