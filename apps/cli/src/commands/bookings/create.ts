// bookings create: the front desk books for a customer by phone (a walk-in or a call); a new phone
// makes an unverified customer, and the booking is confirmed unless --pending. On a terminal it asks
// for what the flags did not give; without one, a missing value is a usage error before anything is sent.
import { AdminBookingCreateSchema, AdminBookingDetailSchema, IdempotencyHeaderSchema } from "@venue-booking/contract";
import type { AdminBookingDetail } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, dateAnswer, parseDate, parseOptionalId, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { formatMoney } from "../../output.ts";
import { maybe, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { askCustomer, askHours, askNote, askVenue, chooseUnit, deskValues, missing } from "./desk-fields.ts";
import type { DeskFlags } from "./desk-fields.ts";
import { placeText } from "./place-text.ts";
import { statusText } from "./status-text.ts";

export type BookingCreateFlags = DeskFlags & { date?: string; places?: string; pending?: boolean; idempotencyKey?: string };

const KeySchema = IdempotencyHeaderSchema.shape["idempotency-key"];

function parseKey(value: string | undefined, lang: Lang): string | undefined {
  if (value !== undefined && !KeySchema.safeParse(value).success)
    throw new UsageError(t(lang, "usage.invalid", { what: "--idempotency-key", value }));
  return value;
}

/** Places on a unit that sells them; an empty answer takes one. */
async function askPlaces(ctx: CliContext): Promise<number | undefined> {
  const valid = schemaAnswer(AdminBookingCreateSchema.shape.places, ctx.lang, { optional: true, integer: true });
  const answer = await maybe(ctx, undefined, t(ctx.lang, "ask.places"), valid);
  return answer === undefined ? undefined : Number(answer);
}

export async function createBookingAction(ctx: CliContext, f: BookingCreateFlags): Promise<Outcome<AdminBookingDetail>> {
  const l = ctx.lang;
  const given = deskValues(f, l);
  const givenDate = f.date === undefined ? undefined : parseDate(f.date, l);
  const givenPlaces = parseOptionalId(f.places, "--places", l);
  const idempotencyKey = parseKey(f.idempotencyKey, l);
  // With every required flag given nothing is asked; otherwise the optional values are asked too.
  const asking = ctx.interactive && missing(given.venueId, givenDate, given.from, given.to, given.phone);
  const venueId = await askVenue(ctx, given.venueId);
  const date = givenDate ?? parseDate(await need(ctx, undefined, "--date", t(l, "ask.date"), dateAnswer(l)), l);
  const hours = await askHours(ctx, given);
  const { unit, pooled } = await chooseUnit(ctx, venueId, given, asking);
  const places = givenPlaces ?? (asking && pooled ? await askPlaces(ctx) : undefined);
  const customer = await askCustomer(ctx, given, f, asking);
  const note = await askNote(ctx, f, asking);
  const body = {
    venue_id: venueId,
    booking_date: date,
    ...hours,
    ...unit,
    ...(places === undefined ? {} : { places }),
    ...customer,
    ...note,
    ...(f.pending ? { status: "pending" } : {}),
  };
  const payload = check(AdminBookingCreateSchema, body, "booking", l);
  const b = await ctx.api.post("/api/admin/bookings/", payload, AdminBookingDetailSchema, { idempotencyKey });
  return outcome(b, (out) =>
    out.line(
      t(l, "done.booked", {
        id: b.id,
        status: statusText(out, b.status),
        reference: out.color.bold(b.reference),
        phone: b.user.phone,
        venue: `#${b.venue_id} ${b.venue.name}`,
        place: placeText(b),
        total: formatMoney(b.total_price),
      }),
    ),
  );
}

export function createCommand(run: Runner): Command {
  return new Command("create")
    .description("book for a customer by phone, confirmed unless --pending (asks on a terminal for what is missing)")
    .option("--venue <id>", "venue id")
    .option("--phone <phone>", "the customer's phone, +998XXXXXXXXX (a new one makes an unverified customer)")
    .option("--unit <id>", "this unit (see venues units list); default: the first free one")
    .option("--kind <kind>", "the first free unit of this kind, e.g. court")
    .option("--date <YYYY-MM-DD>", "the day (its business day: 01:00 of a night open past midnight is that night's)")
    .option("--from <HH:MM>", "start time")
    .option("--to <HH:MM>", "end time (at or before --from: past midnight)")
    .option("--places <n>", "places on a unit that sells them (default 1)")
    .option("--name <text>", "the customer's name (kept for a new customer)")
    .option("--note <text>", "a note on the booking, up to 500 characters")
    .option("--pending", "leave it pending instead of confirmed")
    .option("--idempotency-key <key>", "a key of your own: repeating the command with it gives the first booking instead of a second")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin bookings create --venue 15 --phone +998901112233 --name Aziz --date 2026-12-04 --from 18:00 --to 19:00\n  venue-admin bookings create --venue 15 --phone +998901112233 --kind court --date 2026-12-04 --from 18:00 --to 20:00 --note "pays cash" --pending',
    )
    .action((o: BookingCreateFlags & { json?: boolean }) => run((ctx) => createBookingAction(ctx, o), o));
}
