// Sign-in use cases: send a code, trade it for tokens (creating the user on first sign-in), refresh
// the tokens, and sign out.
import type { Tokens } from "@venue-booking/contract";
import { DomainError } from "@venue-booking/core";
import type { User } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { SmsDeliveryError } from "../infra/sms.ts";
import { HttpError } from "../lib/errors.ts";

/**
 * Sends a sign-in code. When the SMS gateway fails the answer is SERVICE_UNAVAILABLE: the send still
 * counts towards the phone's limit (which also bounds how often one caller makes us call a failing
 * gateway), and the code nobody received is replaced by the next send.
 */
export async function sendSignInCode(deps: AppDeps, phone: string): Promise<void> {
  try {
    await deps.otp.send(phone);
  } catch (e) {
    if (e instanceof HttpError && e.code === "RATE_LIMITED") deps.metrics.otpRateLimited.inc({ limit: "phone" });
    if (e instanceof SmsDeliveryError) {
      deps.logger.warn("sign-in code not delivered", { error: e.message });
      throw new HttpError("SERVICE_UNAVAILABLE", {}, { cause: e });
    }
    throw e;
  }
  deps.metrics.otpSent.inc();
}

export async function signIn(deps: AppDeps, input: { phone: string; code: string }): Promise<Tokens & { user: User; created: boolean }> {
  await deps.otp.verify(input.phone, input.code);
  deps.metrics.otpVerified.inc();
  const { user, created } = await deps.repos.users.signIn(input.phone, { admin: deps.config.adminPhones.includes(input.phone) });
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  return { ...(await deps.tokens.issue(user.id)), user, created };
}

export async function refreshTokens(deps: AppDeps, refresh: string): Promise<Tokens> {
  const { userId, family } = await deps.tokens.spendRefresh(refresh);
  const user = await deps.repos.users.get(userId);
  if (!user) throw new HttpError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  return deps.tokens.issue(user.id, family);
}

/**
 * Ends the sign-in the refresh token belongs to: no refresh of it works again, and its access
 * tokens expire within their 15 minutes. The refresh token alone names the sign-in.
 */
export async function signOut(deps: AppDeps, refresh: string): Promise<void> {
  await deps.tokens.revoke(refresh);
}
