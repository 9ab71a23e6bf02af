// The menu's items for a venue's calendar: the menu asks for the venue; each command asks on a
// terminal for the rest (the week, a price rule, the rules, a closure), choosing from lists where it can.
import { closeVenueAction } from "./commands/venues/close.ts";
import { listClosuresAction } from "./commands/venues/closures/list.ts";
import { removeClosureAction } from "./commands/venues/closures/remove.ts";
import { freeVenuesAction } from "./commands/venues/free.ts";
import { setHoursAction } from "./commands/venues/hours/set.ts";
import { showHoursAction } from "./commands/venues/hours/show.ts";
import { setPolicyAction } from "./commands/venues/policy/set.ts";
import { showPolicyAction } from "./commands/venues/policy/show.ts";
import { addPriceAction } from "./commands/venues/prices/add.ts";
import { listPricesAction } from "./commands/venues/prices/list.ts";
import { removePriceAction } from "./commands/venues/prices/remove.ts";
import type { CliContext } from "./context.ts";
import { t } from "./i18n.ts";
import type { MenuItem } from "./menu-groups.ts";

const venueId = (ctx: CliContext) => ctx.prompter.input({ message: t(ctx.lang, "ask.venueId") });

export const CALENDAR_ITEMS: MenuItem[] = [
  {
    value: "venues hours show",
    name: "item.hoursShow",
    command: "venues hours show",
    run: async (ctx) => showHoursAction(ctx, await venueId(ctx)),
  },
  {
    value: "venues hours set",
    name: "item.hoursSet",
    command: "venues hours set",
    run: async (ctx) => setHoursAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "venues prices list",
    name: "item.pricesList",
    command: "venues prices list",
    run: async (ctx) => listPricesAction(ctx, await venueId(ctx)),
  },
  {
    value: "venues prices add",
    name: "item.pricesAdd",
    command: "venues prices add",
    run: async (ctx) => addPriceAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "venues prices remove",
    name: "item.pricesRemove",
    command: "venues prices remove",
    run: async (ctx) => removePriceAction(ctx, await venueId(ctx), undefined),
  },
  {
    value: "venues policy show",
    name: "item.policyShow",
    command: "venues policy show",
    run: async (ctx) => showPolicyAction(ctx, await venueId(ctx)),
  },
  {
    value: "venues policy set",
    name: "item.policySet",
    command: "venues policy set",
    run: async (ctx) => setPolicyAction(ctx, await venueId(ctx), {}),
  },
  { value: "venues close", name: "item.close", command: "venues close", run: async (ctx) => closeVenueAction(ctx, await venueId(ctx), {}) },
  {
    value: "venues closures list",
    name: "item.closuresList",
    command: "venues closures list",
    run: async (ctx) => listClosuresAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "venues closures remove",
    name: "item.closuresRemove",
    command: "venues closures remove",
    run: async (ctx) => removeClosureAction(ctx, await venueId(ctx), undefined),
  },
  // Few venues are free at once: every page, one table.
  { value: "venues free", name: "item.free", command: "venues free", run: (ctx) => freeVenuesAction(ctx, { all: true }) },
];
