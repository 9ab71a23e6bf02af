// The CLI's failures: each prints as one line and exits non-zero.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export type ProblemBody = { status?: number; detail?: string; code?: string; errors?: { field: string; message: string }[] };

/** An error answer of the API, from its problem+json body. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    const fields = problem.errors?.length ? `: ${problem.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}` : "";
    super(`${problem.detail ?? `HTTP ${status}`}${fields}${problem.code ? ` [${problem.code}]` : ""}`);
  }
}
