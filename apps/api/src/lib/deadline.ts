// The request deadline: a request still unanswered after REQUEST_TIMEOUT_MS is answered 503
// SERVICE_UNAVAILABLE (with Retry-After) by the app's error handler, whatever it was waiting for.
// The work it started is not interrupted: a write still runs to its commit or its rollback, never
// half of it, and its result is simply not sent.
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";

export function requestDeadline(ms: number) {
  return timeout(ms, () => new HTTPException(503, { message: `request not answered within ${ms} ms` }));
}
