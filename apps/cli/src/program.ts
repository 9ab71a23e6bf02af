// The commander program: global options, every command group, and the runner that prints results
// and turns failures into exit codes.
import { Command, CommanderError } from "commander";
import cliPackage from "../package.json" with { type: "json" };
import { authCommands } from "./commands/auth/index.ts";
import { bookingsCommand } from "./commands/bookings/index.ts";
import { completionCommand } from "./commands/completion/index.ts";
import { configCommand } from "./commands/config/index.ts";
import { notificationsCommand } from "./commands/notifications/index.ts";
import { seriesCommand } from "./commands/series/index.ts";
import { sessionsCommand } from "./commands/sessions/index.ts";
import { exportCommand, importCommand } from "./commands/transfer/index.ts";
import { usersCommand } from "./commands/users/index.ts";
import { venuesCommand } from "./commands/venues/index.ts";
import { waitlistCommand } from "./commands/waitlist/index.ts";
import { webhooksCommand } from "./commands/webhooks/index.ts";
import { DEFAULT_TIMEOUT_MS } from "./api-client.ts";
import { createContext, DEFAULT_API_URL } from "./context.ts";
import type { CliContext } from "./context.ts";
import { EXIT } from "./exit-codes.ts";
import { runMenu } from "./menu.ts";
import type { Output } from "./output.ts";
import type { Prompter } from "./prompts.ts";
import { handleError, present } from "./runner.ts";
import type { Runner } from "./runner.ts";
import type { Spinner } from "./spinner.ts";

export type ProgramIo = {
  env: Record<string, string | undefined>;
  out: Output;
  writeErr: (s: string) => void;
  prompter: Prompter;
  interactive: boolean;
  fetch?: typeof fetch;
  /** Shows slow requests (on a terminal's stderr). */
  spinner?: Spinner | undefined;
  /** Receives the exit code of a failed command. */
  setExitCode: (code: number) => void;
};

type GlobalOptions = { apiUrl?: string; profile?: string; timeout?: string };

export function createProgram(io: ProgramIo): Command {
  const program = new Command("venue-admin")
    .description(
      "venue-booking admin: venues, translations, images, sessions, bookings, weekly series, users, webhooks, the waitlist and messages to players, through the API",
    )
    .version(cliPackage.version, "-V, --version", "print the version of venue-admin")
    .option("--api-url <url>", `the API's base URL (default: the profile's, VENUE_API_URL or ${DEFAULT_API_URL})`)
    .option("--profile <name>", "the profile to use (default: VENUE_ADMIN_PROFILE or the one chosen with `config use`)")
    .option("--timeout <seconds>", `how long to wait for each answer of the API (default: ${DEFAULT_TIMEOUT_MS / 1000})`)
    .helpCommand(true)
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin                          # on a terminal: the menu\n  venue-admin venues list --search арена\n  venue-admin bookings list --status pending --all --json\n  venue-admin help venues",
    )
    .showHelpAfterError()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (s) => io.out.line(s.replace(/\n$/, "")), writeErr: io.writeErr })
    .exitOverride();

  const fail = (e: unknown) => handleError(e, io);
  const context = (): CliContext =>
    createContext({
      env: io.env,
      out: io.out,
      prompter: io.prompter,
      interactive: io.interactive,
      ...program.opts<GlobalOptions>(),
      writeErr: io.writeErr,
      spinner: io.spinner,
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
    sessionsCommand(run),
    bookingsCommand(run),
    seriesCommand(run),
    usersCommand(run),
    webhooksCommand(run),
    waitlistCommand(run),
    notificationsCommand(run),
    importCommand(run),
    exportCommand(run),
    configCommand(run),
    completionCommand(
      () => program,
      (script) => io.out.line(script),
    ),
  ]) {
    program.addCommand(command);
  }
  inheritSettings(program);

  // Only the program itself takes any word, to answer an unknown command with exit code 2.
  program.allowExcessArguments(true).action(async () => {
    const [word] = program.args;
    if (word !== undefined) {
      const names = [...program.commands.map((c) => c.name()), "help"];
      const similar = closest(word, names);
      program.error(`error: unknown command '${word}'${similar ? `\n(Did you mean ${similar}?)` : ""}`, {
        code: "commander.unknownCommand",
        exitCode: EXIT.USAGE,
      });
    }
    if (!io.interactive) {
      program.outputHelp({ error: true });
      io.setExitCode(EXIT.USAGE);
      return;
    }
    // A failed step is shown and the menu goes on; it does not decide how the menu ends.
    const show = (e: unknown) => handleError(e, { ...io, setExitCode: () => {} });
    try {
      await runMenu(context, show);
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

/** The name within two edits of `word` (one for short words), the closest first, as commander suggests subcommands. */
function closest(word: string, names: string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d: number[] = [];
  const at = (i: number, j: number) => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i * width + j] = i + j;
        continue;
      }
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * width + j] = v;
    }
  }
  return at(a.length, b.length);
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
