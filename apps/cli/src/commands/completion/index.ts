// completion bash|zsh: prints the tab completion script for the shell.
import { Argument, Command } from "commander";
import { completionScript, SHELLS } from "./script.ts";
import type { Shell } from "./script.ts";

/** `root` is the whole program, whose commands the script completes; `write` prints the script. */
export function completionCommand(root: () => Command, write: (script: string) => void): Command {
  return new Command("completion")
    .description("print the tab completion script for bash or zsh")
    .addArgument(new Argument("<shell>").choices(SHELLS))
    .addHelpText(
      "after",
      "\nExamples:\n  source <(venue-admin completion bash)   # add this line to ~/.bashrc\n  source <(venue-admin completion zsh)    # add this line to ~/.zshrc",
    )
    .action((shell: Shell) => write(completionScript(root(), shell)));
}
