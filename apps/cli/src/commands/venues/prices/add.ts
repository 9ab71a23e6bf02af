// venues prices add <id>: a price for some hours of some weekdays, for the venue or one unit; last
// (tried after the others) unless --position puts it before them. Asks on a terminal for what is missing.
import { PriceRuleSchema, PriceSchema } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, parseId, parseOptionalId, schemaAnswer } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { CliError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import { maybe, need } from "../../../prompts.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { parseClock, parseWeekdays } from "../calendar-text.ts";
import { getVenue } from "../get-venue.ts";
import { printRules, saveRules } from "./price-rules.ts";
import type { PriceRule } from "./price-rules.ts";

export type PriceFlags = { days?: string; from?: string; to?: string; price?: string; unit?: string; position?: string };

/** A prompt check from a flag's parser: true, or `problem`. */
const answer = (parse: (v: string) => unknown, problem: string) => (v: string) => {
  try {
    parse(v);
    return true;
  } catch {
    return problem;
  }
};

async function askRule(ctx: CliContext, f: PriceFlags, lang: Lang): Promise<PriceFlags> {
  const days = await need(
    ctx,
    f.days,
    "--days",
    t(lang, "ask.ruleDays"),
    answer((v) => parseWeekdays(v, "", lang), t(lang, "answer.days")),
  );
  const clock = answer((v) => parseClock(v, "", lang), t(lang, "answer.clock"));
  const from = await need(ctx, f.from, "--from", t(lang, "ask.ruleFrom"), clock);
  const to = await need(ctx, f.to, "--to", t(lang, "ask.ruleTo"), clock);
  const price = await need(ctx, f.price, "--price", t(lang, "ask.price"), schemaAnswer(PriceSchema, lang));
  const unit = await maybe(
    ctx,
    f.unit,
    t(lang, "ask.ruleUnit"),
    answer((v) => v.trim() === "" || parseId(v, lang), t(lang, "answer.id")),
  );
  return { ...f, days, from, to, price, unit };
}

/** The venue's rules after the change. */
export async function addPriceAction(ctx: CliContext, idArg: string, flags: PriceFlags): Promise<Outcome<PriceRule[]>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const position = parseOptionalId(flags.position, "--position", l);
  const missing = [flags.days, flags.from, flags.to, flags.price].some((v) => v === undefined || v === "");
  const f = missing ? await askRule(ctx, flags, l) : flags;
  const unit = parseOptionalId(f.unit, "--unit", l);
  const rule = check(
    PriceRuleSchema,
    {
      weekdays: parseWeekdays(f.days ?? "", "--days", l),
      start_time: parseClock(f.from ?? "", "--from", l),
      end_time: parseClock(f.to ?? "", "--to", l),
      price_per_hour: f.price,
      ...(unit === undefined ? {} : { unit_id: unit }),
    },
    "priceRule",
    l,
  );
  const current = (await getVenue(ctx, id)).price_rules;
  const at = position ?? current.length + 1;
  if (at > current.length + 1) throw new CliError(t(l, "fail.noSuchPosition", { id, position: at, max: current.length + 1 }));
  const rules = [...current.slice(0, at - 1), { ...rule, unit_id: rule.unit_id ?? null }, ...current.slice(at - 1)];
  const v = await saveRules(ctx, id, rules);
  return outcome(v.price_rules, (out) => {
    out.line(t(l, "done.priceRuleAdded", { id, n: at }));
    printRules(out, v, l);
  });
}

export function addCommand(run: Runner): Command {
  return new Command("add")
    .argument("<id>")
    .description("add a price per hour for some hours of some weekdays (asks on a terminal for what is missing)")
    .option("--days <weekdays>", "mon,tue or 1,2 (1 = Monday); ranges too: mon-fri")
    .option("--from <HH:MM>", "slots starting from")
    .option("--to <HH:MM>", "until (at or before --from: past midnight)")
    .option("--price <amount>", "price per hour, e.g. 250000.00")
    .option("--unit <id>", "only this unit (default: every unit)")
    .option("--position <n>", "its place in the list, from 1 (default: last); the first rule that matches prices a slot")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues prices add 15 --days fri,sat --from 18:00 --to 02:00 --price 250000\n  venue-admin venues prices add 15 --days 1-5 --from 08:00 --to 12:00 --price 120000 --unit 4 --position 1",
    )
    .action((id: string, o: PriceFlags & { json?: boolean }) => run((ctx) => addPriceAction(ctx, id, o), o));
}
