// waitlist list: players waiting for a taken time, newest first, with the booking each was offered
// when the time came free and how long it is held for them.
import { pageSchema, WaitlistEntrySchema } from "@venue-booking/contract";
import type { Page, WaitlistEntry } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay, formatLocal } from "../../output.ts";
import type { Output } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export const WAITLIST_STATUSES = WaitlistEntrySchema.shape.status.options;
type WaitlistStatus = WaitlistEntry["status"];

const WaitlistPageSchema = pageSchema(WaitlistEntrySchema, "AdminWaitlistPage");

export type WaitlistListOptions = PagingOptions & { venue?: string; status?: string };

function parseWaitlistStatus(value: string | undefined, lang: Lang): WaitlistStatus | undefined {
  if (value === undefined) return undefined;
  const known = WAITLIST_STATUSES.find((s) => s === value);
  if (!known) throw new UsageError(t(lang, "usage.status", { list: WAITLIST_STATUSES.join(", ") }));
  return known;
}

/** The unit waited for: one by its id, any of a kind, or any; with the places when more than one. */
function unitText(e: WaitlistEntry, lang: Lang): string {
  const unit = e.unit_id !== null ? `#${e.unit_id}` : (e.unit_kind ?? t(lang, "cell.anyUnit"));
  return e.places > 1 ? `${unit} (${t(lang, "cell.places", { n: e.places })})` : unit;
}

/** Waiting as it is; offered in yellow (the player has to act); kept in green; lapsed and cancelled in red. */
function statusText(out: Output, s: WaitlistStatus): string {
  const c = out.color;
  return s === "offered" ? c.yellow(s) : s === "kept" ? c.green(s) : s === "waiting" ? s : c.red(s);
}

/** "#42 until 2026-11-21 10:15" while the offer is held; the booking alone once kept or lapsed. */
function offeredText(e: WaitlistEntry, lang: Lang, timeZone: string): string {
  if (e.booking_id === null) return "";
  const booking = `#${e.booking_id}`;
  return e.offered_until === null ? booking : t(lang, "cell.offeredUntil", { booking, until: formatLocal(e.offered_until, timeZone) });
}

export async function listWaitlistAction(ctx: CliContext, o: WaitlistListOptions): Promise<Outcome<Page<WaitlistEntry>>> {
  const l = ctx.lang;
  const filters = { venue_id: parseOptionalId(o.venue, "--venue", l), status: parseWaitlistStatus(o.status, l) };
  const paging = parsePaging(o, l);
  const page = await collectPages((n) => ctx.api.get(`/api/admin/waitlist/${query({ ...filters, page: n })}`, WaitlistPageSchema), paging);
  return outcome(page, (out) => {
    const c = (k: MessageKey) => t(l, k);
    out.table(
      ["ID", c("col.phone"), c("col.venue"), c("col.unit"), c("col.date"), c("col.time"), c("col.status"), c("col.offered")],
      page.results.map((e) => [
        e.id,
        e.user.phone,
        `#${e.venue_id}`,
        unitText(e, l),
        formatDay(e.booking_date),
        `${e.start_time}-${e.end_time}`,
        statusText(out, e.status),
        offeredText(e, l, out.timeZone),
      ]),
      { empty: c("list.noWaitlist") },
    );
    out.note(pageNote(page, paging, l, "waitlist"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(
    new Command("list")
      .description("players waiting for a taken time, newest first, with the booking offered to them and until when it is held")
      .option("--venue <id>", "venue id")
      .option("--status <status>", WAITLIST_STATUSES.join("|")),
  )
    .addHelpText("after", "\nExamples:\n  venue-admin waitlist list --venue 15\n  venue-admin waitlist list --status offered --all --json")
    .option("--json", "print JSON")
    .action((o: WaitlistListOptions & { json?: boolean }) => run((ctx) => listWaitlistAction(ctx, o), o));
}
