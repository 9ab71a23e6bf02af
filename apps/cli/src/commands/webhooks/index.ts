// webhooks: URLs the API posts booking and session events to, signed with a secret of their own.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { addCommand } from "./add.ts";
import { deliveriesCommand } from "./deliveries.ts";
import { listCommand } from "./list.ts";
import { testCommand } from "./ping.ts";
import { removeCommand } from "./remove.ts";
import { updateCommand } from "./update.ts";

export function webhooksCommand(run: Runner): Command {
  return new Command("webhooks")
    .description("URLs the API posts booking and session events to (Standard Webhooks, signed)")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin webhooks add https://bot.example.uz/hook --events booking.created,booking.cancelled\n  venue-admin webhooks test 3\n  venue-admin webhooks deliveries 3",
    )
    .addCommand(listCommand(run))
    .addCommand(addCommand(run))
    .addCommand(updateCommand(run))
    .addCommand(testCommand(run))
    .addCommand(deliveriesCommand(run))
    .addCommand(removeCommand(run));
}
