// bookings: every booking, and their statuses (the admin's view); the front desk books, moves and finds them.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { createCommand } from "./create.ts";
import { findCommand } from "./find.ts";
import { listCommand } from "./list.ts";
import { moveCommand } from "./move.ts";
import { setStatusCommand } from "./set-status.ts";
import { showCommand } from "./show.ts";

export function bookingsCommand(run: Runner): Command {
  return new Command("bookings")
    .description("every booking and their statuses; book for a customer, move a booking, find one by its reference")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin bookings list --status pending\n  venue-admin bookings set-status 42 confirmed\n  venue-admin bookings create --venue 15 --phone +998901112233 --date 2026-12-04 --from 18:00 --to 19:00\n  venue-admin bookings move 42 --from 19:00\n  venue-admin bookings find K7M2QX9A",
    )
    .addCommand(listCommand(run))
    .addCommand(showCommand(run))
    .addCommand(findCommand(run))
    .addCommand(createCommand(run))
    .addCommand(moveCommand(run))
    .addCommand(setStatusCommand(run));
}
