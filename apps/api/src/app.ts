// createApp(deps): the whole API as a fetch handler. Only server.ts deals with ports and signals.
import type { AppDeps } from "./deps.ts";
import { configureOpenApi } from "./lib/configure-openapi.ts";
import { createBaseApp } from "./lib/create-app.ts";
import { answerWrongMethods } from "./lib/method-not-allowed.ts";
import { adminBookingsRouter } from "./routes/admin-bookings/admin-bookings.index.ts";
import { adminSeriesRouter } from "./routes/admin-series/admin-series.index.ts";
import { adminNotificationsRouter } from "./routes/admin-notifications/admin-notifications.index.ts";
import { adminWebhooksRouter } from "./routes/admin-webhooks/admin-webhooks.index.ts";
import { adminUsersRouter } from "./routes/admin-users/admin-users.index.ts";
import { authRouter } from "./routes/auth/auth.index.ts";
import { sessionsRouter } from "./routes/sessions/sessions.index.ts";
import { bookingsRouter } from "./routes/bookings/bookings.index.ts";
import { healthRouter } from "./routes/health/health.index.ts";
import { metricsRouter } from "./routes/metrics/metrics.index.ts";
import { waitlistRouter } from "./routes/waitlist/waitlist.index.ts";
import { venuesRouter } from "./routes/venues/venues.index.ts";
import type { StaticAsset } from "./swagger-assets.ts";

export type AppOptions = {
  /** Swagger UI's CSS and JS, served under /docs/assets (see swagger-assets.ts). */
  swaggerAssets?: Map<string, StaticAsset>;
};

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = createBaseApp(deps);
  app.route("/", healthRouter());
  app.route("/", authRouter(deps));
  app.route("/", adminUsersRouter());
  app.route("/", venuesRouter());
  app.route("/", bookingsRouter());
  app.route("/", sessionsRouter());
  app.route("/", adminBookingsRouter());
  app.route("/", adminSeriesRouter());
  app.route("/", adminWebhooksRouter());
  app.route("/", adminNotificationsRouter());
  app.route("/", waitlistRouter());
  app.route("/", metricsRouter(deps));
  configureOpenApi(app, options.swaggerAssets);
  answerWrongMethods(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
