import type { AppDeps } from "../../deps.ts";
import { createRouter } from "../../lib/openapi.ts";
import { authIpLimit } from "../../lib/rate-limit.ts";
import * as h from "./auth.handlers.ts";
import * as r from "./auth.routes.ts";

export function authRouter(deps: AppDeps) {
  const router = createRouter();
  // "/api/auth/*" also matches "/api/auth" and "/api/auth/".
  // Tokens and profiles: no browser or proxy keeps a copy of any answer here, refusals included.
  router.use("/api/auth/*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });
  router.use("/api/auth/*", authIpLimit(deps));
  return router
    .openapi(r.sendOtp, h.sendOtpHandler)
    .openapi(r.verifyOtp, h.verifyOtpHandler)
    .openapi(r.refresh, h.refreshHandler)
    .openapi(r.logout, h.logoutHandler)
    .openapi(r.me, h.meHandler)
    .openapi(r.updateMe, h.updateMeHandler);
}
