// venues create: asks for what a flag did not give on a terminal, checks the body with the contract.
import { VenueCreateSchema, VenueSchema } from "@venue-booking/contract";
import type { Venue } from "@venue-booking/contract";
import { Command } from "commander";
import { check, priceAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { maybe, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { venueBody, venueOptions } from "./venue-flags.ts";
import type { VenueFlags } from "./venue-flags.ts";

export async function createVenueAction(ctx: CliContext, f: VenueFlags): Promise<Outcome<Venue>> {
  const flags = { ...f };
  flags.nameRu = await need(ctx, f.nameRu, "--name-ru", "Name (Russian):");
  flags.nameUz = await maybe(ctx, f.nameUz, "Name (Uzbek, optional):");
  flags.nameEn = await maybe(ctx, f.nameEn, "Name (English, optional):");
  flags.addressRu = await need(ctx, f.addressRu, "--address-ru", "Address (Russian):");
  flags.price = await need(ctx, f.price, "--price", "Price per hour (UZS, e.g. 150000.00):", priceAnswer);
  const payload = check(VenueCreateSchema, venueBody(flags), "venue");
  const v = await ctx.api.post("/api/venues/", payload, VenueSchema);
  return outcome(v, (out) => out.line(`created venue #${v.id} ${v.name}`));
}

export function createCommand(run: Runner): Command {
  return venueOptions(new Command("create").description("create a venue (asks for what is missing on a terminal)")).action(
    (o: VenueFlags & { json?: boolean }) => run((ctx) => createVenueAction(ctx, o), o),
  );
}
