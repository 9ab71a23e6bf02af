// The Hono environments of this app: what middleware puts on the context for handlers. The base
// environment may or may not have a user; routes declared with userRoute/adminRoute have one.
import type { Lang } from "@venue-booking/core";
import type { TransactionDeadline, User } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";

type BaseVariables = {
  deps: AppDeps;
  lang: Lang;
  requestId: string;
  clientIp: string;
  /** Hand it to every write verb: once the request is answered by its deadline, nothing commits. */
  deadline: TransactionDeadline;
};

export type AppEnv = { Variables: BaseVariables & { user?: User } };

/** After requireUser: the signed-in, active user. */
export type UserEnv = { Variables: BaseVariables & { user: User } };
