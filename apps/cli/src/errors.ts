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

/** An error answer of the API: its problem+json body, or just the status when the body was not one. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    const fields = problem?.errors?.length ? `: ${problem.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}` : "";
    super(problem ? `${problem.detail}${fields} [${problem.code}]` : `HTTP ${status}`);
  }
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
