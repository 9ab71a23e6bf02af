// bookings move <id>: another day, time or unit for a booking, repriced; a new start without an end
// keeps its length. With no flag on a terminal, asks for each, an empty answer keeping what is there.
import { AdminBookingDetailSchema, BookingMoveSchema } from "@venue-booking/contract";
import type { AdminBookingDetail } from "@venue-booking/contract";
import { isLive } from "@venue-booking/core";
import { Command } from "commander";
import { check, dateAnswer, orEmpty, parseDate, parseId, parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { CliError, UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { formatMoney } from "../../output.ts";
import { maybe } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { clockAnswer, parseClock } from "../venues/calendar-text.ts";
import { getVenue } from "../venues/get-venue.ts";
import { placeText } from "./place-text.ts";
import { getBooking } from "./show.ts";

export type MoveFlags = { date?: string; from?: string; to?: string; unit?: string };

type Move = { booking_date?: string; start_time?: string; end_time?: string; unit_id?: number };

function moveOf(f: MoveFlags, ctx: CliContext): Move {
  const l = ctx.lang;
  const unit = parseOptionalId(f.unit, "--unit", l);
  return {
    ...(f.date === undefined ? {} : { booking_date: parseDate(f.date, l) }),
    ...(f.from === undefined ? {} : { start_time: parseClock(f.from, "--from", l) }),
    ...(f.to === undefined ? {} : { end_time: parseClock(f.to, "--to", l) }),
    ...(unit === undefined ? {} : { unit_id: unit }),
  };
}

/** Each part of the move, the current value named in the question; an empty answer keeps it. */
async function askMove(ctx: CliContext, b: AdminBookingDetail): Promise<MoveFlags> {
  const l = ctx.lang;
  const date = await maybe(ctx, undefined, t(l, "ask.moveDate", { date: b.booking_date }), orEmpty(dateAnswer(l)));
  const from = await maybe(ctx, undefined, t(l, "ask.moveFrom", { time: b.start_time }), orEmpty(clockAnswer(l)));
  const to = await maybe(ctx, undefined, t(l, "ask.moveTo", { time: b.end_time }), orEmpty(clockAnswer(l)));
  const venue = await getVenue(ctx, b.venue_id);
  let unit: string | undefined;
  if (venue.units.length > 1) {
    const choices = [
      { value: "", name: t(l, "ask.keepUnit", { unit: `#${b.unit.id} ${b.unit.name}` }) },
      ...venue.units.filter((u) => u.id !== b.unit.id).map((u) => ({ value: String(u.id), name: `#${u.id} ${u.name}` })),
    ];
    unit = (await ctx.prompter.select({ message: t(l, "ask.unit"), choices })) || undefined;
  }
  return { date, from, to, unit };
}

/** The booking where it now is. */
export async function moveBookingAction(ctx: CliContext, idArg: string, f: MoveFlags): Promise<Outcome<AdminBookingDetail>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const given = moveOf(f, ctx);
  if (Object.keys(given).length === 0 && !ctx.interactive) throw new UsageError(t(l, "usage.nothingToMove"));
  const before = await getBooking(ctx, id);
  // Nothing is asked about a booking that cannot move (the API would refuse it after the questions).
  if (!Object.keys(given).length && (before.session !== null || !isLive(before.status)))
    throw new CliError(
      t(l, "fail.notMovable", { id, what: before.session ? t(l, "move.sessionPlace", { id: before.session.id }) : before.status }),
    );
  const move = Object.keys(given).length ? given : moveOf(await askMove(ctx, before), ctx);
  if (Object.keys(move).length === 0)
    return outcome(before, (out) => out.line(t(l, "done.bookingStaysAt", { id, place: placeText(before) })));
  const payload = check(BookingMoveSchema, move, "move", l);
  const after = await ctx.api.patch(`/api/admin/bookings/${id}/`, payload, AdminBookingDetailSchema);
  const from = placeText(before);
  const to = placeText(after);
  return outcome(after, (out) =>
    out.line(
      from === to
        ? t(l, "done.bookingStaysAt", { id, place: to })
        : t(l, "done.bookingMoved", { id, from, to, total: formatMoney(after.total_price), was: formatMoney(before.total_price) }),
    ),
  );
}

export function moveCommand(run: Runner): Command {
  return new Command("move")
    .argument("<id>")
    .description("move a booking to another day, time or unit, repriced (asks on a terminal without flags)")
    .option("--date <YYYY-MM-DD>", "another day")
    .option("--from <HH:MM>", "a new start; without --to the booking keeps its length")
    .option("--to <HH:MM>", "a new end")
    .option("--unit <id>", "another unit of the same venue")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin bookings move 42 --from 19:00\n  venue-admin bookings move 42 --date 2026-12-05 --unit 4\n  venue-admin bookings move 42 --from 18:00 --to 20:00",
    )
    .action((id: string, o: MoveFlags & { json?: boolean }) => run((ctx) => moveBookingAction(ctx, id, o), o));
}
