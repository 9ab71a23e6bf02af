// The OpenAPI 3.1 document at /openapi.json and Swagger UI at /docs, served offline.
import { swaggerUI } from "@hono/swagger-ui";
import type { StaticAsset } from "../swagger-assets.ts";
import type { BaseApp } from "./create-app.ts";
import { HttpError } from "./errors.ts";
import { forwardedOrigin } from "./request-context.ts";

// The headers for an HTML page (helmet's set), on Swagger UI's page and its files only: every other
// answer is JSON and carries just the REST set of request-context.ts. Framing stays allowed to this
// origin, as before, so the REST set's DENY and frame-ancestors 'none' are replaced to agree.
const DOCS_HEADERS: [string, string][] = [
  ["Content-Security-Policy", "frame-ancestors 'self'"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

/** `server`: PUBLIC_URL, or the origin a trusted proxy reports, or "/" (where the document is served). */
function documentConfig(server: string) {
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
    servers: [{ url: server }],
  };
}

export function configureOpenApi(app: BaseApp, assets: Map<string, StaticAsset> | undefined): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The access token from /api/auth/verify-otp/ or /api/auth/refresh/",
  });
  // Routes are declared without the trailing slash (Hono's non-strict routing then matches both);
  // the document shows the canonical, slashed form of the contract.
  app.get("/openapi.json", (c) => {
    const doc = app.getOpenAPI31Document(documentConfig(c.var.deps.config.publicUrl ?? forwardedOrigin(c) ?? "/"));
    doc.paths = Object.fromEntries(
      Object.entries(doc.paths ?? {}).map(([path, item]) => [path.startsWith("/api/") ? `${path}/` : path, item]),
    );
    return c.json(doc);
  });

  // "/docs/*" also matches "/docs"; set before the handler, like the common headers.
  app.use("/docs/*", async (c, next) => {
    for (const [name, value] of DOCS_HEADERS) c.header(name, value);
    await next();
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json", baseUrl: "/docs/assets", title: "venue-booking API", persistAuthorization: true }));
  app.get("/docs/assets/swagger-ui-dist/:file", (c) => {
    const asset = assets?.get(c.req.param("file"));
    if (!asset) throw new HttpError("NOT_FOUND");
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { "content-type": asset.type, "cache-control": "public, max-age=86400" });
  });
}
