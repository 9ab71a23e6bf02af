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

export async function signIn(
  deps: AppDeps,
  input: { phone: string; code: string; language?: string | undefined },
): Promise<Tokens & { user: User; created: boolean }> {
  await deps.otp.verify(input.phone, input.code);
  let signedIn: { user: User; created: boolean; tokens: Tokens };
  try {
    const { user, created } = await deps.repos.users.signIn(input.phone, {
      admin: deps.config.adminPhones.includes(input.phone),
      ...(input.language ? { language: input.language } : {}),
    });
    // a sign-in may have changed the row (verified, admin by ADMIN_PHONES, language)
    deps.cache.userChanged(user.id);
    if (!user.isActive) throw new DomainError("USER_INACTIVE");
    signedIn = { user, created, tokens: await deps.tokens.issue(user.id) };
  } catch (e) {
    // The code was right but the sign-in did not happen: it stays usable (best effort; when the
    // store itself is down, a new code is the way on).
    if (!(e instanceof DomainError)) await deps.otp.restore(input.phone, input.code).catch(() => undefined);
    throw e;
  }
  deps.metrics.otpVerified.inc();
  return { ...signedIn.tokens, user: signedIn.user, created: signedIn.created };
}

/**
 * A new pair for a refresh token. The user is loaded and the pair signed before the token is spent
 * (in one atomic step), so a failing database or Redis leaves the token unspent, and a reply lost
 * after the spend is answered again, with the same pair, by a retry within the grace window.
 */
export async function refreshTokens(deps: AppDeps, refresh: string): Promise<Tokens> {
  const token = await deps.tokens.verify(refresh, "refresh");
  const user = await deps.repos.users.get(token.userId);
  if (!user) throw new HttpError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  const rotated = await deps.tokens.rotate(token);
  if (rotated.ok) return rotated.pair;
  if (rotated.reason === "reused") deps.logger.warn("spent refresh token presented again: sign-in ended", { user_id: user.id });
  throw new HttpError("UNAUTHORIZED");
}

/**
 * Ends the sign-in the refresh token belongs to: no refresh of it works again, and its access
 * tokens expire within their 15 minutes. The refresh token alone names the sign-in.
 */
export async function signOut(deps: AppDeps, refresh: string): Promise<void> {
  await deps.tokens.revoke(refresh);
}
