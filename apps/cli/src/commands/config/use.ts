// config use: the profile commands use when neither --profile nor VENUE_ADMIN_PROFILE names one.
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { parseProfileName } from "../../profiles.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export function useProfileAction(ctx: CliContext, name: string): Promise<Outcome<{ current: string }>> {
  const profile = parseProfileName(name, "profile");
  const config = ctx.profiles.read();
  if (!ctx.profiles.exists(profile, config))
    throw new UsageError(t(ctx.lang, "config.unknownProfile", { name: profile, known: ctx.profiles.names(config).join(", ") }));
  ctx.profiles.write({ ...config, current: profile });
  return Promise.resolve(outcome({ current: profile }, (out) => out.line(t(ctx.lang, "config.nowUsing", { name: profile }))));
}

export function useProfileCommand(run: Runner): Command {
  return new Command("use")
    .description("make a profile the one in use")
    .argument("<profile>")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  venue-admin config use prod")
    .action((name: string, o: { json?: boolean }) => run((ctx) => useProfileAction(ctx, name), o));
}
