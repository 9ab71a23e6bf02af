// venues: list, show, create, update, delete, translate, images, units, availability.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { availabilityCommand } from "./availability.ts";
import { createCommand } from "./create.ts";
import { deleteCommand } from "./delete.ts";
import { imagesCommand } from "./images.ts";
import { listCommand } from "./list.ts";
import { showCommand } from "./show.ts";
import { translateCommand } from "./translate.ts";
import { unitsCommand } from "./units/index.ts";
import { updateCommand } from "./update.ts";

export function venuesCommand(run: Runner): Command {
  return new Command("venues")
    .description("venues, their translations, images and units")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues list --search арена\n  venue-admin venues show 15\n  venue-admin venues update 15 --active   # reactivate",
    )
    .addCommand(listCommand(run))
    .addCommand(showCommand(run))
    .addCommand(createCommand(run))
    .addCommand(updateCommand(run))
    .addCommand(deleteCommand(run))
    .addCommand(translateCommand(run))
    .addCommand(imagesCommand(run))
    .addCommand(unitsCommand(run))
    .addCommand(availabilityCommand(run));
}
