// venues units: the courts, lanes, pitch halves, combined units and pools of places of a venue.
import { Command } from "commander";
import type { Runner } from "../../../runner.ts";
import { addCommand } from "./add.ts";
import { listCommand } from "./list.ts";
import { removeCommand } from "./remove.ts";
import { updateCommand } from "./update.ts";

export function unitsCommand(run: Runner): Command {
  return new Command("units")
    .description("a venue's units: courts, lanes, pitch halves, combined units, pools of places")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin venues units list 15\n  venue-admin venues units add 15 --name-ru "Корт 2" --kind court\n  venue-admin venues units remove 15 4 --yes',
    )
    .addCommand(listCommand(run))
    .addCommand(addCommand(run))
    .addCommand(updateCommand(run))
    .addCommand(removeCommand(run));
}
