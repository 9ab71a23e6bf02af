// The menu's items for webhooks: the webhook is chosen from the list of them (there are few); each
// command asks on a terminal for the rest (a URL, the events, a confirmation).
import { addWebhookAction } from "./commands/webhooks/add.ts";
import { deliveriesAction } from "./commands/webhooks/deliveries.ts";
import { listWebhooksAction, WebhookPageSchema } from "./commands/webhooks/list.ts";
import { testWebhookAction } from "./commands/webhooks/ping.ts";
import { removeWebhookAction } from "./commands/webhooks/remove.ts";
import { updateWebhookAction } from "./commands/webhooks/update.ts";
import { eventsText } from "./commands/webhooks/webhook-text.ts";
import { query } from "./api-client.ts";
import type { CliContext } from "./context.ts";
import { CliError } from "./errors.ts";
import { t } from "./i18n.ts";
import type { MenuItem } from "./menu-groups.ts";
import { paged } from "./menu-steps.ts";
import { collectPages } from "./pages.ts";

/** The id of a webhook chosen from all of them: "#3 https://bot.example.uz/hook (every event)". */
async function pickWebhook(ctx: CliContext): Promise<string> {
  const l = ctx.lang;
  const all = await collectPages((n) => ctx.api.get(`/api/admin/webhooks/${query({ page: n })}`, WebhookPageSchema), {
    page: undefined,
    limit: undefined,
    follow: true,
  });
  if (!all.results.length) throw new CliError(t(l, "fail.noWebhooks"));
  return ctx.prompter.select({
    message: t(l, "ask.webhook"),
    choices: all.results.map((w) => ({
      value: String(w.id),
      name: `#${w.id} ${w.url} (${eventsText(w.events, l)}${w.is_active ? "" : `; ${t(l, "webhook.paused")}`})`,
    })),
  });
}

export const WEBHOOK_ITEMS: MenuItem[] = [
  {
    value: "webhooks list",
    name: "item.webhooksList",
    command: "webhooks list",
    run: (ctx) => paged(ctx, (page) => listWebhooksAction(ctx, { page })),
  },
  { value: "webhooks add", name: "item.webhooksAdd", command: "webhooks add", run: (ctx) => addWebhookAction(ctx, undefined, {}) },
  {
    value: "webhooks update",
    name: "item.webhooksUpdate",
    command: "webhooks update",
    run: async (ctx) => updateWebhookAction(ctx, await pickWebhook(ctx), {}),
  },
  {
    value: "webhooks test",
    name: "item.webhooksTest",
    command: "webhooks test",
    run: async (ctx) => testWebhookAction(ctx, await pickWebhook(ctx)),
  },
  {
    value: "webhooks deliveries",
    name: "item.webhooksDeliveries",
    command: "webhooks deliveries",
    run: async (ctx) => {
      const id = await pickWebhook(ctx);
      return paged(ctx, (page) => deliveriesAction(ctx, id, { page }));
    },
  },
  {
    value: "webhooks remove",
    name: "item.webhooksRemove",
    command: "webhooks remove",
    run: async (ctx) => removeWebhookAction(ctx, await pickWebhook(ctx), {}),
  },
];
