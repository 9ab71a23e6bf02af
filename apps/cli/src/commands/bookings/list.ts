// bookings list: every booking, newest first, with the admin's filters.
import { AdminBookingSchema, pageSchema } from "@venue-booking/contract";
import type { AdminBooking, Page } from "@venue-booking/contract";
import { BOOKING_STATUSES } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseDate, parseOptionalId, parsePhone, parseStatus } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { formatDay, money } from "../../output.ts";
import { collectPages, pageNote, pagingOptions, parsePaging } from "../../pages.ts";
import type { PagingOptions } from "../../pages.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { sessionText } from "./session-text.ts";
import { statusText } from "./status-text.ts";
import { unitText } from "./unit-text.ts";

export const AdminBookingPageSchema = pageSchema(AdminBookingSchema, "AdminBookingPage");

export type BookingListOptions = PagingOptions & {
  status?: string;
  venue?: string;
  unit?: string;
  date?: string;
  phone?: string;
  user?: string;
};

export async function listBookingsAction(ctx: CliContext, o: BookingListOptions): Promise<Outcome<Page<AdminBooking>>> {
  const filters = {
    status: parseStatus(o.status, ctx.lang),
    date: o.date === undefined ? undefined : parseDate(o.date, ctx.lang),
    phone: o.phone === undefined ? undefined : parsePhone(o.phone, ctx.lang),
    venue_id: parseOptionalId(o.venue, "--venue", ctx.lang),
    unit_id: parseOptionalId(o.unit, "--unit", ctx.lang),
    user_id: parseOptionalId(o.user, "--user", ctx.lang),
  };
  const paging = parsePaging(o, ctx.lang);
  const page = await collectPages(
    (n) => ctx.api.get(`/api/admin/bookings/${query({ ...filters, page: n })}`, AdminBookingPageSchema),
    paging,
  );
  return outcome(page, (out) => {
    const l = (k: MessageKey) => t(ctx.lang, k);
    // The session column is there only when a booking of the list is a place in one.
    const sessions = page.results.some((b) => b.session !== null || b.seats.length > 0);
    out.table(
      [
        "ID",
        l("col.venue"),
        l("col.unit"),
        ...(sessions ? [l("col.session")] : []),
        l("col.player"),
        l("col.date"),
        l("col.time"),
        l("col.total"),
        l("col.status"),
      ],
      page.results.map((b) => [
        b.id,
        `#${b.venue_id} ${b.venue.name}`,
        unitText(b, ctx.lang),
        ...(sessions ? [sessionText(b)] : []),
        b.user.phone,
        formatDay(b.booking_date),
        `${b.start_time}-${b.end_time}`,
        money(b.total_price),
        statusText(out, b.status),
      ]),
      { empty: l("list.noBookings") },
    );
    out.note(pageNote(page, paging, ctx.lang, "booking"));
  });
}

export function listCommand(run: Runner): Command {
  return pagingOptions(
    new Command("list")
      .description("list bookings, newest first")
      .option("--status <status>", BOOKING_STATUSES.join("|"))
      .option("--venue <id>", "venue id")
      .option("--unit <id>", "unit id (see venues units list)")
      .option("--date <YYYY-MM-DD>")
      .option("--phone <phone>", "player's phone")
      .option("--user <id>", "player's id"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin bookings list --status pending --date 2026-12-01\n  venue-admin bookings list --phone +998901234567\n  venue-admin bookings list --status confirmed --all --json",
    )
    .option("--json", "print JSON")
    .action((o: BookingListOptions & { json?: boolean }) => run((ctx) => listBookingsAction(ctx, o), o));
}
