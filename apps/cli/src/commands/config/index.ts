// config: named API URLs (profiles), each with its own sign-in.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { listProfilesCommand } from "./list.ts";
import { setUrlCommand } from "./set-url.ts";
import { useProfileCommand } from "./use.ts";

export function configCommand(run: Runner): Command {
  return new Command("config")
    .description("profiles: named API URLs, each with its own sign-in (pick one with --profile or VENUE_ADMIN_PROFILE)")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin config set-url https://api.example.com --profile prod\n  venue-admin --profile prod login",
    )
    .addCommand(setUrlCommand(run))
    .addCommand(listProfilesCommand(run))
    .addCommand(useProfileCommand(run));
}
