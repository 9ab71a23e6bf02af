// The request deadline: a request still unanswered after REQUEST_TIMEOUT_MS is answered 503
// SERVICE_UNAVAILABLE (with Retry-After) by the app's error handler, whatever it was waiting for.
//
// The handler is not interrupted (JavaScript cannot stop it), so what it does afterwards must not
// contradict that answer: a write told "try again" must not happen anyway, or the retry meets it
// (a booking's retry getting SLOT_TAKEN against its own booking). Write verbs therefore hand
// `c.var.deadline` to withTransaction (packages/db), which rolls back instead of committing once the
// deadline has answered, and limits each statement to the time left. That is why 503 + Retry-After
// stays right for a POST, PATCH or DELETE cut by the deadline: nothing of it was or will be
// committed, so retrying is safe. (A write that does not go through withTransaction, a single
// statement, may still land after the 503: such a verb must be one whose retry is harmless.)
//
// The one exception is a transaction that has already claimed its COMMIT when the time is up: its
// outcome is not known yet, so the deadline stands aside and the handler answers, late but truthful
// (its remaining waits are bounded by the database client's own timeouts).
import { HTTPException } from "hono/http-exception";
import { createMiddleware } from "hono/factory";
import type { TransactionDeadline } from "@venue-booking/db";
import type { AppEnv } from "./env.ts";

class RequestDeadline implements TransactionDeadline {
  readonly #controller = new AbortController();
  readonly #endsAt: number;
  #committing = false;

  constructor(readonly ms: number) {
    this.#endsAt = performance.now() + ms;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.#endsAt - performance.now());
  }

  claimCommit(): boolean {
    if (this.signal.aborted) return false;
    this.#committing = true;
    return true;
  }

  /** The time is up: gives up on the request (true) unless a commit was claimed first (false). */
  expire(): boolean {
    if (this.#committing) return false;
    this.#controller.abort(new HTTPException(503, { message: `request not answered within ${this.ms} ms` }));
    return true;
  }
}

export function requestDeadline(ms: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const deadline = new RequestDeadline(ms);
    c.set("deadline", deadline);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (deadline.expire()) reject(deadline.signal.reason as Error);
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  });
}
