// webhooks list: the registered webhooks, oldest first, with their events and whether they are paused.
import { pageSchema, WebhookSchema } from "@venue-booking/contract";
import type { Page, Webhook } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatLocal } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { eventsText, stateText } from "./webhook-text.ts";

export const WebhookPageSchema = pageSchema(WebhookSchema, "WebhookPage");

export async function listWebhooksAction(ctx: CliContext, o: PagingOptions): Promise<Outcome<Page<Webhook>>> {
  const l = ctx.lang;
  const paging = parsePaging(o, l);
  const page = await collectPages((n) => ctx.api.get(`/api/admin/webhooks/${query({ page: n })}`, WebhookPageSchema), paging);
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    out.table(
      ["ID", c("col.url"), c("col.events"), c("col.state"), c("col.since")],
      page.results.map((w) => [w.id, w.url, eventsText(w.events, l), stateText(out, w, l), formatLocal(w.created_at, out.timeZone)]),
      { empty: c("list.noWebhooks") },
    );
    out.note(pageNote(page, paging, l, "webhook"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(new Command("list").description("the webhooks: URL, events, active or paused"))
    .addHelpText("after", "\nExamples:\n  venue-admin webhooks list\n  venue-admin webhooks list --all --json")
    .option("--json", "print JSON")
    .action((o: PagingOptions & { json?: boolean }) => run((ctx) => listWebhooksAction(ctx, o), o));
}
