// bookings set-status [id] [status]: one step along the status machine; on a terminal the choices
// are the statuses the machine allows from where the booking is.
import { AdminBookingDetailSchema, StatusSchema } from "@venue-booking/contract";
import type { AdminBookingDetail } from "@venue-booking/contract";
import { BOOKING_STATUSES, nextStatuses } from "@venue-booking/core";
import { Command } from "commander";
import { check, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { CliError, UsageError } from "../../errors.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getBooking } from "./show.ts";
import { statusText } from "./status-text.ts";

export type SetStatusOptions = { reason?: string };

async function askStatus(ctx: CliContext, id: number): Promise<string> {
  if (!ctx.interactive) throw new UsageError("missing <status>");
  const current = await getBooking(ctx, id);
  const choices = nextStatuses(current.status).map((s) => ({ value: s, name: s }));
  if (!choices.length) throw new CliError(`booking #${id} is ${current.status}: no further status`);
  return ctx.prompter.select({ message: `Booking #${id} is ${current.status}; new status:`, choices });
}

export async function setStatusAction(
  ctx: CliContext,
  idArg: string | undefined,
  statusArg: string | undefined,
  o: SetStatusOptions,
): Promise<Outcome<AdminBookingDetail>> {
  const id = parseId(await need(ctx, idArg, "<id>", "Booking id:"));
  const status = check(StatusSchema, statusArg || (await askStatus(ctx, id)), "status");
  const b = await ctx.api.patch(
    `/api/admin/bookings/${id}/`,
    { status, ...(o.reason ? { reason: o.reason } : {}) },
    AdminBookingDetailSchema,
  );
  return outcome(b, (out) => out.line(`booking #${b.id} is now ${statusText(out, b.status)}`));
}

export function setStatusCommand(run: Runner): Command {
  return new Command("set-status")
    .argument("[id]")
    .argument("[status]")
    .description(`move a booking along the status machine (${BOOKING_STATUSES.join("|")})`)
    .option("--reason <text>")
    .option("--json", "print JSON")
    .action((id: string | undefined, status: string | undefined, o: SetStatusOptions & { json?: boolean }) =>
      run((ctx) => setStatusAction(ctx, id, status, o), o),
    );
}
