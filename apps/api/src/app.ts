// createApp(deps): the whole API as a fetch handler. Only server.ts deals with ports and signals.
import { swaggerUI } from "@hono/swagger-ui";
import { DomainError, isDomainError } from "@venue-booking/core";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "./deps.ts";
import { requestContext } from "./lib/middleware.ts";
import { createRouter } from "./lib/openapi.ts";
import { problemFromDomain, problemOf, problemResponse } from "./lib/problem.ts";
import { adminBookingsRouter } from "./routes/admin-bookings/admin-bookings.index.ts";
import { adminUsersRouter } from "./routes/admin-users/admin-users.index.ts";
import { bookingsRouter } from "./routes/bookings/bookings.index.ts";
import { authRouter } from "./routes/auth/auth.index.ts";
import { healthRouter } from "./routes/health/health.index.ts";
import { venuesRouter } from "./routes/venues/venues.index.ts";
import type { StaticAsset } from "./swagger-assets.ts";

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type AppOptions = {
  /** Swagger UI's CSS and JS, served under /docs/assets (see swagger-assets.ts). */
  swaggerAssets?: Map<string, StaticAsset>;
};

function openApiConfig(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "venue-booking API",
      version: "1.0.0",
      description:
        "Book sports venues by the hour. Sign in with a phone code (send-otp, then verify-otp), then send " +
        "`Authorization: Bearer <access>`. Texts come in the language of `Accept-Language` (uz, ru, en; ru by default). " +
        "Errors are RFC 9457 problem details.",
    },
    servers: [{ url: origin }],
  };
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = createRouter();

  app.use("*", requestContext(deps));
  // CORS concerns browsers, which always send Origin; requests without one skip it.
  const corsMiddleware = cors({
    origin: (origin) => (deps.config.corsOrigins.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Accept-Language", "Idempotency-Key"],
    exposeHeaders: ["Content-Language", "Retry-After", "X-Request-Id"],
    maxAge: 600,
  });
  app.use("*", (c, next) => (c.req.header("origin") === undefined ? next() : corsMiddleware(c, next)));
  // Only methods with a body are limited: looking at the body of a GET would make the server
  // build a full Request for nothing. Under @hono/node-server the body is read straight from the
  // socket (a web ReadableStream costs several times more per request) and handed to Hono's body
  // cache, where the validators read it; elsewhere (app.request in tests, other runtimes) Hono's
  // own body limit does the same job.
  const tooLarge = () => new DomainError("PAYLOAD_TOO_LARGE", { params: { limit: "1 MB" } });
  const webBodyLimit = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  app.on(["POST", "PUT", "PATCH", "DELETE"], "*", async (c, next) => {
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

  app.route("/", healthRouter());
  app.route("/", authRouter(deps));
  app.route("/", adminUsersRouter());
  app.route("/", venuesRouter());
  app.route("/", bookingsRouter());
  app.route("/", adminBookingsRouter());

  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The access token from /api/auth/verify-otp/ or /api/auth/refresh/",
  });
  // Routes are declared without the trailing slash (Hono's non-strict routing then matches both);
  // the document shows the canonical, slashed form of the contract.
  app.get("/openapi.json", (c) => {
    const doc = app.getOpenAPI31Document(openApiConfig(new URL(c.req.url).origin));
    doc.paths = Object.fromEntries(
      Object.entries(doc.paths ?? {}).map(([path, item]) => [path.startsWith("/api/") ? `${path}/` : path, item]),
    );
    return c.json(doc);
  });

  const assets = options.swaggerAssets;
  app.get("/docs", swaggerUI({ url: "/openapi.json", baseUrl: "/docs/assets", title: "venue-booking API", persistAuthorization: true }));
  app.get("/docs/assets/swagger-ui-dist/:file", (c) => {
    const asset = assets?.get(c.req.param("file"));
    if (!asset) throw new DomainError("NOT_FOUND");
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { "content-type": asset.type, "cache-control": "public, max-age=86400" });
  });

  app.get("/metrics", async (c) => {
    const token = deps.config.metricsToken;
    if (token && c.req.header("authorization") !== `Bearer ${token}`) throw new DomainError("UNAUTHORIZED");
    return c.text(await deps.metrics.registry.metrics(), 200, { "content-type": deps.metrics.registry.contentType });
  });

  app.notFound((c) => problemResponse(c, problemOf("NOT_FOUND", c.get("lang") ?? "ru")));

  app.onError((err, c) => {
    const lang = c.get("lang") ?? "ru";
    if (isDomainError(err)) {
      const headers: Record<string, string> = err.code === "RATE_LIMITED" ? { "Retry-After": String(err.params.seconds ?? 60) } : {};
      return problemResponse(c, problemFromDomain(err, lang), headers);
    }
    if (err instanceof HTTPException && err.status === 413) return problemResponse(c, problemOf("PAYLOAD_TOO_LARGE", lang, { limit: "1 MB" }));
    // Hono's body validator: unparsable JSON (400) or a body that is not JSON at all (415).
    if (err instanceof HTTPException && (err.status === 400 || err.status === 415)) return problemResponse(c, problemOf("MALFORMED_JSON", lang));
    deps.logger.error("unexpected error", {
      path: c.req.path,
      request_id: c.get("requestId"),
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return problemResponse(c, problemOf("INTERNAL", lang));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
