// A venue's units as the unit commands need them: a unit's name in the admin's language, the unit
// named on the command line or chosen from a list on a terminal, and what to do about LAST_UNIT.
import type { UnitAllLanguages, VenueAllLanguages } from "@venue-booking/contract";
import { pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { parseId } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { ApiError, CliError, UsageError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";

export const unitName = (u: UnitAllLanguages, lang: Lang) => pickTranslation(u.name, lang);

/** "#3 Half A (court)", or "#6 Lanes (lane, 8 places)": a unit in a list of choices or a question. */
export function unitLabel(u: UnitAllLanguages, lang: Lang): string {
  const details = [u.kind, u.capacity > 1 ? t(lang, "cell.places", { n: u.capacity }) : undefined].filter(Boolean);
  return `#${u.id} ${unitName(u, lang)}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/** The units a combined unit may be made of: active, exclusive, combining nothing (and not `except` itself). */
export const possibleParts = (venue: VenueAllLanguages, except?: number) =>
  venue.units.filter((u) => u.is_active && u.capacity === 1 && u.contains.length === 0 && u.id !== except);

/**
 * The unit named by `arg`, which must be one of the venue's; without it, on a terminal, one chosen
 * from the venue's units that `offered` lets through.
 */
export async function pickUnit(
  ctx: CliContext,
  venue: VenueAllLanguages,
  arg: string | undefined,
  offered: (u: UnitAllLanguages) => boolean = (u) => u.is_active,
): Promise<UnitAllLanguages> {
  if (arg === undefined || arg === "") {
    if (!ctx.interactive) throw new UsageError(t(ctx.lang, "usage.missing", { flag: "<unit-id>" }));
    const choices = venue.units.filter(offered).map((u) => ({ value: String(u.id), name: unitLabel(u, ctx.lang) }));
    if (!choices.length) throw new CliError(t(ctx.lang, "fail.noUnitToChoose", { id: venue.id }));
    arg = await ctx.prompter.select({ message: t(ctx.lang, "ask.unit"), choices });
  }
  const id = parseId(arg, ctx.lang);
  const unit = venue.units.find((u) => u.id === id);
  if (!unit) throw new CliError(t(ctx.lang, "fail.noSuchUnit", { id: venue.id, unit: id }));
  return unit;
}

/** Throws the error, LAST_UNIT with what the admin can do instead. */
export function failWithLastUnitHint(e: unknown, lang: Lang, venueId: number): never {
  if (e instanceof ApiError && e.problem?.code === "LAST_UNIT")
    throw new CliError(t(lang, "fail.lastUnit", { problem: e.message, id: venueId }));
  throw e;
}
