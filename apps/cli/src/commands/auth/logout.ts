// logout: forgets the stored tokens.
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

/** true when there were tokens to forget. */
export function logoutAction(ctx: CliContext): Promise<Outcome<boolean>> {
  const cleared = ctx.credentials.clear();
  return Promise.resolve(outcome(cleared, (out) => out.line(cleared ? "signed out" : "not signed in")));
}

export function logoutCommand(run: Runner): Command {
  return new Command("logout").description("forget the stored tokens").action(() => run((ctx) => logoutAction(ctx)));
}
