// venues create: asks for what a flag did not give on a terminal, checks the body with the contract.
import { AddressInput, NameInput, PriceSchema, VenueCreateSchema, VenueSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import { Command } from "commander";
import { check, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { maybe, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { venueBody, venueOptions } from "./venue-flags.ts";
import type { VenueFlags } from "./venue-flags.ts";

export async function createVenueAction(ctx: CliContext, f: VenueFlags): Promise<Outcome<Venue>> {
  const flags = { ...f };
  // Each answer is checked with the contract's schema as it is typed, so a wrong one is asked again
  // at once instead of failing the whole venue after the last question.
  flags.nameRu = await need(ctx, f.nameRu, "--name-ru", t(ctx.lang, "ask.nameRu"), schemaAnswer(NameInput.shape.ru, ctx.lang));
  flags.nameUz = await maybe(ctx, f.nameUz, t(ctx.lang, "ask.nameUz"), schemaAnswer(NameInput.shape.ru, ctx.lang, { optional: true }));
  flags.nameEn = await maybe(ctx, f.nameEn, t(ctx.lang, "ask.nameEn"), schemaAnswer(NameInput.shape.ru, ctx.lang, { optional: true }));
  flags.addressRu = await need(
    ctx,
    f.addressRu,
    "--address-ru",
    t(ctx.lang, "ask.addressRu"),
    schemaAnswer(AddressInput.shape.ru, ctx.lang),
  );
  flags.price = await need(ctx, f.price, "--price", t(ctx.lang, "ask.price"), schemaAnswer(PriceSchema, ctx.lang));
  const payload = check(VenueCreateSchema, venueBody(flags, ctx.lang), "venue", ctx.lang);
  const v = await ctx.api.post("/api/venues/", payload, VenueSchema);
  return outcome(v, (out) => out.line(t(ctx.lang, "done.venueCreated", { id: v.id, name: v.name })));
}

export function createCommand(run: Runner): Command {
  return venueOptions(
    new Command("create")
      .description("create a venue (asks for what is missing on a terminal)")
      .addHelpText(
        "after",
        '\nExamples:\n  venue-admin venues create --name-ru "Поле «Навруз»" --address-ru "ул. Навруз, 5" --price 180000 --opening 08:00 --closing 23:00\n  venue-admin venues create --name-ru Арена --address-ru "ул. 1" --price 150000 --amenity-ru Душ --amenity-ru "Кафе, бар"',
      ),
  ).action((o: VenueFlags & { json?: boolean }) => run((ctx) => createVenueAction(ctx, o), o));
}
