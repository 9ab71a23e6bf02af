// venues policy set <id>: changes the booking rules whose flags are given; `default` puts one back to
// the server's. On a terminal with no flag it asks for each, the current value as the answer that keeps it.
import { VenueSchema, VenueUpdateSchema } from "@venue-booking/contract";
import type { Policy } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, parseId, parseInteger } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { UsageError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import type { MessageKey } from "../../../i18n.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import type { PolicyField } from "../calendar-text.ts";
import { getVenue } from "../get-venue.ts";
import { printPolicy } from "./show.ts";

export type PolicyFlags = { minNotice?: string; horizon?: string; cancelUntil?: string; hold?: string; maxLive?: string };

const FLAGS: { key: keyof PolicyFlags; flag: string; field: PolicyField; ask: MessageKey }[] = [
  { key: "minNotice", flag: "--min-notice", field: "min_notice_minutes", ask: "ask.minNotice" },
  { key: "horizon", flag: "--horizon", field: "horizon_days", ask: "ask.horizon" },
  { key: "cancelUntil", flag: "--cancel-until", field: "cancel_until_minutes", ask: "ask.cancelUntil" },
  { key: "hold", flag: "--hold", field: "hold_minutes", ask: "ask.hold" },
  { key: "maxLive", flag: "--max-live", field: "max_live_bookings_per_user", ask: "ask.maxLive" },
];

const isDefault = (v: string) => v.trim().toLowerCase() === "default";

/** The policy part of the body: each given flag, `default` as null. */
function policyBody(f: PolicyFlags, lang: Lang): Record<string, number | null> {
  const p: Record<string, number | null> = {};
  for (const { key, flag, field } of FLAGS) {
    const v = f[key];
    if (v !== undefined) p[field] = isDefault(v) ? null : (parseInteger(v, flag, lang) ?? null);
  }
  return p;
}

/** Each rule, its current value (or `default`) as the answer that keeps it. */
async function askPolicy(ctx: CliContext, current: Policy): Promise<PolicyFlags> {
  const l = ctx.lang;
  const flags: PolicyFlags = {};
  for (const { key, field, ask } of FLAGS) {
    const now = current.defaults.includes(field) ? "default" : String(current[field]);
    const answer = await ctx.prompter.input({
      message: t(l, ask, { now: current[field] }),
      default: now,
      validate: (v) => isDefault(v) || /^\d{1,10}$/.test(v.trim()) || t(l, "answer.policy"),
    });
    if (answer.trim() !== now) flags[key] = answer;
  }
  return flags;
}

/** The policy after the change; null when the questions were answered with the values it has. */
export async function setPolicyAction(ctx: CliContext, idArg: string, f: PolicyFlags): Promise<Outcome<Policy | null>> {
  const id = parseId(idArg, ctx.lang);
  const given = FLAGS.some(({ key }) => f[key] !== undefined);
  if (!given && !ctx.interactive) throw new UsageError(t(ctx.lang, "usage.nothingToChange"));
  const flags = given ? f : await askPolicy(ctx, (await getVenue(ctx, id)).policy);
  const policy = policyBody(flags, ctx.lang);
  if (Object.keys(policy).length === 0) return outcome(null, (out) => out.line(t(ctx.lang, "done.policyUnchanged", { id })));
  const payload = check(VenueUpdateSchema, { policy }, "policy", ctx.lang);
  const v = await ctx.api.patch(`/api/venues/${id}/`, payload, VenueSchema);
  return outcome(v.policy, (out) => {
    out.line(t(ctx.lang, "done.policySaved", { id, name: v.name }));
    printPolicy(out, v.policy, ctx.lang);
  });
}

export function setCommand(run: Runner): Command {
  return new Command("set")
    .argument("<id>")
    .description("change the venue's booking rules; `default` follows the server's (asks on a terminal without flags)")
    .option("--min-notice <minutes>", "a booking starts at least this long after it is made")
    .option("--horizon <days>", "how many days ahead bookings may be made")
    .option("--cancel-until <minutes>", "players cancel at least this long before the start")
    .option("--hold <minutes>", "an unconfirmed booking is let go this long after it was made (0: at its start)")
    .option("--max-live <n>", "upcoming bookings one player may hold")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues policy set 15 --min-notice 120 --horizon 30\n  venue-admin venues policy set 15 --hold default --max-live 3",
    )
    .action((id: string, o: PolicyFlags & { json?: boolean }) => run((ctx) => setPolicyAction(ctx, id, o), o));
}
