// The commander program: global options, every command, and one error handler.
import { Command, CommanderError } from "commander";
import { registerAuth } from "./commands/auth.ts";
import { registerBookings } from "./commands/bookings.ts";
import { registerTransfer } from "./commands/transfer.ts";
import type { Runner } from "./commands/types.ts";
import { registerUsers } from "./commands/users.ts";
import { registerVenues } from "./commands/venues.ts";
import { createContext, DEFAULT_API_URL } from "./context.ts";
import type { CliContext } from "./context.ts";
import { CliError } from "./errors.ts";
import { runMenu } from "./menu.ts";
import type { Output } from "./output.ts";
import type { Prompter } from "./prompts.ts";

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

  const fail = (e: unknown) => {
    if (e instanceof CliError) {
      io.writeErr(`${io.out.color.red("error:")} ${e.message}\n`);
      io.setExitCode(e.exitCode);
    } else if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
      io.writeErr("cancelled\n");
      io.setExitCode(130);
    } else {
      io.writeErr(`${io.out.color.red("error:")} ${e instanceof Error ? e.message : String(e)}\n`);
      io.setExitCode(1);
    }
  };

  const context = (): CliContext =>
    createContext({ env: io.env, out: io.out, prompter: io.prompter, interactive: io.interactive, apiUrl: program.opts().apiUrl, ...(io.fetch ? { fetch: io.fetch } : {}) });

  const run: Runner = async (action) => {
    try {
      await action(context());
    } catch (e) {
      fail(e);
    }
  };

  registerAuth(program, run);
  registerVenues(program, run);
  registerBookings(program, run);
  registerUsers(program, run);
  registerTransfer(program, run);

  program.allowExcessArguments(true).action(async () => {
    if (program.args.length > 0) {
      io.writeErr(`error: unknown command '${program.args[0]}' (see venue-admin --help)\n`);
      io.setExitCode(2);
      return;
    }
    if (!io.interactive) {
      program.outputHelp({ error: true });
      io.setExitCode(2);
      return;
    }
    await run((ctx) => runMenu(ctx, fail));
  });

  for (const cmd of [program, ...allSubcommands(program)]) cmd.exitOverride();
  return program;
}

function allSubcommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allSubcommands(c)]);
}

/** Parses argv and runs; commander's own usage errors become exit code 2. */
export async function runProgram(program: Command, argv: string[], io: Pick<ProgramIo, "setExitCode">): Promise<void> {
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      io.setExitCode(e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : 2);
      return;
    }
    throw e;
  }
}
