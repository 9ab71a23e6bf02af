// Sign-in use cases: send a code, trade it for tokens (creating the user on first sign-in), and
// refresh the tokens.
import type { Tokens } from "@venue-booking/contract";
import { DomainError } from "@venue-booking/core";
import type { User } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { HttpError } from "../lib/errors.ts";

export async function sendSignInCode(deps: AppDeps, phone: string): Promise<void> {
  try {
    await deps.otp.send(phone);
  } catch (e) {
    if (e instanceof HttpError && e.code === "RATE_LIMITED") deps.metrics.otpRateLimited.inc({ limit: "phone" });
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
  const userId = await deps.tokens.spendRefresh(refresh);
  const user = await deps.repos.users.get(userId);
  if (!user) throw new HttpError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  return deps.tokens.issue(user.id);
}
