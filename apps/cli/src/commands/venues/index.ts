// venues: list, show, create, update, delete, translate, images, units, availability, and the
// calendar: hours, prices, policy, closures (close), and the venues free at some hours (free).
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { availabilityCommand } from "./availability.ts";
import { closeCommand } from "./close.ts";
import { closuresCommand } from "./closures/index.ts";
import { createCommand } from "./create.ts";
import { deleteCommand } from "./delete.ts";
import { freeCommand } from "./free.ts";
import { hoursCommand } from "./hours/index.ts";
import { imagesCommand } from "./images.ts";
import { listCommand } from "./list.ts";
import { policyCommand } from "./policy/index.ts";
import { pricesCommand } from "./prices/index.ts";
import { showCommand } from "./show.ts";
import { translateCommand } from "./translate.ts";
import { unitsCommand } from "./units/index.ts";
import { updateCommand } from "./update.ts";

export function venuesCommand(run: Runner): Command {
  return new Command("venues")
    .description("venues, their translations, images and units, their calendar (hours, prices, policy, closures), and free ones")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin venues list --search арена\n  venue-admin venues show 15\n  venue-admin venues update 15 --active   # reactivate\n  venue-admin venues hours set 15 --every 09:00-22:00 --fri 09:00-02:00\n  venue-admin venues close 15 --date 2026-12-31 --reason "Новый год"\n  venue-admin venues free --date 2026-12-04 --from 19:00 --to 21:00',
    )
    .addCommand(listCommand(run))
    .addCommand(showCommand(run))
    .addCommand(createCommand(run))
    .addCommand(updateCommand(run))
    .addCommand(deleteCommand(run))
    .addCommand(translateCommand(run))
    .addCommand(imagesCommand(run))
    .addCommand(unitsCommand(run))
    .addCommand(availabilityCommand(run))
    .addCommand(hoursCommand(run))
    .addCommand(pricesCommand(run))
    .addCommand(policyCommand(run))
    .addCommand(closeCommand(run))
    .addCommand(closuresCommand(run))
    .addCommand(freeCommand(run));
}
