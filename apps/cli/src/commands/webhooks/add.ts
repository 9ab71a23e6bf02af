// webhooks add <url>: registers a URL for some event types (--events) or all of them (--all); on a
// terminal without either, a checkbox of the types. Prints the signing secret, which only this
// answer of the API ever shows.
import { WEBHOOK_EVENTS, WebhookCreatedSchema, WebhookCreateSchema } from "@venue-booking/contract";
import type { WebhookCreated } from "@venue-booking/contract";
import { Command } from "commander";
import { check, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { askEvents, eventsText, parseEvents } from "./webhook-text.ts";
import type { EventFlags } from "./webhook-text.ts";

export async function addWebhookAction(ctx: CliContext, urlArg: string | undefined, f: EventFlags): Promise<Outcome<WebhookCreated>> {
  const l = ctx.lang;
  const given = parseEvents(f, l);
  if (given === undefined && !ctx.interactive) throw new UsageError(t(l, "usage.missingEither", { a: "--events", b: "--all" }));
  const url = await need(ctx, urlArg, "<url>", t(l, "ask.webhookUrl"), schemaAnswer(WebhookCreateSchema.shape.url, l));
  const events = given ?? (await askEvents(ctx));
  const payload = check(WebhookCreateSchema, { url, events }, "webhook", l);
  const w = await ctx.api.post("/api/admin/webhooks/", payload, WebhookCreatedSchema);
  return outcome(w, (out) => {
    out.line(t(l, "done.webhookAdded", { id: w.id, url: w.url, events: eventsText(w.events, l) }));
    out.line(t(l, "webhook.secret", { secret: out.color.bold(w.secret) }));
    out.line(out.color.yellow(t(l, "webhook.secretOnce")));
    out.note(t(l, "note.webhookTest", { id: w.id }));
  });
}

export function addCommand(run: Runner): Command {
  return new Command("add")
    .argument("<url>", "where the API posts the events (http or https)")
    .description("register a webhook: a URL the API posts booking and session events to, signed with a secret shown once")
    .option("--events <a,b>", "event types, comma-separated (on a terminal, chosen from a list when not given)")
    .option("--all", "every event type, and those added later")
    .option("--json", "print JSON (with the secret)")
    .addHelpText(
      "after",
      `\nEvent types: ${WEBHOOK_EVENTS.join(", ")}\n\nExamples:\n  venue-admin webhooks add https://bot.example.uz/hook --events booking.created,booking.cancelled\n  venue-admin webhooks add https://bot.example.uz/hook --all --json`,
    )
    .action((url: string, o: EventFlags & { json?: boolean }) => run((ctx) => addWebhookAction(ctx, url, o), o));
}
