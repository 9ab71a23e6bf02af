// venues prices list <id>: the venue's price rules, numbered in the order they are tried.
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenue } from "../get-venue.ts";
import { printRules } from "./price-rules.ts";
import type { PriceRule } from "./price-rules.ts";

export async function listPricesAction(ctx: CliContext, idArg: string): Promise<Outcome<PriceRule[]>> {
  const v = await getVenue(ctx, parseId(idArg, ctx.lang));
  return outcome(v.price_rules, (out) => {
    out.line(out.color.bold(`${v.name} (#${v.id})`));
    printRules(out, v, ctx.lang);
  });
}

export function listCommand(run: Runner): Command {
  return new Command("list")
    .argument("<id>")
    .description("the venue's price rules, numbered in the order they are tried (the first that matches prices a slot)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExamples:\n  venue-admin venues prices list 15\n  venue-admin venues prices list 15 --json")
    .action((id: string, o: { json?: boolean }) => run((ctx) => listPricesAction(ctx, id), o));
}
