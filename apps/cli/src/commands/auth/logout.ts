// logout: ends the sign-in on the API (no refresh token of it works again) and forgets the stored tokens.
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export type LogoutResult = { signed_out: boolean; revoked: boolean };

/**
 * Tells the API to end the stored sign-in, then forgets the tokens. The tokens are forgotten even
 * when the API cannot be reached (its refresh token then simply expires), and the output says so.
 */
export async function logoutAction(ctx: CliContext): Promise<Outcome<LogoutResult>> {
  const stored = ctx.credentials.read();
  let revoked = false;
  let warning: string | undefined;
  if (stored && stored.apiUrl === ctx.api.baseUrl) {
    try {
      await ctx.api.postNoContent("/api/auth/logout/", { refresh: stored.refresh }, { auth: false });
      revoked = true;
    } catch (e) {
      warning = e instanceof Error ? e.message : String(e);
    }
  }
  const signedOut = ctx.credentials.clear();
  const envToken = ctx.api.usesEnvToken;
  const lang = ctx.lang;
  return outcome({ signed_out: signedOut, revoked }, (out) => {
    if (!signedOut) out.line(t(lang, "auth.notSignedIn"));
    else if (warning) out.line(t(lang, "auth.signedOutHere", { warning }));
    else out.line(t(lang, "auth.signedOut"));
    if (envToken) out.line(t(lang, "auth.envTokenStill"));
  });
}

export function logoutCommand(run: Runner): Command {
  return new Command("logout")
    .description("end the sign-in on the API and forget the stored tokens")
    .addHelpText("after", "\nExamples:\n  venue-admin logout\n  venue-admin logout --profile prod")
    .action(() => run((ctx) => logoutAction(ctx)));
}
