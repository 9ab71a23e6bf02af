// sessions: fixed-time games, classes and screenings that hold a unit and sell places or numbered seats.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { cancelCommand } from "./cancel.ts";
import { createCommand } from "./create.ts";
import { listCommand } from "./list.ts";
import { showCommand } from "./show.ts";
import { updateCommand } from "./update.ts";

export function sessionsCommand(run: Runner): Command {
  return new Command("sessions")
    .description("fixed-time games, classes and screenings: places or numbered seats in a unit")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin sessions list --venue 15 --available\n  venue-admin sessions show 7\n  venue-admin sessions cancel 7 --yes",
    )
    .addCommand(listCommand(run))
    .addCommand(showCommand(run))
    .addCommand(createCommand(run))
    .addCommand(updateCommand(run))
    .addCommand(cancelCommand(run));
}
