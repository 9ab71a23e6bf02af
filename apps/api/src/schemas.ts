// The request schemas the API validates with, for clients that check input before sending (the CLI).
export { BookingCreateSchema } from "./routes/bookings/bookings.schemas.ts";
export { NameSchema } from "./routes/users.schemas.ts";
export {
  AmenityInput,
  ImageUrlSchema,
  PriceSchema,
  VenueCreateSchema,
  VenueUpdateSchema,
} from "./routes/venues/venues.schemas.ts";
export type { VenueCreateBody, VenueUpdateBody } from "./routes/venues/venues.schemas.ts";
export { DateSchema, MoneySchema, PhoneSchema, StatusSchema, TimeSchema } from "./lib/schemas.ts";
