// webhooks test <id>: has the API queue a `ping` for the webhook, then reads its deliveries for a few
// seconds until that ping is delivered or its first try has failed, and says which. Not delivered
// is a failure (exit 1), so a script can check a receiver with it.
import { pageSchema, WebhookDeliverySchema, WebhookPingSchema } from "@venue-booking/contract";
import type { WebhookDelivery } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { CliError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import type { Output } from "../../output.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { deliveryTime, getWebhook, lastAnswerText } from "./webhook-text.ts";

/** How long to wait for the ping's first try: the API's dispatcher looks for work every second or so. */
const WAIT_MS = 5_000;
const POLL_MS = 250;

export const DeliveryPageSchema = pageSchema(WebhookDeliverySchema, "WebhookDeliveryPage");

/** The delivery, from the newest pages back to where the ids fall below it (deliveries come newest first). */
async function findDelivery(ctx: CliContext, webhookId: number, deliveryId: number): Promise<WebhookDelivery | undefined> {
  for (let n = 1; ; n++) {
    const page = await ctx.api.get(`/api/admin/webhooks/${webhookId}/deliveries/${query({ page: n })}`, DeliveryPageSchema);
    const hit = page.results.find((d) => d.id === deliveryId);
    if (hit) return hit;
    if (!page.next || page.results.some((d) => d.id < deliveryId)) return undefined;
  }
}

/** Settled for now: delivered or given up, or a try failed and the next one is after the wait. */
function settled(d: WebhookDelivery, deadline: number): boolean {
  if (d.status !== "pending") return true;
  return d.tries.length > 0 && (d.next_attempt_at === null || Date.parse(d.next_attempt_at) > deadline);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function printOutcome(out: Output, d: WebhookDelivery, url: string, lang: Lang): void {
  const last = d.tries.at(-1);
  const error = lastAnswerText(d) || t(lang, "ping.noAnswer");
  const common = { url, delivery: d.id, tries: d.tries.length, error };
  if (d.status === "delivered")
    out.line(t(lang, "ping.delivered", { ...common, code: last?.status_code ?? "", ms: last?.duration_ms ?? "" }));
  else if (d.status === "failed") out.line(t(lang, "ping.failed", common));
  else if (!d.tries.length) out.line(t(lang, "ping.noTry", { ...common, s: WAIT_MS / 1000 }));
  else out.line(t(lang, "ping.retrying", { ...common, next: d.next_attempt_at ? deliveryTime(d.next_attempt_at, out.timeZone) : "" }));
}

/** The ping's delivery as it stood when the wait ended; a failure unless it was delivered. */
export async function testWebhookAction(ctx: CliContext, idArg: string): Promise<Outcome<WebhookDelivery>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const w = await getWebhook(ctx, id);
  const { delivery_id } = await ctx.api.post(`/api/admin/webhooks/${id}/test/`, undefined, WebhookPingSchema);
  const started = Date.now();
  const deadline = started + WAIT_MS;
  let d: WebhookDelivery | undefined;
  try {
    for (;;) {
      d = await findDelivery(ctx, id, delivery_id);
      if ((d && settled(d, deadline)) || Date.now() >= deadline) break;
      ctx.out.progress(t(l, "ping.waiting", { delivery: delivery_id, s: Math.round((Date.now() - started) / 1000) }));
      await sleep(POLL_MS);
    }
  } finally {
    ctx.out.progress("");
  }
  if (!d) throw new CliError(t(l, "fail.pingNotListed", { delivery: delivery_id, id }));
  const delivery = d;
  const failure = delivery.status === "delivered" ? undefined : new CliError(t(l, "fail.pingNotDelivered", { id }));
  return outcome(delivery, (out) => printOutcome(out, delivery, w.url, l), failure);
}

export function testCommand(run: Runner): Command {
  return new Command("test")
    .argument("<id>")
    .description("send the webhook a `ping` event and wait a few seconds for the outcome (exit 1 unless it was delivered)")
    .option("--json", "print JSON (the delivery, with each try)")
    .addHelpText("after", "\nExamples:\n  venue-admin webhooks test 3\n  venue-admin webhooks test 3 --json")
    .action((id: string, o: { json?: boolean }) => run((ctx) => testWebhookAction(ctx, id), o));
}
