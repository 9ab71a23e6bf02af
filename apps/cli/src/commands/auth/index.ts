// login, logout, whoami: top-level commands, not a group.
import type { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { loginCommand } from "./login.ts";
import { logoutCommand } from "./logout.ts";
import { whoamiCommand } from "./whoami.ts";

export function authCommands(run: Runner): Command[] {
  return [loginCommand(run), logoutCommand(run), whoamiCommand(run)];
}
