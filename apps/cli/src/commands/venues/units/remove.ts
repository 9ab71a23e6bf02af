// venues units remove <venue-id> [unit-id]: deactivates a unit (its bookings stand), confirmed on a
// terminal or by --yes.
import { pickTranslation } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import { confirmed, mustConfirm } from "../../../prompts.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenueAll } from "../get-venue.ts";
import { failWithLastUnitHint, pickUnit, unitName } from "./venue-units.ts";

/** true when the unit was deactivated, false when the person chose to keep it. */
export async function removeUnitAction(
  ctx: CliContext,
  venueArg: string,
  unitArg: string | undefined,
  o: { yes?: boolean },
): Promise<Outcome<boolean>> {
  const venueId = parseId(venueArg, ctx.lang);
  const ask = mustConfirm(ctx, o.yes, "action.removeUnit");
  let unitId: number;
  if (unitArg !== undefined && !ask) unitId = parseId(unitArg, ctx.lang);
  else {
    const venue = await getVenueAll(ctx, venueId);
    const unit = await pickUnit(ctx, venue, unitArg);
    unitId = unit.id;
    if (ask) {
      const question = t(ctx.lang, "confirm.deactivateUnit", {
        unit: unit.id,
        name: unitName(unit, ctx.lang),
        id: venueId,
        venue: pickTranslation(venue.name, ctx.lang),
      });
      if (!(await confirmed(ctx, question))) return outcome(false, (out) => out.line(t(ctx.lang, "done.kept")));
    }
  }
  await ctx.api.delete(`/api/venues/${venueId}/units/${unitId}/`).catch((e: unknown) => failWithLastUnitHint(e, ctx.lang, venueId));
  return outcome(true, (out) => out.line(t(ctx.lang, "done.unitDeactivated", { unit: unitId, id: venueId })));
}

export function removeCommand(run: Runner): Command {
  return new Command("remove")
    .argument("<venue-id>")
    .argument("[unit-id]", "the unit (on a terminal, chosen from a list when not given)")
    .description("deactivate a unit; its bookings stand (a venue keeps at least one)")
    .option("--yes", "do not ask (required without a terminal)")
    .addHelpText("after", "\nExample:\n  venue-admin venues units remove 15 4 --yes")
    .action((venueId: string, unitId: string | undefined, o: { yes?: boolean }) => run((ctx) => removeUnitAction(ctx, venueId, unitId, o)));
}
