// The menu's items for the front desk: booking for a customer, moving a booking, finding one by its
// reference, and weekly series. Each command asks on a terminal for what it needs; the menu asks only
// for the booking, reference or series, and a list's filters.
import { dateAnswer, phoneAnswer } from "./args.ts";
import { createBookingAction } from "./commands/bookings/create.ts";
import { findBookingAction } from "./commands/bookings/find.ts";
import { moveBookingAction } from "./commands/bookings/move.ts";
import { cancelSeriesAction } from "./commands/series/cancel.ts";
import { createSeriesAction } from "./commands/series/create.ts";
import { listSeriesAction } from "./commands/series/list.ts";
import { showSeriesAction } from "./commands/series/show.ts";
import type { CliContext } from "./context.ts";
import type { MenuItem } from "./menu-groups.ts";
import { ask, optional, paged } from "./menu-steps.ts";

const seriesId = (ctx: CliContext) => ask(ctx, "ask.seriesId");

export const DESK_BOOKING_ITEMS: MenuItem[] = [
  { value: "bookings create", name: "item.bookingsCreate", command: "bookings create", run: (ctx) => createBookingAction(ctx, {}) },
  {
    value: "bookings move",
    name: "item.bookingsMove",
    command: "bookings move",
    run: async (ctx) => moveBookingAction(ctx, await ask(ctx, "ask.bookingId"), {}),
  },
  {
    value: "bookings find",
    name: "item.bookingsFind",
    command: "bookings find",
    run: async (ctx) => findBookingAction(ctx, await ask(ctx, "ask.reference")),
  },
];

export const SERIES_ITEMS: MenuItem[] = [
  {
    value: "series list",
    name: "item.seriesList",
    command: "series list",
    run: async (ctx) => {
      const phone = await optional(ctx, "ask.phoneOrAll", phoneAnswer(ctx.lang));
      const venue = await optional(ctx, "ask.venueIdOrAll");
      return paged(ctx, (page) => listSeriesAction(ctx, { phone, venue, page }));
    },
  },
  { value: "series show", name: "item.seriesShow", command: "series show", run: async (ctx) => showSeriesAction(ctx, await seriesId(ctx)) },
  { value: "series create", name: "item.seriesCreate", command: "series create", run: (ctx) => createSeriesAction(ctx, {}) },
  {
    value: "series cancel",
    name: "item.seriesCancel",
    command: "series cancel",
    run: async (ctx) => {
      const id = await seriesId(ctx);
      return cancelSeriesAction(ctx, id, { from: await optional(ctx, "ask.cancelFrom", dateAnswer(ctx.lang)) });
    },
  },
];
