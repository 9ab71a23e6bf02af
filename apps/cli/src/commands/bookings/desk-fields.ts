// What the front desk gives for a customer's booking or weekly series: the venue, the customer (phone
// and name), the hours, the unit (one, the first free of a kind, or the first free) and a note. The
// flags are checked before anything is asked; on a terminal the missing ones are asked for.
import { AdminBookingCreateSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { idAnswer, parseId, parseOptionalId, parsePhone, phoneAnswer, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { maybe, need } from "../../prompts.ts";
import { clockAnswer, parseClock } from "../venues/calendar-text.ts";
import { getVenue } from "../venues/get-venue.ts";

export type DeskFlags = {
  venue?: string;
  phone?: string;
  name?: string;
  unit?: string;
  kind?: string;
  from?: string;
  to?: string;
  note?: string;
};

/** One unit, the first free unit of a kind, or (neither) the first free unit of the venue. */
export type UnitChoice = { unit_id?: number; unit_kind?: string };

/** The flags as checked values; what was not given stays undefined. */
export type DeskValues = {
  venueId: number | undefined;
  phone: string | undefined;
  from: string | undefined;
  to: string | undefined;
  unit: UnitChoice;
};

const fields = AdminBookingCreateSchema.shape;

/** Checks every given flag before anything is asked or sent. */
export function deskValues(f: DeskFlags, lang: Lang): DeskValues {
  if (f.unit !== undefined && f.kind !== undefined) throw new UsageError(t(lang, "usage.notBoth", { a: "--unit", b: "--kind" }));
  const unitId = parseOptionalId(f.unit, "--unit", lang);
  return {
    venueId: parseOptionalId(f.venue, "--venue", lang),
    phone: f.phone === undefined ? undefined : parsePhone(f.phone, lang),
    from: f.from === undefined ? undefined : parseClock(f.from, "--from", lang),
    to: f.to === undefined ? undefined : parseClock(f.to, "--to", lang),
    unit: unitId !== undefined ? { unit_id: unitId } : f.kind !== undefined ? { unit_kind: f.kind } : {},
  };
}

/** Whether a value the command cannot go without is missing: on a terminal the optional ones are then asked too. */
export const missing = (...values: unknown[]) => values.some((v) => v === undefined);

export async function askVenue(ctx: CliContext, given: number | undefined): Promise<number> {
  if (given !== undefined) return given;
  return parseId(await need(ctx, undefined, "--venue", t(ctx.lang, "ask.venueId"), idAnswer(ctx.lang)), ctx.lang, "--venue");
}

export async function askHours(ctx: CliContext, v: DeskValues): Promise<{ start_time: string; end_time: string }> {
  const l = ctx.lang;
  const from = v.from ?? parseClock(await need(ctx, undefined, "--from", t(l, "ask.startTime"), clockAnswer(l)), "--from", l);
  const to = v.to ?? parseClock(await need(ctx, undefined, "--to", t(l, "ask.endTime"), clockAnswer(l)), "--to", l);
  return { start_time: from, end_time: to };
}

/** "#3 Court 1 (court)", "#6 Lanes (lane, 8 places)". */
function unitLabel(u: Venue["units"][number], lang: Lang): string {
  const details = [u.kind, u.capacity > 1 ? t(lang, "cell.places", { n: u.capacity }) : undefined].filter(Boolean);
  return `#${u.id} ${u.name}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/**
 * On a terminal: one of the venue's units, or the first free one (a venue of one unit is not asked).
 * `pooled` says whether the unit sells places, so the number of places is worth asking.
 */
async function askUnit(ctx: CliContext, venueId: number): Promise<{ unit: UnitChoice; pooled: boolean }> {
  const venue = await getVenue(ctx, venueId);
  const [only] = venue.units;
  if (venue.units.length <= 1) return { unit: {}, pooled: (only?.capacity ?? 1) > 1 };
  const choices = [
    { value: "", name: t(ctx.lang, "ask.firstFreeUnit") },
    ...venue.units.map((u) => ({ value: String(u.id), name: unitLabel(u, ctx.lang) })),
  ];
  const chosen = await ctx.prompter.select({ message: t(ctx.lang, "ask.unit"), choices });
  const unit = venue.units.find((u) => String(u.id) === chosen);
  return unit ? { unit: { unit_id: unit.id }, pooled: unit.capacity > 1 } : { unit: {}, pooled: false };
}

/** The unit the flags named (or none: the first free one); when asking and they named none, the one chosen. */
export function chooseUnit(
  ctx: CliContext,
  venueId: number,
  v: DeskValues,
  asking: boolean,
): Promise<{ unit: UnitChoice; pooled: boolean }> {
  const named = v.unit.unit_id !== undefined || v.unit.unit_kind !== undefined;
  return asking && !named ? askUnit(ctx, venueId) : Promise.resolve({ unit: v.unit, pooled: false });
}

/** The customer's phone, and when asking, their name (optional: a name is kept only for a new customer). */
export async function askCustomer(
  ctx: CliContext,
  v: DeskValues,
  f: DeskFlags,
  asking: boolean,
): Promise<{ phone: string; name?: string }> {
  const l = ctx.lang;
  const phone = v.phone ?? parsePhone(await need(ctx, undefined, "--phone", t(l, "ask.customerPhone"), phoneAnswer(l)), l);
  const name = asking ? await maybe(ctx, f.name, t(l, "ask.customerName"), schemaAnswer(fields.name, l, { optional: true })) : f.name;
  return { phone, ...(name === undefined ? {} : { name }) };
}

/** The note as given, or when asking, the answer (empty: none). */
export async function askNote(ctx: CliContext, f: DeskFlags, asking: boolean): Promise<{ note?: string }> {
  const note = asking ? await maybe(ctx, f.note, t(ctx.lang, "ask.note"), schemaAnswer(fields.note, ctx.lang, { optional: true })) : f.note;
  return note === undefined ? {} : { note };
}
