// venues update <id>: changes only the fields whose flags are given.
import { VenueSchema, VenueUpdateSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import { Command } from "commander";
import { check, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getVenueAll } from "./get-venue.ts";
import { venueBody, venueOptions } from "./venue-flags.ts";
import type { VenueFlags } from "./venue-flags.ts";

export async function updateVenueAction(ctx: CliContext, idArg: string, f: VenueFlags): Promise<Outcome<Venue>> {
  const id = parseId(idArg, ctx.lang);
  const current = await getVenueAll(ctx, id);
  const payload = check(VenueUpdateSchema, venueBody(f, ctx.lang, current), "venue", ctx.lang);
  if (Object.keys(payload).length === 0) throw new UsageError("nothing to change: pass at least one flag (see --help)");
  const v = await ctx.api.patch(`/api/venues/${id}/`, payload, VenueSchema);
  return outcome(v, (out) => out.line(t(ctx.lang, "done.venueUpdated", { id: v.id, name: v.name })));
}

export function updateCommand(run: Runner): Command {
  return venueOptions(
    new Command("update")
      .argument("<id>")
      .description("change the given fields of a venue")
      .addHelpText(
        "after",
        '\nExamples:\n  venue-admin venues update 15 --price 200000 --closing 23:00\n  venue-admin venues update 15 --amenities-ru "Освещение,Душ"   # Душ keeps its translations; Освещение has none yet',
      ),
  ).action((id: string, o: VenueFlags & { json?: boolean }) => run((ctx) => updateVenueAction(ctx, id, o), o));
}
