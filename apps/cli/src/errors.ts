// The CLI's failures: each prints as one line and exits non-zero.
import type { Problem } from "@venue-booking/contract";
import { EXIT } from "./exit-codes.ts";
import type { ExitCode } from "./exit-codes.ts";
import { issueText } from "./i18n.ts";
import type { Issue } from "./i18n.ts";
import type { Lang } from "@venue-booking/core";

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
 * `body` is the whole JSON answer, for the members a problem may carry beyond the common ones
 * (CLOSURE_CONFLICTS lists the conflicts); the command that expects them parses them with the contract.
 */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    message?: string,
    readonly body?: unknown,
  ) {
    super(message ?? describeProblem(status, problem));
  }
}

export const withoutFullStop = (s: string) => s.trim().replace(/[.。]+$/, "");

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

/**
 * Schema issues as one line in the admin's language: "field: problem; field: problem" (rule codes in
 * the contract's words). `what` names the value when the issue is about all of it; `input` is what
 * was validated, for messages that name the wrong value's type.
 */
export function describeIssues(issues: readonly Issue[], what: string, lang: Lang = "en", input?: unknown): string {
  return issues.map((i) => `${i.path.map(String).join(".") || what}: ${withoutFullStop(issueText(i, lang, input))}`).join("; ");
}
