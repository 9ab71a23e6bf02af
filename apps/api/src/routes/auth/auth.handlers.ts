import { message } from "../../lib/messages.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { toUserJson } from "../../mappers/users.ts";
import { refreshTokens, sendSignInCode, signIn, signOut } from "../../services/auth.ts";
import { OTP_TTL_SECONDS } from "../../services/otp.ts";
import { updateSelf } from "../../services/users.ts";
import type { logout, me, refresh, sendOtp, updateMe, verifyOtp } from "./auth.routes.ts";

export const sendOtpHandler: AppRouteHandler<typeof sendOtp> = async (c) => {
  await sendSignInCode(c.var.deps, c.req.valid("json").phone);
  return c.json({ detail: message("OTP_SENT", c.var.lang), expires_in: OTP_TTL_SECONDS }, 200);
};

export const verifyOtpHandler: AppRouteHandler<typeof verifyOtp> = async (c) => {
  // the language the client asked in becomes the user's at their first sign-in
  const language = c.req.header("accept-language") ? c.var.lang : undefined;
  const { access, refresh, user, created } = await signIn(c.var.deps, { ...c.req.valid("json"), language });
  return c.json({ access, refresh, user: toUserJson(user), is_new_user: created }, 200);
};

export const refreshHandler: AppRouteHandler<typeof refresh> = async (c) => {
  return c.json(await refreshTokens(c.var.deps, c.req.valid("json").refresh), 200);
};

export const logoutHandler: AppRouteHandler<typeof logout> = async (c) => {
  await signOut(c.var.deps, c.req.valid("json").refresh);
  return c.body(null, 204);
};

export const meHandler: AppRouteHandler<typeof me> = (c) => c.json(toUserJson(c.var.user), 200);

export const updateMeHandler: AppRouteHandler<typeof updateMe> = async (c) => {
  const { name, language } = c.req.valid("json");
  const user = await updateSelf(c.var.deps, { userId: c.var.user.id, name, language });
  return c.json(toUserJson(user), 200);
};
