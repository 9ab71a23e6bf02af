// logout: ends the sign-in on the API (no refresh token of it works again) and forgets the stored tokens.
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
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
  return outcome({ signed_out: signedOut, revoked }, (out) => {
    if (!signedOut) out.line("not signed in");
    else if (warning)
      out.line(`signed out here; the API could not end the sign-in (${warning}), so its refresh token lives until it expires`);
    else out.line("signed out");
    if (envToken) out.line("note: VENUE_API_TOKEN is set, so commands still sign in with it until it expires; unset it to be signed out");
  });
}

export function logoutCommand(run: Runner): Command {
  return new Command("logout")
    .description("end the sign-in on the API and forget the stored tokens")
    .addHelpText("after", "\nExamples:\n  venue-admin logout\n  venue-admin logout --profile prod")
    .action(() => run((ctx) => logoutAction(ctx)));
}
