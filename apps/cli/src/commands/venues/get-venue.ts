// One venue as the commands start from: with every language (update, translate, images, delete), or
// in the admin's language with its calendar in force (hours, prices, policy).
import { VenueAllLanguagesSchema, VenueSchema } from "@venue-booking/contract";
import type { Venue, VenueAllLanguages } from "@venue-booking/contract";
import type { CliContext } from "../../context.ts";

export function getVenueAll(ctx: CliContext, id: number): Promise<VenueAllLanguages> {
  return ctx.api.get(`/api/venues/${id}/?translations=all`, VenueAllLanguagesSchema);
}

export function getVenue(ctx: CliContext, id: number): Promise<Venue> {
  return ctx.api.get(`/api/venues/${id}/`, VenueSchema);
}
