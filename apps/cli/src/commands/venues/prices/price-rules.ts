// A venue's price rules as the prices commands read, show and write them: the whole list is sent on
// every change, in the order the rules are tried.
import { PriceRulesSchema, VenueSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { check } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import { formatMoney } from "../../../output.ts";
import type { Output } from "../../../output.ts";
import { daysText, priceRuleHead, priceRuleRows, spanText } from "../calendar-text.ts";

export type PriceRule = Venue["price_rules"][number];

/** The rules as a read shows them, as a write takes them (a rule for every unit names none). */
const asInput = (rules: readonly PriceRule[]) => rules.map(({ unit_id, ...r }) => (unit_id === null ? r : { ...r, unit_id }));

export function saveRules(ctx: CliContext, venueId: number, rules: readonly PriceRule[]): Promise<Venue> {
  const price_rules = check(PriceRulesSchema, asInput(rules), "priceRule", ctx.lang);
  return ctx.api.patch(`/api/venues/${venueId}/`, { price_rules }, VenueSchema);
}

/** "Sat, Sun 18:00-02:00 (past midnight) 250 000.00 UZS". */
export const ruleText = (r: PriceRule, lang: Lang) =>
  `${daysText(r.weekdays, lang)} ${spanText(r.start_time, r.end_time, lang)} ${formatMoney(r.price_per_hour)}`;

/** The rules numbered from 1, and what the other slots cost. */
export function printRules(out: Output, v: Venue, lang: Lang): void {
  const other = formatMoney(v.price_per_hour);
  out.table(priceRuleHead(lang), priceRuleRows(v.price_rules, v.units, lang), { empty: t(lang, "list.noPriceRules", { price: other }) });
  if (v.price_rules.length) out.note(t(lang, "note.priceRules", { price: other }));
}
