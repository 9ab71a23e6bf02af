// bookings set-status [id] [status]: one step along the status machine; on a terminal the choices
// are the statuses the machine allows from where the booking is.
import { AdminBookingDetailSchema, StatusSchema } from "@venue-booking/contract";
import type { AdminBookingDetail } from "@venue-booking/contract";
import { BOOKING_STATUSES, nextStatuses } from "@venue-booking/core";
import { Command } from "commander";
import { check, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { CliError, UsageError } from "../../errors.ts";
import { formatDay } from "../../output.ts";
import { confirmed, mustConfirm, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getBooking } from "./show.ts";
import { statusText } from "./status-text.ts";

export type SetStatusOptions = { reason?: string; yes?: boolean };

async function askStatus(ctx: CliContext, id: number): Promise<string> {
  if (!ctx.interactive) throw new UsageError(t(ctx.lang, "usage.missing", { flag: "<status>" }));
  const current = await getBooking(ctx, id);
  const choices = nextStatuses(current.status).map((s) => ({ value: s, name: s }));
  if (!choices.length) throw new CliError(t(ctx.lang, "fail.noFurtherStatus", { id, status: current.status }));
  return ctx.prompter.select({ message: t(ctx.lang, "ask.newStatus", { id, status: current.status }), choices });
}

/** The booking as it is, or null when the person chose to keep it (a cancellation is asked first). */
export async function setStatusAction(
  ctx: CliContext,
  idArg: string | undefined,
  statusArg: string | undefined,
  o: SetStatusOptions,
): Promise<Outcome<AdminBookingDetail | null>> {
  const id = parseId(await need(ctx, idArg, "<id>", t(ctx.lang, "ask.bookingId")), ctx.lang);
  const status = check(StatusSchema, statusArg || (await askStatus(ctx, id)), "status", ctx.lang);
  // Cancelling frees the slot for someone else and cannot be undone: asked first, or --yes.
  if (status === "cancelled" && mustConfirm(ctx, o.yes, "action.cancelBooking")) {
    const b = await getBooking(ctx, id);
    const details = `${b.venue.name}, ${formatDay(b.booking_date)} ${b.start_time}-${b.end_time}, ${b.user.phone}`;
    if (!(await confirmed(ctx, t(ctx.lang, "confirm.cancelBooking", { id: b.id, details }))))
      return outcome(null, (out) => out.line(t(ctx.lang, "done.bookingStays", { id: b.id, status: b.status })));
  }
  const b = await ctx.api.patch(
    `/api/admin/bookings/${id}/`,
    { status, ...(o.reason ? { reason: o.reason } : {}) },
    AdminBookingDetailSchema,
  );
  return outcome(b, (out) => out.line(t(ctx.lang, "done.bookingNow", { id: b.id, status: statusText(out, b.status) })));
}

export function setStatusCommand(run: Runner): Command {
  return new Command("set-status")
    .argument("[id]")
    .argument("[status]")
    .description(`move a booking along the status machine (${BOOKING_STATUSES.join("|")}); cancelling asks first unless --yes`)
    .option("--reason <text>")
    .option("--yes", "do not ask before cancelling (required without a terminal)")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin bookings set-status 42 confirmed\n  venue-admin bookings set-status 42 cancelled --reason "rain" --yes',
    )
    .action((id: string | undefined, status: string | undefined, o: SetStatusOptions & { json?: boolean }) =>
      run((ctx) => setStatusAction(ctx, id, status, o), o),
    );
}
