// webhooks deliveries <id>: what was sent to a webhook, newest first: when, which event, how it went,
// how many tries, and the receiver's last answer.
import type { Page, WebhookDelivery } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatLocal } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { DeliveryPageSchema } from "./ping.ts";
import { deliveryStatusText, lastAnswerText } from "./webhook-text.ts";

export async function deliveriesAction(ctx: CliContext, idArg: string, o: PagingOptions): Promise<Outcome<Page<WebhookDelivery>>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const paging = parsePaging(o, l);
  const page = await collectPages(
    (n) => ctx.api.get(`/api/admin/webhooks/${id}/deliveries/${query({ page: n })}`, DeliveryPageSchema),
    paging,
  );
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    out.table(
      [t(l, "col.at", { zone: out.timeZone }), c("col.event"), c("col.status"), c("col.attempts"), c("col.lastAnswer")],
      page.results.map((d) => [
        formatLocal(d.created_at, out.timeZone),
        d.event_type,
        deliveryStatusText(out, d, l),
        d.attempts,
        lastAnswerText(d),
      ]),
      { empty: c("list.noDeliveries") },
    );
    out.note(pageNote(page, paging, l, "delivery"));
  });
}

export function deliveriesCommand(run: Runner): Command {
  return pagingOptions(
    new Command("deliveries")
      .argument("<id>")
      .description("what was sent to a webhook, newest first: event, status, tries and the last answer"),
  )
    .addHelpText("after", "\nExamples:\n  venue-admin webhooks deliveries 3\n  venue-admin webhooks deliveries 3 --limit 50 --json")
    .option("--json", "print JSON (each delivery with every try)")
    .action((id: string, o: PagingOptions & { json?: boolean }) => run((ctx) => deliveriesAction(ctx, id, o), o));
}
