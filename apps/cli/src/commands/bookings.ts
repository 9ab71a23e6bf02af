// bookings list|show|set-status (admin view of every booking).
import { StatusSchema } from "@venue-booking/api/schemas";
import { BOOKING_STATUSES, isBookingStatus, isPhone, isValidDate, nextStatuses } from "@venue-booking/core";
import type { BookingStatus } from "@venue-booking/core";
import { query } from "../api-client.ts";
import type { CliContext } from "../context.ts";
import { check, need } from "../context.ts";
import { CliError } from "../errors.ts";
import type { Register } from "./types.ts";
import { parseId } from "./venues.ts";
import type { Page } from "./venues.ts";

type Event = { from_status: string | null; to_status: string; actor: string; actor_user_id: number | null; reason: string | null; at: string };
export type AdminBooking = {
  id: number;
  venue_id: number;
  venue: { id: number; name: string };
  user: { id: number; phone: string };
  booking_date: string;
  start_time: string;
  end_time: string;
  duration_minutes: number;
  total_price: string;
  status: BookingStatus;
  can_cancel: boolean;
  created_at: string;
  history?: Event[];
};

export type BookingListOptions = { status?: string; venue?: string; date?: string; phone?: string; user?: string; page?: string; json?: boolean };

export async function listBookingsAction(ctx: CliContext, o: BookingListOptions): Promise<Page<AdminBooking>> {
  if (o.status !== undefined && !isBookingStatus(o.status)) throw new CliError(`--status must be one of ${BOOKING_STATUSES.join(", ")}`, 2);
  if (o.date !== undefined && !isValidDate(o.date)) throw new CliError("invalid --date: expected YYYY-MM-DD", 2);
  if (o.phone !== undefined && !isPhone(o.phone)) throw new CliError("invalid --phone: expected +998XXXXXXXXX", 2);
  const page = await ctx.api.get<Page<AdminBooking>>(
    `/api/admin/bookings/${query({
      status: o.status,
      venue_id: o.venue === undefined ? undefined : parseId(o.venue, "--venue"),
      user_id: o.user === undefined ? undefined : parseId(o.user, "--user"),
      date: o.date,
      phone: o.phone,
      page: o.page === undefined ? undefined : parseId(o.page, "--page"),
    })}`,
  );
  if (o.json) {
    ctx.out.json(page);
    return page;
  }
  ctx.out.table(
    ["ID", "Venue", "Player", "Date", "Time", "Total", "Status"],
    page.results.map((b) => [b.id, `#${b.venue_id} ${b.venue.name}`, b.user.phone, b.booking_date, `${b.start_time}-${b.end_time}`, b.total_price, statusText(ctx, b.status)]),
  );
  ctx.out.line(ctx.out.color.dim(`${page.count} booking(s), page ${o.page ?? 1} of ${Math.max(1, Math.ceil(page.count / 10))}`));
  return page;
}

function statusText(ctx: CliContext, s: BookingStatus): string {
  const c = ctx.out.color;
  return s === "confirmed" || s === "completed" ? c.green(s) : s === "cancelled" ? c.red(s) : s;
}

function printBooking(ctx: CliContext, b: AdminBooking): void {
  ctx.out.line(ctx.out.color.bold(`Booking #${b.id}: ${statusText(ctx, b.status)}`));
  ctx.out.line(`venue   #${b.venue_id} ${b.venue.name}`);
  ctx.out.line(`player  #${b.user.id} ${b.user.phone}`);
  ctx.out.line(`when    ${b.booking_date} ${b.start_time}-${b.end_time} (${b.duration_minutes} min)`);
  ctx.out.line(`total   ${b.total_price}`);
  if (b.history?.length) {
    ctx.out.table(
      ["At", "From", "To", "By", "Reason"],
      b.history.map((e) => [e.at, e.from_status ?? "-", e.to_status, e.actor_user_id ? `${e.actor} #${e.actor_user_id}` : e.actor, e.reason ?? ""]),
    );
  }
}

export async function showBookingAction(ctx: CliContext, idArg: string, o: { json?: boolean }): Promise<AdminBooking> {
  const b = await ctx.api.get<AdminBooking>(`/api/admin/bookings/${parseId(idArg)}/`);
  if (o.json) ctx.out.json(b);
  else printBooking(ctx, b);
  return b;
}

export async function setStatusAction(ctx: CliContext, idArg: string | undefined, statusArg: string | undefined, o: { reason?: string; json?: boolean }): Promise<AdminBooking> {
  const id = parseId(await need(ctx, idArg, "<id>", "Booking id:"));
  let status = statusArg;
  if (!status) {
    if (!ctx.interactive) throw new CliError("missing <status>", 2);
    const current = await ctx.api.get<AdminBooking>(`/api/admin/bookings/${id}/`);
    const choices = nextStatuses(current.status).map((s) => ({ value: s, name: s }));
    if (!choices.length) throw new CliError(`booking #${id} is ${current.status}: no further status`, 1);
    status = await ctx.prompter.select({ message: `Booking #${id} is ${current.status}; new status:`, choices });
  }
  const valid = check(StatusSchema, status, "status");
  const b = await ctx.api.patch<AdminBooking>(`/api/admin/bookings/${id}/`, { status: valid, ...(o.reason ? { reason: o.reason } : {}) });
  if (o.json) ctx.out.json(b);
  else ctx.out.line(`booking #${b.id} is now ${statusText(ctx, b.status)}`);
  return b;
}

export const registerBookings: Register = (program, run) => {
  const bookings = program.command("bookings").description("every booking, and their statuses");
  bookings
    .command("list")
    .description("list bookings, newest first")
    .option("--status <status>", BOOKING_STATUSES.join("|"))
    .option("--venue <id>", "venue id")
    .option("--date <YYYY-MM-DD>")
    .option("--phone <phone>", "player's phone")
    .option("--user <id>", "player's id")
    .option("--page <n>")
    .option("--json", "print JSON")
    .action((o) => run((ctx) => listBookingsAction(ctx, o)));
  bookings
    .command("show <id>")
    .description("one booking with its status history")
    .option("--json", "print JSON")
    .action((id, o) => run((ctx) => showBookingAction(ctx, id, o)));
  bookings
    .command("set-status [id] [status]")
    .description(`move a booking along the status machine (${BOOKING_STATUSES.join("|")})`)
    .option("--reason <text>")
    .option("--json", "print JSON")
    .action((id, status, o) => run((ctx) => setStatusAction(ctx, id, status, o)));
};
