// webhooks update <id>: a new URL or events, or pause and resume; with no flag on a terminal, asks
// for each with the current value as the answer that keeps it.
import { WebhookSchema, WebhookUpdateSchema } from "@venue-booking/contract";
import type { Webhook } from "@venue-booking/contract";
import { Command } from "commander";
import { check, parseId, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { askEvents, eventsText, getWebhook, parseEvents, stateText } from "./webhook-text.ts";
import type { EventFlags } from "./webhook-text.ts";

export type WebhookUpdateFlags = EventFlags & { url?: string; pause?: boolean; resume?: boolean };

type Changes = { url?: string; events?: string[]; is_active?: boolean };

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((e) => b.includes(e));

/** Every field, the current value as the default; only what differs from it is sent. */
async function askChanges(ctx: CliContext, w: Webhook): Promise<Changes> {
  const l = ctx.lang;
  const url = await ctx.prompter.input({
    message: t(l, "ask.newWebhookUrl"),
    default: w.url,
    validate: schemaAnswer(WebhookUpdateSchema.shape.url.unwrap(), l),
  });
  const events = await askEvents(ctx, w.events);
  const active = await ctx.prompter.confirm({ message: t(l, "ask.webhookActive"), default: w.is_active });
  return {
    ...(url === w.url ? {} : { url }),
    ...(sameEvents(events, w.events) ? {} : { events }),
    ...(active === w.is_active ? {} : { is_active: active }),
  };
}

function flagChanges(f: WebhookUpdateFlags, events: string[] | undefined): Changes {
  return {
    ...(f.url === undefined ? {} : { url: f.url }),
    ...(events === undefined ? {} : { events }),
    ...(f.pause ? { is_active: false } : f.resume ? { is_active: true } : {}),
  };
}

/** The webhook after the change; null when the questions were answered with the values it has. */
export async function updateWebhookAction(ctx: CliContext, idArg: string, f: WebhookUpdateFlags): Promise<Outcome<Webhook | null>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  if (f.pause && f.resume) throw new UsageError(t(l, "usage.notBoth", { a: "--pause", b: "--resume" }));
  const events = parseEvents(f, l);
  const given = f.url !== undefined || events !== undefined || f.pause === true || f.resume === true;
  if (!given && !ctx.interactive) throw new UsageError(t(l, "usage.nothingToChange"));
  const changes = given ? flagChanges(f, events) : await askChanges(ctx, await getWebhook(ctx, id));
  const payload = check(WebhookUpdateSchema, changes, "webhook", l);
  if (Object.keys(payload).length === 0) return outcome(null, (out) => out.line(t(l, "done.webhookUnchanged", { id })));
  const w = await ctx.api.patch(`/api/admin/webhooks/${id}/`, payload, WebhookSchema);
  return outcome(w, (out) =>
    out.line(t(l, "done.webhookUpdated", { id, url: w.url, events: eventsText(w.events, l), state: stateText(out, w, l) })),
  );
}

export function updateCommand(run: Runner): Command {
  return new Command("update")
    .argument("<id>")
    .description("change a webhook's URL or events, or pause and resume it (asks on a terminal without flags)")
    .option("--url <url>", "a new URL")
    .option("--events <a,b>", "the event types it gets from now on, comma-separated")
    .option("--all", "every event type, and those added later")
    .option("--pause", "send it nothing until --resume (events meanwhile are not kept for it)")
    .option("--resume", "send it events again")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin webhooks update 3 --events booking.confirmed,booking.cancelled\n  venue-admin webhooks update 3 --pause",
    )
    .action((id: string, o: WebhookUpdateFlags & { json?: boolean }) => run((ctx) => updateWebhookAction(ctx, id, o), o));
}
