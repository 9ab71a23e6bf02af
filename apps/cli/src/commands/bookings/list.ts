// bookings list: every booking, newest first, with the admin's filters.
import { AdminBookingSchema, pageSchema } from "@venue-booking/contract";
import type { AdminBooking, Page } from "@venue-booking/contract";
import { BOOKING_STATUSES, PAGE_SIZE } from "@venue-booking/core";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import { parseDate, parseOptionalId, parsePage, parsePhone, parseStatus } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { statusText } from "./status-text.ts";

const AdminBookingPageSchema = pageSchema(AdminBookingSchema, "AdminBookingPage");

export type BookingListOptions = { status?: string; venue?: string; date?: string; phone?: string; user?: string; page?: string };

export async function listBookingsAction(ctx: CliContext, o: BookingListOptions): Promise<Outcome<Page<AdminBooking>>> {
  const filters = {
    status: parseStatus(o.status),
    date: o.date === undefined ? undefined : parseDate(o.date),
    phone: o.phone === undefined ? undefined : parsePhone(o.phone),
    venue_id: parseOptionalId(o.venue, "--venue"),
    user_id: parseOptionalId(o.user, "--user"),
    page: parsePage(o.page),
  };
  const page = await ctx.api.get(`/api/admin/bookings/${query(filters)}`, AdminBookingPageSchema);
  return outcome(page, (out) => {
    out.table(
      ["ID", "Venue", "Player", "Date", "Time", "Total", "Status"],
      page.results.map((b) => [
        b.id,
        `#${b.venue_id} ${b.venue.name}`,
        b.user.phone,
        b.booking_date,
        `${b.start_time}-${b.end_time}`,
        b.total_price,
        statusText(out, b.status),
      ]),
    );
    out.line(out.color.dim(`${page.count} booking(s), page ${o.page ?? 1} of ${Math.max(1, Math.ceil(page.count / PAGE_SIZE))}`));
  });
}

export function listCommand(run: Runner): Command {
  return new Command("list")
    .description("list bookings, newest first")
    .option("--status <status>", BOOKING_STATUSES.join("|"))
    .option("--venue <id>", "venue id")
    .option("--date <YYYY-MM-DD>")
    .option("--phone <phone>", "player's phone")
    .option("--user <id>", "player's id")
    .option("--page <n>")
    .option("--json", "print JSON")
    .action((o: BookingListOptions & { json?: boolean }) => run((ctx) => listBookingsAction(ctx, o), o));
}
