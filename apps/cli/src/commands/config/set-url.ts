// config set-url: the API URL of a profile (created if new).
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { parseApiUrl } from "../../profiles.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export type SetUrlResult = { profile: string; api_url: string };

export function setUrlAction(ctx: CliContext, url: string): Promise<Outcome<SetUrlResult>> {
  const apiUrl = parseApiUrl(url, "the URL");
  const name = ctx.profile.name;
  const config = ctx.profiles.read();
  ctx.profiles.write({ ...config, profiles: { ...config.profiles, [name]: { api_url: apiUrl } } });
  const stored = ctx.credentials.read();
  return Promise.resolve(
    outcome({ profile: name, api_url: apiUrl }, (out) => {
      out.line(t(ctx.lang, "config.profileUrl", { name, url: apiUrl }));
      if (stored && stored.apiUrl !== apiUrl) out.line(t(ctx.lang, "config.signInAgain", { old: stored.apiUrl, name }));
    }),
  );
}

export function setUrlCommand(run: Runner): Command {
  return new Command("set-url")
    .description("set the API URL of the profile in use, or of --profile <name> (creating it)")
    .argument("<url>", "the API's base URL, like https://api.example.com")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin config set-url https://api.example.com --profile prod")
    .action((url: string, o: { json?: boolean }) => run((ctx) => setUrlAction(ctx, url), o));
}
