// waitlist: players waiting for a time that is taken; the API offers it to them when it comes free.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { listCommand } from "./list.ts";

export function waitlistCommand(run: Runner): Command {
  return new Command("waitlist")
    .description("players waiting for a taken time, and the bookings offered to them when it comes free")
    .addHelpText("after", "\nExamples:\n  venue-admin waitlist list --venue 15\n  venue-admin waitlist list --status offered")
    .addCommand(listCommand(run));
}
