// The request body reader: at most 1 MB, for methods that carry a body.
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";
import { HttpError } from "./errors.ts";

const BODY_LIMIT_BYTES = 1024 * 1024;

const tooLarge = () => new HttpError("PAYLOAD_TOO_LARGE", { limit: "1 MB" });

const webBodyLimit = bodyLimit({
  maxSize: BODY_LIMIT_BYTES,
  onError: () => {
    throw tooLarge();
  },
});

/**
 * Only methods with a body are limited: looking at the body of a GET would make the server build a
 * full Request for nothing. Under @hono/node-server the body is read straight from the socket (a
 * web ReadableStream costs several times more per request) and handed to Hono's body cache, where
 * the validators read it; elsewhere (app.request in tests, other runtimes) Hono's own body limit
 * does the same job.
 */
export const readBody = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = (c.env as { incoming?: Partial<AsyncIterable<Uint8Array>> } | undefined)?.incoming;
  if (typeof incoming?.[Symbol.asyncIterator] !== "function") return webBodyLimit(c, next);
  if (Number(c.req.header("content-length") ?? 0) > BODY_LIMIT_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > BODY_LIMIT_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  // Hono keeps promises in its body cache (its type says otherwise).
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(Buffer.concat(chunks).toString("utf8"));
  await next();
});
