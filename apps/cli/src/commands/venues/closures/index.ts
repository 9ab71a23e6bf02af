// venues closures: the days and hours a venue (or one unit) is out of service; `venues close` adds one.
import { Command } from "commander";
import type { Runner } from "../../../runner.ts";
import { listCommand } from "./list.ts";
import { removeCommand } from "./remove.ts";

export function closuresCommand(run: Runner): Command {
  return new Command("closures")
    .description("a venue's closures: list them, or remove one (venues close adds one)")
    .addHelpText("after", "\nExamples:\n  venue-admin venues closures list 15 --all\n  venue-admin venues closures remove 15 7")
    .addCommand(listCommand(run))
    .addCommand(removeCommand(run));
}
