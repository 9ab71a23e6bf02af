// users: list, and verify|activate|deactivate|promote|demote.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { changeCommand, USER_CHANGES } from "./change.ts";
import type { UserChange } from "./change.ts";
import { listCommand } from "./list.ts";

export function usersCommand(run: Runner): Command {
  const users = new Command("users")
    .description("players and admins")
    .addHelpText("after", "\nExamples:\n  venue-admin users list --search 90123\n  venue-admin users promote +998901234567 --yes")
    .addCommand(listCommand(run));
  for (const change of Object.keys(USER_CHANGES) as UserChange[]) users.addCommand(changeCommand(run, change));
  return users;
}
