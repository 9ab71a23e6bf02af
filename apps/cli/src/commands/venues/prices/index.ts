// venues prices: a venue's prices per time of the week (evenings, weekends), for the venue or one unit.
import { Command } from "commander";
import type { Runner } from "../../../runner.ts";
import { addCommand } from "./add.ts";
import { listCommand } from "./list.ts";
import { removeCommand } from "./remove.ts";

export function pricesCommand(run: Runner): Command {
  return new Command("prices")
    .description("a venue's price rules: prices per hour for some hours of some weekdays, the first that matches a slot prices it")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues prices list 15\n  venue-admin venues prices add 15 --days sat,sun --from 10:00 --to 22:00 --price 200000\n  venue-admin venues prices remove 15 1",
    )
    .addCommand(listCommand(run))
    .addCommand(addCommand(run))
    .addCommand(removeCommand(run));
}
