// venues units add <venue-id>: a new court, lane, pitch half, combined unit or pool of places. With
// no --name-ru on a terminal it asks for each value the flags did not give, checking each as typed.
import { NameInput, PriceSchema, UnitCreateSchema, UnitSchema } from "@venue-booking/contract";
import type { Unit } from "@venue-booking/contract";
import { Command } from "commander";
import { check, idsAnswer, parseId, schemaAnswer } from "../../../args.ts";
import type { CliContext } from "../../../context.ts";
import { t } from "../../../i18n.ts";
import { maybe, need } from "../../../prompts.ts";
import { outcome } from "../../../runner.ts";
import type { Outcome, Runner } from "../../../runner.ts";
import { getVenueAll } from "../get-venue.ts";
import { unitBody, unitOptions } from "./unit-flags.ts";
import type { UnitFlags } from "./unit-flags.ts";
import { possibleParts, unitLabel } from "./venue-units.ts";

async function askNewUnit(ctx: CliContext, venueId: number, f: UnitFlags): Promise<UnitFlags> {
  const l = ctx.lang;
  const flags: UnitFlags = { ...f };
  flags.nameRu = await need(ctx, f.nameRu, "--name-ru", t(l, "ask.nameRu"), schemaAnswer(NameInput.shape.ru, l));
  const venue = await getVenueAll(ctx, venueId);
  const optionalName = schemaAnswer(NameInput.shape.ru, l, { optional: true });
  flags.nameUz = await maybe(ctx, f.nameUz, t(l, "ask.nameUz"), optionalName);
  flags.nameEn = await maybe(ctx, f.nameEn, t(l, "ask.nameEn"), optionalName);
  const { kind, capacity } = UnitCreateSchema.shape;
  flags.kind = f.kind ?? (await maybe(ctx, undefined, t(l, "ask.unitKind"), schemaAnswer(kind, l, { optional: true })));
  flags.capacity = await maybe(ctx, f.capacity, t(l, "ask.unitCapacity"), schemaAnswer(capacity, l, { optional: true, integer: true }));
  flags.price = f.price ?? (await maybe(ctx, undefined, t(l, "ask.unitPrice"), schemaAnswer(PriceSchema, l, { optional: true })));
  // Only an exclusive unit combines others, and only when there are two to combine.
  const parts = possibleParts(venue);
  if (f.contains === undefined && Number(flags.capacity ?? 1) === 1 && parts.length >= 2) {
    const units = parts.map((u) => unitLabel(u, l)).join(", ");
    flags.contains = await maybe(ctx, undefined, t(l, "ask.unitContains", { units }), idsAnswer(l));
  }
  return flags;
}

export async function addUnitAction(ctx: CliContext, venueArg: string, f: UnitFlags): Promise<Outcome<Unit>> {
  const id = parseId(venueArg, ctx.lang);
  const flags = f.nameRu ? f : await askNewUnit(ctx, id, f);
  const payload = check(UnitCreateSchema, unitBody(flags, ctx.lang), "unit", ctx.lang);
  const u = await ctx.api.post(`/api/venues/${id}/units/`, payload, UnitSchema);
  return outcome(u, (out) => out.line(t(ctx.lang, "done.unitAdded", { unit: u.id, name: u.name, id })));
}

export function addCommand(run: Runner): Command {
  return unitOptions(
    new Command("add")
      .argument("<venue-id>")
      .description("add a court, lane, pitch half, combined unit or pool of places (asks on a terminal)")
      .addHelpText(
        "after",
        '\nExamples:\n  venue-admin venues units add 15 --name-ru "Половина A" --name-en "Half A" --kind half\n  venue-admin venues units add 15 --name-ru "Всё поле" --kind pitch --contains 3,4 --price 300000\n  venue-admin venues units add 15 --name-ru "Дорожки" --kind lane --capacity 8 --price 40000',
      ),
    { update: false },
  ).action((venueId: string, o: UnitFlags & { json?: boolean }) => run((ctx) => addUnitAction(ctx, venueId, o), o));
}
