// How a command's result reaches the terminal, in one place: an action returns its data and a
// human rendering; `--json` prints the data instead; every failure becomes one line and an exit code.
import { isLang } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { CliContext } from "./context.ts";
import { CliError } from "./errors.ts";
import { EXIT } from "./exit-codes.ts";
import type { ExitCode } from "./exit-codes.ts";
import { t } from "./i18n.ts";
import type { Output } from "./output.ts";

export type Outcome<T> = {
  /** What `--json` prints, and what the action gives its caller. */
  data: T;
  /** The same for a person: tables, lines, colours. */
  human: (out: Output) => void;
  /** Set when the result is printed but the command still failed (an import with bad rows). */
  failure?: CliError;
};

export function outcome<T>(data: T, human: (out: Output) => void, failure?: CliError): Outcome<T> {
  return failure ? { data, human, failure } : { data, human };
}

/** Prints an outcome as JSON or for a person, then fails if it carries a failure; returns its data. */
export function present<T>(out: Output, o: Outcome<T>, json: boolean): T {
  if (json) out.json(o.data);
  else o.human(out);
  if (o.failure) throw o.failure;
  return o.data;
}

/** Runs an action with the context built from the global options; `options.json` is the command's --json. */
export type Runner = (action: (ctx: CliContext) => Promise<Outcome<unknown>>, options?: { json?: boolean }) => Promise<void>;

/** The one error handler: a line on stderr and the exit code that goes with the failure. */
export function handleError(
  e: unknown,
  io: { writeErr: (s: string) => void; out: Output; setExitCode: (code: ExitCode) => void; env?: Record<string, string | undefined> },
): void {
  // The words of VENUE_ADMIN_LANG; English when it is unset or is itself the failure.
  const lang: Lang = isLang(io.env?.VENUE_ADMIN_LANG) ? io.env.VENUE_ADMIN_LANG : "en";
  const prefix = io.out.errColor.red(t(lang, "fail.prefix"));
  if (e instanceof CliError) {
    io.writeErr(`${prefix} ${e.message}\n`);
    io.setExitCode(e.exitCode);
  } else if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
    io.writeErr(`${t(lang, "fail.cancelled")}\n`);
    io.setExitCode(EXIT.INTERRUPTED);
  } else {
    io.writeErr(`${prefix} ${e instanceof Error ? e.message : String(e)}\n`);
    io.setExitCode(EXIT.FAILURE);
  }
}
