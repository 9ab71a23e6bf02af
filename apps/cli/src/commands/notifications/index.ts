// notifications: the messages (SMS) sent to players, newest first: when, what about, whether they
// went, to which phone, and the text sent or why it was not.
import { NotificationSchema, pageSchema } from "@venue-booking/contract";
import type { Notification, Page } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatLocal } from "../../output.ts";
import type { Output } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

const NotificationPageSchema = pageSchema(NotificationSchema, "NotificationPage");

export type NotificationListOptions = PagingOptions & { user?: string; booking?: string };

/** sent in green, failed in red, pending (not tried yet, or to be tried again) in yellow. */
function statusText(out: Output, s: Notification["status"]): string {
  const c = out.color;
  return s === "sent" ? c.green(s) : s === "failed" ? c.red(s) : c.yellow(s);
}

/** The text as sent; for one not sent, why the last try failed (or nothing before the first try). */
function textOrError(out: Output, n: Notification): string {
  if (n.status !== "sent" && n.last_error) return out.color.red(n.last_error);
  return n.text ?? "";
}

/** The phone is recorded at the first try; before it, the player's id. */
const phoneText = (n: Notification, lang: Lang) => n.phone ?? t(lang, "cell.user", { id: n.user_id });

export async function listNotificationsAction(ctx: CliContext, o: NotificationListOptions): Promise<Outcome<Page<Notification>>> {
  const l = ctx.lang;
  const filters = { user_id: parseOptionalId(o.user, "--user", l), booking_id: parseOptionalId(o.booking, "--booking", l) };
  const paging = parsePaging(o, l);
  const page = await collectPages(
    (n) => ctx.api.get(`/api/admin/notifications/${query({ ...filters, page: n })}`, NotificationPageSchema),
    paging,
  );
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    out.table(
      [t(l, "col.at", { zone: out.timeZone }), c("col.kind"), c("col.status"), c("col.phone"), c("col.messageText")],
      // when it went, for one sent; when it was owed, for the others
      page.results.map((n) => [
        formatLocal(n.sent_at ?? n.created_at, out.timeZone),
        n.kind,
        statusText(out, n.status),
        phoneText(n, l),
        textOrError(out, n),
      ]),
      { empty: c("list.noNotifications") },
    );
    out.note(pageNote(page, paging, l, "notification"));
  });
}

export function notificationsCommand(run: Runner): Command {
  return pagingOptions(
    new Command("notifications")
      .description("the messages (SMS) sent to players, newest first: confirmed, cancelled, moved, reminder, offered; sent or why not")
      .option("--user <id>", "player's id")
      .option("--booking <id>", "booking id"),
  )
    .addHelpText("after", "\nExamples:\n  venue-admin notifications --booking 42\n  venue-admin notifications --user 7 --all --json")
    .option("--json", "print JSON")
    .action((o: NotificationListOptions & { json?: boolean }) => run((ctx) => listNotificationsAction(ctx, o), o));
}
