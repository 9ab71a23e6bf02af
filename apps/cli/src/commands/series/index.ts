// series: weekly standing bookings, a team's game every Tuesday at 20:00, booked and cancelled as one.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { cancelCommand } from "./cancel.ts";
import { createCommand } from "./create.ts";
import { listCommand } from "./list.ts";
import { showCommand } from "./show.ts";

export function seriesCommand(run: Runner): Command {
  return new Command("series")
    .description("weekly standing bookings: the same hours on one weekday for some weeks, for one customer")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin series create --venue 15 --phone +998907654321 --weekday tue --from 20:00 --to 22:00 --first-date 2026-12-01 --weeks 12 --skip\n  venue-admin series list --phone +998907654321\n  venue-admin series cancel 7 --from 2027-01-05 --yes",
    )
    .addCommand(listCommand(run))
    .addCommand(showCommand(run))
    .addCommand(createCommand(run))
    .addCommand(cancelCommand(run));
}
