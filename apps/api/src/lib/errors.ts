// Transport failures the API throws itself (no token, no such page, too many requests): the
// contract's codes, turned into problem+json by the app's error handler like domain errors are.
import type { TransportErrorCode } from "@venue-booking/contract";
import type { ErrorParams } from "@venue-booking/core";

export class HttpError extends Error {
  readonly code: TransportErrorCode;
  readonly params: ErrorParams;

  constructor(code: TransportErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = "HttpError";
    this.code = code;
    this.params = params;
  }
}
