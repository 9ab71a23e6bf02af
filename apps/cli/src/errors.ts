// The CLI's failures: each prints as one line and exits non-zero.
import type { Problem } from "@venue-booking/contract";
import { EXIT } from "./exit-codes.ts";
import type { ExitCode } from "./exit-codes.ts";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.FAILURE,
  ) {
    super(message);
  }
}

/** A wrong command line (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.USAGE);
  }
}

/**
 * An error answer of the API: its problem+json body, or just the status when the body was not one.
 * `message` replaces the rendering when the CLI knows more than the API said (which credential a 401 refused).
 */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    message?: string,
  ) {
    super(message ?? describeProblem(status, problem));
  }
}

const withoutFullStop = (s: string) => s.trim().replace(/[.。]+$/, "");

/**
 * A problem as one line: its detail, then each field whose message says more than the detail
 * (a rule error repeats the detail as its field's message, which then shows as just the field name).
 */
export function describeProblem(status: number, problem: Problem | undefined): string {
  if (!problem) return `HTTP ${status}`;
  const errors = problem.errors ?? [];
  if (errors.length === 0) return `${problem.detail} [${problem.code}]`;
  const detail = withoutFullStop(problem.detail);
  const repeated = errors.filter((e) => withoutFullStop(e.message) === detail).map((e) => e.field);
  const own = errors.filter((e) => withoutFullStop(e.message) !== detail).map((e) => `${e.field}: ${withoutFullStop(e.message)}`);
  const head = repeated.length ? `${detail} (${repeated.join(", ")})` : detail;
  return `${own.length ? `${head}: ${own.join("; ")}` : head} [${problem.code}]`;
}

type Issue = { path: PropertyKey[]; message: string; params?: unknown };

/** Schema issues as one line: "field: problem; field: problem" (domain codes in words). */
export function describeIssues(issues: readonly Issue[], what: string): string {
  return issues
    .map((i) => {
      const code = (i.params as { code?: string } | undefined)?.code;
      return `${i.path.map(String).join(".") || what}: ${code ? code.toLowerCase().replace(/_/g, " ") : i.message}`;
    })
    .join("; ");
}
