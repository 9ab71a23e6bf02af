// The Hono environment of this app: what middleware puts on the context for handlers.
import type { Lang } from "@venue-booking/core";
import type { User } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    requestId: string;
    clientIp: string;
    user: User;
  };
};
