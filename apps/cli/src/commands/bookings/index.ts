// bookings: every booking, and their statuses (the admin's view).
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { listCommand } from "./list.ts";
import { setStatusCommand } from "./set-status.ts";
import { showCommand } from "./show.ts";

export function bookingsCommand(run: Runner): Command {
  return new Command("bookings")
    .description("every booking, and their statuses")
    .addHelpText("after", "\nExamples:\n  venue-admin bookings list --status pending\n  venue-admin bookings set-status 42 confirmed")
    .addCommand(listCommand(run))
    .addCommand(showCommand(run))
    .addCommand(setStatusCommand(run));
}
