// venues closures list <id>: the venue's coming closures (--all: past ones too).
import type { Closure } from "@venue-booking/contract";
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import type { MessageKey } from "../../../i18n.ts";
import { formatDay, formatLocal } from "../../../output.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenue } from "../get-venue.ts";
import { closureTime, listClosures, reasonText } from "./closure-text.ts";

export async function listClosuresAction(ctx: CliContext, idArg: string, o: { all?: boolean }): Promise<Outcome<Closure[]>> {
  const id = parseId(idArg, ctx.lang);
  const [closures, venue] = await Promise.all([listClosures(ctx, id, o.all === true), getVenue(ctx, id)]);
  return outcome(closures, (out) => {
    const l = (k: MessageKey) => t(ctx.lang, k);
    const unit = (unitId: number | null) => {
      if (unitId === null) return out.color.dim(l("cal.wholeVenue"));
      const u = venue.units.find((x) => x.id === unitId);
      return `#${unitId}${u ? ` ${u.name}` : ""}`;
    };
    out.table(
      ["ID", l("col.date"), l("col.time"), l("col.unit"), l("col.reason"), `${l("col.closedAt")} (${out.timeZone})`],
      closures.map((c) => [
        c.id,
        formatDay(c.date),
        closureTime(c, ctx.lang),
        unit(c.unit_id),
        reasonText(c, ctx.lang),
        formatLocal(c.created_at, out.timeZone),
      ]),
      { empty: l(o.all ? "list.noClosures" : "list.noComingClosures") },
    );
  });
}

export function listCommand(run: Runner): Command {
  return new Command("list")
    .argument("<id>")
    .description("the venue's coming closures")
    .option("--all", "past closures too")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExamples:\n  venue-admin venues closures list 15\n  venue-admin venues closures list 15 --all --json")
    .action((id: string, o: { all?: boolean; json?: boolean }) => run((ctx) => listClosuresAction(ctx, id, o), o));
}
