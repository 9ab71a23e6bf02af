// The commander program: global options, every command group, and the runner that prints results
// and turns failures into exit codes.
import { Command, CommanderError } from "commander";
import { authCommands } from "./commands/auth/index.ts";
import { bookingsCommand } from "./commands/bookings/index.ts";
import { exportCommand, importCommand } from "./commands/transfer/index.ts";
import { usersCommand } from "./commands/users/index.ts";
import { venuesCommand } from "./commands/venues/index.ts";
import { createContext, DEFAULT_API_URL } from "./context.ts";
import type { CliContext } from "./context.ts";
import { EXIT } from "./exit-codes.ts";
import { runMenu } from "./menu.ts";
import type { Output } from "./output.ts";
import type { Prompter } from "./prompts.ts";
import { handleError, present } from "./runner.ts";
import type { Runner } from "./runner.ts";

export type ProgramIo = {
  env: Record<string, string | undefined>;
  out: Output;
  writeErr: (s: string) => void;
  prompter: Prompter;
  interactive: boolean;
  fetch?: typeof fetch;
  /** Receives the exit code of a failed command. */
  setExitCode: (code: number) => void;
};

export function createProgram(io: ProgramIo): Command {
  const program = new Command("venue-admin")
    .description("venue-booking admin: venues, translations, images, bookings and users, through the API")
    .option("--api-url <url>", `the API's base URL (default: VENUE_API_URL or ${DEFAULT_API_URL})`)
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out.line(s.replace(/\n$/, "")), writeErr: io.writeErr })
    .exitOverride();

  const fail = (e: unknown) => handleError(e, io);
  const context = (): CliContext =>
    createContext({
      env: io.env,
      out: io.out,
      prompter: io.prompter,
      interactive: io.interactive,
      apiUrl: program.opts<{ apiUrl?: string }>().apiUrl,
      ...(io.fetch ? { fetch: io.fetch } : {}),
    });

  const run: Runner = async (action, options) => {
    try {
      const ctx = context();
      present(ctx.out, await action(ctx), options?.json === true);
    } catch (e) {
      fail(e);
    }
  };

  for (const command of [
    ...authCommands(run),
    venuesCommand(run),
    bookingsCommand(run),
    usersCommand(run),
    importCommand(run),
    exportCommand(run),
  ]) {
    program.addCommand(command);
  }
  inheritSettings(program);

  // Only the program itself takes any word, to answer an unknown command with exit code 2.
  program.allowExcessArguments(true).action(async () => {
    if (program.args.length > 0) {
      io.writeErr(`error: unknown command '${program.args[0]}' (see venue-admin --help)\n`);
      io.setExitCode(EXIT.USAGE);
      return;
    }
    if (!io.interactive) {
      program.outputHelp({ error: true });
      io.setExitCode(EXIT.USAGE);
      return;
    }
    try {
      await runMenu(context(), fail);
    } catch (e) {
      fail(e);
    }
  });

  return program;
}

/** Commands made with `new Command()` start from commander's defaults: give each the program's output,
 *  help-after-error and exit override, as `.command()` would have. */
function inheritSettings(parent: Command): void {
  for (const c of parent.commands) {
    c.copyInheritedSettings(parent);
    inheritSettings(c);
  }
}

/** Parses argv and runs; commander's own usage errors become exit code 2. */
export async function runProgram(program: Command, argv: string[], io: Pick<ProgramIo, "setExitCode">): Promise<void> {
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      io.setExitCode(e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? EXIT.OK : EXIT.USAGE);
      return;
    }
    throw e;
  }
}
