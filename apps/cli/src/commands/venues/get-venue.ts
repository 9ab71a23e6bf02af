// One venue with every language, as the update, translate, images and delete commands start from.
import { VenueAllLanguagesSchema } from "@venue-booking/contract";
import type { VenueAllLanguages } from "@venue-booking/contract";
import type { CliContext } from "../../context.ts";

export function getVenueAll(ctx: CliContext, id: number): Promise<VenueAllLanguages> {
  return ctx.api.get(`/api/venues/${id}/?translations=all`, VenueAllLanguagesSchema);
}
