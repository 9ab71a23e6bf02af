import { DomainError, isDomainError } from "@venue-booking/core";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { message } from "../../lib/messages.ts";
import { OTP_TTL_SECONDS } from "../../services/otp.ts";
import { toUserJson } from "../users.schemas.ts";
import type { me, refresh, sendOtp, updateMe, verifyOtp } from "./auth.routes.ts";

export const sendOtpHandler: AppRouteHandler<typeof sendOtp> = async (c) => {
  const { phone } = c.req.valid("json");
  const { otp, metrics } = c.get("deps");
  try {
    await otp.send(phone);
  } catch (e) {
    if (isDomainError(e, "RATE_LIMITED")) metrics.otpRateLimited.inc({ limit: "phone" });
    throw e;
  }
  metrics.otpSent.inc();
  return c.json({ detail: message("OTP_SENT", c.get("lang")), expires_in: OTP_TTL_SECONDS }, 200);
};

export const verifyOtpHandler: AppRouteHandler<typeof verifyOtp> = async (c) => {
  const { phone, code } = c.req.valid("json");
  const { otp, repos, tokens, config, metrics } = c.get("deps");
  await otp.verify(phone, code);
  metrics.otpVerified.inc();
  const { user, created } = await repos.users.signIn(phone, { admin: config.adminPhones.includes(phone) });
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  const pair = await tokens.issue(user.id);
  return c.json({ ...pair, user: toUserJson(user), is_new_user: created }, 200);
};

export const refreshHandler: AppRouteHandler<typeof refresh> = async (c) => {
  const { tokens, repos } = c.get("deps");
  const userId = await tokens.spendRefresh(c.req.valid("json").refresh);
  const user = await repos.users.get(userId);
  if (!user) throw new DomainError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  return c.json(await tokens.issue(user.id), 200);
};

export const meHandler: AppRouteHandler<typeof me> = async (c) => c.json(toUserJson(c.get("user")), 200);

export const updateMeHandler: AppRouteHandler<typeof updateMe> = async (c) => {
  const { name } = c.req.valid("json");
  const user = await c.get("deps").repos.users.update(c.get("user").id, { name });
  if (!user) throw new DomainError("UNAUTHORIZED");
  return c.json(toUserJson(user), 200);
};
