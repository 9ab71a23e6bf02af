// whoami: the signed-in user, as the API sees the token.
import { UserSchema } from "@venue-booking/contract";
import type { User } from "@venue-booking/contract";
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export async function whoamiAction(ctx: CliContext): Promise<Outcome<User>> {
  const me = await ctx.api.get("/api/auth/me/", UserSchema);
  const at = ctx.api.baseUrl;
  const l = ctx.lang;
  const via = ctx.api.usesEnvToken ? "VENUE_API_TOKEN" : t(l, "whoami.viaProfile", { name: ctx.profile.name });
  return outcome(me, (out) =>
    out.line(
      t(l, "whoami.line", {
        who: `${me.phone}${me.name ? ` (${me.name})` : ""}`,
        id: me.id,
        admin: me.is_admin ? t(l, "whoami.admin") : "",
        api: at,
        via,
      }),
    ),
  );
}

export function whoamiCommand(run: Runner): Command {
  return new Command("whoami")
    .description("the signed-in user")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExamples:\n  venue-admin whoami\n  venue-admin whoami --json")
    .action((o: { json?: boolean }) => run((ctx) => whoamiAction(ctx), o));
}
