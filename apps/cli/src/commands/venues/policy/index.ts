// venues policy: a venue's booking rules (notice, horizon, cancelling, holds, bookings per player).
import { Command } from "commander";
import type { Runner } from "../../../runner.ts";
import { setCommand } from "./set.ts";
import { showCommand } from "./show.ts";

export function policyCommand(run: Runner): Command {
  return new Command("policy")
    .description("a venue's booking rules: notice, horizon, cancelling, holds, bookings per player")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues policy show 15\n  venue-admin venues policy set 15 --cancel-until 180 --horizon default",
    )
    .addCommand(showCommand(run))
    .addCommand(setCommand(run));
}
