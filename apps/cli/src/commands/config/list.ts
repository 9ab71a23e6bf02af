// config list: every profile, its URL, who is signed in there, and the one in use.
import { Command } from "commander";
import { DEFAULT_API_URL } from "../../context.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export type ProfileRow = { name: string; api_url: string | null; signed_in_as: string | null; in_use: boolean };

export function listProfilesAction(ctx: CliContext): Promise<Outcome<ProfileRow[]>> {
  const config = ctx.profiles.read();
  const rows = ctx.profiles.names(config).map((name): ProfileRow => {
    const stored = ctx.profiles.credentials(name).read();
    return {
      name,
      api_url: config.profiles[name]?.api_url ?? null,
      signed_in_as: stored ? `${stored.phone} at ${stored.apiUrl}` : null,
      in_use: name === ctx.profile.name,
    };
  });
  return Promise.resolve(
    outcome(rows, (out) => {
      out.table(
        ["", t(ctx.lang, "col.profile"), t(ctx.lang, "col.apiUrl"), t(ctx.lang, "col.signedIn")],
        rows.map((r) => [
          r.in_use ? "*" : "",
          r.name,
          r.api_url ?? t(ctx.lang, "config.defaultUrl", { url: DEFAULT_API_URL }),
          r.signed_in_as ?? "-",
        ]),
      );
    }),
  );
}

export function listProfilesCommand(run: Runner): Command {
  return new Command("list")
    .description("the profiles; * marks the one in use")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin config list --json")
    .action((o: { json?: boolean }) => run((ctx) => listProfilesAction(ctx), o));
}
