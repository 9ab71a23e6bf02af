// venues units update <venue-id> [unit-id]: changes the fields whose flags are given; with none on
// a terminal, asks for each with the current value as the answer that keeps it.
import { NameInput, PriceSchema, UnitSchema, UnitUpdateSchema } from "@venue-booking/contract";
import type { Unit, UnitAllLanguages, VenueAllLanguages } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, idsAnswer, parseId, schemaAnswer } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { UsageError } from "../../../errors.ts";
import { t } from "../../../i18n.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenueAll } from "../get-venue.ts";
import { anyUnitFlag, unitBody, unitOptions } from "./unit-flags.ts";
import type { UnitFlags } from "./unit-flags.ts";
import { failWithLastUnitHint, pickUnit, possibleParts, unitLabel } from "./venue-units.ts";

type Check = (v: string) => true | string;

/** Every field, the current value as its default: an answer equal to it changes nothing; "-" clears what may be cleared. */
async function askChanges(ctx: CliContext, venue: VenueAllLanguages, unit: UnitAllLanguages): Promise<UnitFlags> {
  const l = ctx.lang;
  const ask = async (message: string, current: string, validate: Check, clearable = false) => {
    const v = await ctx.prompter.input({ message, default: current, validate: (a) => (clearable && a === "-") || validate(a) });
    return v === current ? undefined : v;
  };
  const cleared = (v: string | undefined) => (v === "-" ? false : v);
  const name = (lang: Lang) =>
    ask(t(l, "ask.trName", { lang }), unit.name[lang] ?? "", schemaAnswer(NameInput.shape.ru, l, { optional: lang !== "ru" }));
  const flags: UnitFlags = { nameRu: await name("ru"), nameUz: await name("uz"), nameEn: await name("en") };
  const { kind, capacity } = UnitUpdateSchema.shape;
  flags.kind = cleared(await ask(t(l, "ask.newUnitKind"), unit.kind ?? "", schemaAnswer(kind, l, { optional: true }), true));
  flags.capacity = await ask(t(l, "ask.newUnitCapacity"), String(unit.capacity), schemaAnswer(capacity, l, { integer: true }));
  const price = await ask(t(l, "ask.newUnitPrice"), unit.price_per_hour ?? "", schemaAnswer(PriceSchema, l, { optional: true }), true);
  flags.price = cleared(price);
  const parts = possibleParts(venue, unit.id);
  // Only an exclusive unit combines others; one that already does is asked even when its parts are gone.
  if (Number(flags.capacity ?? unit.capacity) === 1 && (unit.contains.length > 0 || parts.length >= 2)) {
    const units = parts.map((u) => unitLabel(u, l)).join(", ");
    flags.contains = cleared(await ask(t(l, "ask.newUnitContains", { units }), unit.contains.join(","), idsAnswer(l), true));
  }
  return flags;
}

/** The unit after the change; null when the questions were answered with the values it has. */
export async function updateUnitAction(
  ctx: CliContext,
  venueArg: string,
  unitArg: string | undefined,
  f: UnitFlags,
): Promise<Outcome<Unit | null>> {
  const venueId = parseId(venueArg, ctx.lang);
  const given = anyUnitFlag(f);
  if (!given && !ctx.interactive) throw new UsageError(t(ctx.lang, "usage.nothingToChange"));
  const venue = await getVenueAll(ctx, venueId);
  // Switching on offers the inactive units, switching off the active ones, any other change all of them.
  const unit = await pickUnit(ctx, venue, unitArg, (u) => f.active === undefined || u.is_active !== f.active);
  const flags = given ? f : await askChanges(ctx, venue, unit);
  const payload = check(UnitUpdateSchema, unitBody(flags, ctx.lang, unit), "unit", ctx.lang);
  if (Object.keys(payload).length === 0) return outcome(null, (out) => out.line(t(ctx.lang, "done.unitUnchanged", { unit: unit.id })));
  const u = await ctx.api
    .patch(`/api/venues/${venueId}/units/${unit.id}/`, payload, UnitSchema)
    .catch((e: unknown) => failWithLastUnitHint(e, ctx.lang, venueId));
  return outcome(u, (out) => out.line(t(ctx.lang, "done.unitUpdated", { unit: u.id, name: u.name, id: venueId })));
}

export function updateCommand(run: Runner): Command {
  return unitOptions(
    new Command("update")
      .argument("<venue-id>")
      .argument("[unit-id]", "the unit (on a terminal, chosen from a list when not given)")
      .description("change a unit's fields, or switch it on or off (asks on a terminal without flags)")
      .addHelpText(
        "after",
        "\nExamples:\n  venue-admin venues units update 15 4 --capacity 10 --no-price\n  venue-admin venues units update 15 5 --contains 3,4\n  venue-admin venues units update 15 4 --active   # reactivate",
      ),
    { update: true },
  ).action((venueId: string, unitId: string | undefined, o: UnitFlags & { json?: boolean }) =>
    run((ctx) => updateUnitAction(ctx, venueId, unitId, o), o),
  );
}
