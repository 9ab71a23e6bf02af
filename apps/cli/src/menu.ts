// `venue-admin` with no command on a terminal: the groups of commands under a status line (who is
// signed in, at which API), each group a menu of its own. Every command is reachable from here.
import { loginAction } from "./commands/auth/login.ts";
import type { CliContext } from "./context.ts";
import { CliError } from "./errors.ts";
import { EXIT } from "./exit-codes.ts";
import { t } from "./i18n.ts";
import { MENU_GROUPS } from "./menu-groups.ts";
import type { MenuGroup } from "./menu-groups.ts";
import { present } from "./runner.ts";
import type { Outcome } from "./runner.ts";

export { MENU_GROUPS } from "./menu-groups.ts";

/** Who the commands act as, or undefined when no one is signed in at this API. */
function signedInAs(ctx: CliContext): string | undefined {
  if (ctx.api.usesEnvToken) return t(ctx.lang, "menu.envToken");
  const stored = ctx.credentials.read();
  return stored && stored.apiUrl === ctx.api.baseUrl ? stored.phone : undefined;
}

/** The line above the groups: who is signed in, at which API, under which profile. */
function statusLine(ctx: CliContext): string {
  const who = signedInAs(ctx);
  return t(ctx.lang, "menu.status", {
    who: who ? t(ctx.lang, "menu.signedInAs", { who }) : t(ctx.lang, "menu.notSignedIn"),
    api: ctx.api.baseUrl,
    profile: ctx.profile.name,
  });
}

/** Ctrl-C at a question ends the menu (exit code 130); any other failure is shown and the menu goes on. */
function interrupted(e: unknown): boolean {
  return (
    (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) ||
    (e instanceof CliError && e.exitCode === EXIT.INTERRUPTED)
  );
}

/** Runs one step and prints its result; a failure other than Ctrl-C goes to `onError`. */
async function step(ctx: CliContext, run: (ctx: CliContext) => Promise<Outcome<unknown> | undefined>, onError: (e: unknown) => void) {
  try {
    const result = await run(ctx);
    if (result) present(ctx.out, result, false);
  } catch (e) {
    if (interrupted(e)) throw e;
    onError(e);
  }
}

/** One group's commands until "back"; a failed step prints its error and the group's menu comes back. */
async function runGroup(context: () => CliContext, group: MenuGroup, onError: (e: unknown) => void): Promise<void> {
  for (;;) {
    const ctx = context();
    const choice = await ctx.prompter.select({
      message: `${t(ctx.lang, group.name)}:`,
      choices: [
        ...group.items.map(({ value, name }) => ({ value, name: t(ctx.lang, name) })),
        { value: "back", name: t(ctx.lang, "menu.back") },
      ],
    });
    const item = group.items.find((i) => i.value === choice);
    if (!item) return;
    await step(ctx, item.run, onError);
  }
}

/**
 * Shows the groups until "quit". `context` is asked again for every screen, so a sign-in or another
 * profile shows in the status line at once. A failed step is reported through `onError` and leaves
 * no trace in how the menu ends: Quit ends it successfully.
 */
export async function runMenu(context: () => CliContext, onError: (e: unknown) => void): Promise<void> {
  for (;;) {
    const ctx = context();
    const signedOut = signedInAs(ctx) === undefined;
    const choice = await ctx.prompter.select({
      message: `${statusLine(ctx)}\n${t(ctx.lang, "menu.question")}`,
      choices: [
        ...(signedOut ? [{ value: "login", name: t(ctx.lang, "menu.signIn") }] : []),
        ...MENU_GROUPS.map(({ value, name }) => ({ value, name: t(ctx.lang, name) })),
        { value: "quit", name: t(ctx.lang, "menu.quit") },
      ],
    });
    if (choice === "quit") return;
    const group = MENU_GROUPS.find((g) => g.value === choice);
    if (group) await runGroup(context, group, onError);
    else await step(ctx, (c) => loginAction(c, {}), onError);
  }
}
