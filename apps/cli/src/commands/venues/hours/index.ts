// venues hours: a venue's week (hours per weekday, past midnight too) and its booking grid.
import { Command } from "commander";
import type { Runner } from "../../../runner.ts";
import { setCommand } from "./set.ts";
import { showCommand } from "./show.ts";

export function hoursCommand(run: Runner): Command {
  return new Command("hours")
    .description("a venue's week: hours per weekday (past midnight too), the booking grid and a booking's length")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues hours show 15\n  venue-admin venues hours set 15 --every 09:00-22:00 --fri 09:00-02:00 --sat 10:00-02:00",
    )
    .addCommand(showCommand(run))
    .addCommand(setCommand(run));
}
