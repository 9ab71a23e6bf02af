// bookings show <id>: one booking with its status history.
import { AdminBookingDetailSchema } from "@venue-booking/contract";
import type { AdminBookingDetail } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { formatDay, formatLocal, formatMoney } from "../../output.ts";
import type { Output } from "../../output.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { statusText } from "./status-text.ts";
import { unitText } from "./unit-text.ts";

export function getBooking(ctx: CliContext, id: number): Promise<AdminBookingDetail> {
  return ctx.api.get(`/api/admin/bookings/${id}/`, AdminBookingDetailSchema);
}

function printBooking(out: Output, b: AdminBookingDetail, lang: Lang): void {
  out.line(out.color.bold(`Booking #${b.id}: ${statusText(out, b.status)}`));
  out.line(`venue   #${b.venue_id} ${b.venue.name}`);
  out.line(`unit    ${unitText(b, lang)}`);
  if (b.session) out.line(`session #${b.session.id} ${b.session.title}`);
  if (b.seats.length) out.line(`seats   ${b.seats.join(", ")}`);
  out.line(`player  #${b.user.id} ${b.user.phone}`);
  // A night's small hours belong to the business day they follow: say which calendar day they are.
  const night = b.after_midnight ? `, ${t(lang, "cal.onDay", { day: formatDay(addDays(b.booking_date, 1)) })}` : "";
  out.line(`when    ${formatDay(b.booking_date)} ${b.start_time}-${b.end_time} (${b.duration_minutes} min${night})`);
  out.line(`total   ${formatMoney(b.total_price)}`);
  // How the total was charged, slot prices joined where they agree (none for sessions and older bookings).
  for (const p of b.price_breakdown) {
    const price = formatMoney(p.price_per_hour);
    out.line(`        ${t(lang, "booking.priceLine", { from: p.start_time, to: p.end_time, price, amount: formatMoney(p.amount) })}`);
  }
  out.line(`booked  ${formatLocal(b.created_at, out.timeZone)}`);
  if (b.history.length) {
    out.table(
      [`At (${out.timeZone})`, "From", "To", "By", "Reason"],
      b.history.map((e) => [
        formatLocal(e.at, out.timeZone),
        e.from_status ?? "-",
        e.to_status,
        e.actor_user_id ? `${e.actor} #${e.actor_user_id}` : e.actor,
        e.reason ?? "",
      ]),
    );
  }
}

export async function showBookingAction(ctx: CliContext, idArg: string): Promise<Outcome<AdminBookingDetail>> {
  const b = await getBooking(ctx, parseId(idArg, ctx.lang));
  return outcome(b, (out) => printBooking(out, b, ctx.lang));
}

export function showCommand(run: Runner): Command {
  return new Command("show")
    .argument("<id>")
    .description("one booking with its status history")
    .addHelpText("after", "\nExample:\n  venue-admin bookings show 42")
    .option("--json", "print JSON")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showBookingAction(ctx, id), o));
}
