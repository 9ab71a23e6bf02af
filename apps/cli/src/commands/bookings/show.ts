// bookings show <id>: one booking with its reference, who made it, and its history (status changes and moves).
import { AdminBookingDetailSchema } from "@venue-booking/contract";
import type { AdminBookingDetail, BookingEvent, MovePlace } from "@venue-booking/contract";
import { addDays } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay, formatLocal, formatMoney } from "../../output.ts";
import type { Output } from "../../output.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { whenText } from "./place-text.ts";
import { statusText } from "./status-text.ts";
import { unitText } from "./unit-text.ts";

export function getBooking(ctx: CliContext, id: number): Promise<AdminBookingDetail> {
  return ctx.api.get(`/api/admin/bookings/${id}/`, AdminBookingDetailSchema);
}

const LABELS = [
  "booking.venue",
  "booking.unit",
  "booking.session",
  "booking.seats",
  "booking.player",
  "booking.when",
  "booking.total",
  "booking.booked",
  "booking.source",
  "booking.series",
  "booking.note",
] as const satisfies readonly MessageKey[];

/** The From and To cells of a history row: statuses, or for a move the old and new times (and unit, when it changed). */
function historyCells(e: BookingEvent): [string, string] {
  // a move's history row holds where the booking was and where it went
  if (e.event !== "rescheduled" || !e.details) return [e.from_status ?? "-", e.to_status];
  const { from, to } = e.details;
  const unit = (p: MovePlace) => (from.unit_id === to.unit_id ? "" : `, #${p.unit_id}`);
  return [`${whenText(from)}${unit(from)}`, `${whenText(to)}${unit(to)}`];
}

export function printBooking(out: Output, b: AdminBookingDetail, lang: Lang): void {
  const width = Math.max(...LABELS.map((k) => t(lang, k).length)) + 1;
  const line = (k: (typeof LABELS)[number], v: string) => out.line(`${t(lang, k).padEnd(width)}${v}`);
  out.line(out.color.bold(t(lang, "booking.heading", { id: b.id, reference: b.reference, status: statusText(out, b.status) })));
  line("booking.venue", `#${b.venue_id} ${b.venue.name}`);
  line("booking.unit", unitText(b, lang));
  if (b.session) line("booking.session", `#${b.session.id} ${b.session.title}`);
  if (b.seats.length) line("booking.seats", b.seats.join(", "));
  line("booking.player", `#${b.user.id} ${b.user.phone}`);
  // A night's small hours belong to the business day they follow: say which calendar day they are.
  const night = b.after_midnight ? `, ${t(lang, "cal.onDay", { day: formatDay(addDays(b.booking_date, 1)) })}` : "";
  line("booking.when", `${whenText(b)} (${t(lang, "cal.minutes", { n: b.duration_minutes })}${night})`);
  line("booking.total", formatMoney(b.total_price));
  // How the total was charged, slot prices joined where they agree (none for sessions and older bookings).
  for (const p of b.price_breakdown) {
    const price = formatMoney(p.price_per_hour);
    out.line(
      `${" ".repeat(width)}${t(lang, "booking.priceLine", { from: p.start_time, to: p.end_time, price, amount: formatMoney(p.amount) })}`,
    );
  }
  line("booking.booked", formatLocal(b.created_at, out.timeZone));
  line("booking.source", t(lang, b.source === "staff" ? "source.staff" : "source.app"));
  if (b.series_id !== null) line("booking.series", `#${b.series_id}`);
  if (b.note) line("booking.note", b.note);
  if (b.history.length) {
    const l = (k: MessageKey) => t(lang, k);
    out.table(
      [t(lang, "col.at", { zone: out.timeZone }), l("col.from"), l("col.to"), l("col.by"), l("col.reason")],
      b.history.map((e) => [
        formatLocal(e.at, out.timeZone),
        ...historyCells(e),
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
    .description("one booking: its reference, where and when, who made it, and its history (status changes and moves)")
    .addHelpText("after", "\nExample:\n  venue-admin bookings show 42")
    .option("--json", "print JSON")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showBookingAction(ctx, id), o));
}
