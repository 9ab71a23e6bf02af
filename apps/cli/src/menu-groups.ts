// What the menu offers, group by group: each item names the command it runs and asks a person for
// what that command needs, choosing from lists wherever the values are known.
import { BOOKING_STATUSES, LANGS } from "@venue-booking/core";
import { dateAnswer } from "./args.ts";
import { loginAction } from "./commands/auth/login.ts";
import { logoutAction } from "./commands/auth/logout.ts";
import { whoamiAction } from "./commands/auth/whoami.ts";
import { listBookingsAction } from "./commands/bookings/list.ts";
import { setStatusAction } from "./commands/bookings/set-status.ts";
import { showBookingAction } from "./commands/bookings/show.ts";
import { SHELLS } from "./commands/completion/script.ts";
import { listProfilesAction } from "./commands/config/list.ts";
import { setUrlAction } from "./commands/config/set-url.ts";
import { useProfileAction } from "./commands/config/use.ts";
import { cancelSessionAction } from "./commands/sessions/cancel.ts";
import { createSessionAction } from "./commands/sessions/create.ts";
import { listSessionsAction } from "./commands/sessions/list.ts";
import { showSessionAction } from "./commands/sessions/show.ts";
import { updateSessionAction } from "./commands/sessions/update.ts";
import { exportVenuesAction } from "./commands/transfer/export.ts";
import { importVenuesAction } from "./commands/transfer/import.ts";
import { changeUserAction, USER_CHANGES } from "./commands/users/change.ts";
import type { UserChange } from "./commands/users/change.ts";
import { listUsersAction } from "./commands/users/list.ts";
import { availabilityAction } from "./commands/venues/availability.ts";
import { createVenueAction } from "./commands/venues/create.ts";
import { deleteVenueAction } from "./commands/venues/delete.ts";
import { imagesAction } from "./commands/venues/images.ts";
import { listVenuesAction } from "./commands/venues/list.ts";
import { showVenueAction } from "./commands/venues/show.ts";
import { translateVenueAction } from "./commands/venues/translate.ts";
import { addUnitAction } from "./commands/venues/units/add.ts";
import { listUnitsAction } from "./commands/venues/units/list.ts";
import { removeUnitAction } from "./commands/venues/units/remove.ts";
import { updateUnitAction } from "./commands/venues/units/update.ts";
import { updateVenueAction } from "./commands/venues/update.ts";
import type { CliContext } from "./context.ts";
import { t } from "./i18n.ts";
import { CALENDAR_ITEMS } from "./menu-calendar.ts";
import { DESK_BOOKING_ITEMS, SERIES_ITEMS } from "./menu-desk.ts";
import { ask, optional, paged } from "./menu-steps.ts";
import { WAITLIST_ITEMS } from "./menu-waitlist.ts";
import { WEBHOOK_ITEMS } from "./menu-webhooks.ts";
import type { MessageKey } from "./i18n.ts";
import { outcome } from "./runner.ts";
import type { Outcome } from "./runner.ts";

export type MenuItem = {
  value: string;
  /** Its label, in the admin's language when shown. */
  name: MessageKey;
  /** The command (as typed after `venue-admin`) this item runs. */
  command: string;
  /** Its result, for the menu to print; nothing when the item printed it already (page by page). */
  run: (ctx: CliContext) => Promise<Outcome<unknown> | undefined>;
};
export type MenuGroup = { value: string; name: MessageKey; items: MenuItem[] };

const venueId = (ctx: CliContext) => ask(ctx, "ask.venueId");

const venues: MenuItem[] = [
  {
    value: "venues list",
    name: "item.venuesList",
    command: "venues list",
    run: async (ctx) => {
      const search = await optional(ctx, "ask.searchVenues");
      return paged(ctx, (page) => listVenuesAction(ctx, { search, inactive: true, page }));
    },
  },
  {
    value: "venues show",
    name: "item.venuesShow",
    command: "venues show",
    run: async (ctx) => showVenueAction(ctx, await venueId(ctx)),
  },
  {
    value: "venues availability",
    name: "item.venuesAvailability",
    command: "venues availability",
    run: async (ctx) => availabilityAction(ctx, await venueId(ctx), {}),
  },
  { value: "venues create", name: "item.venuesCreate", command: "venues create", run: (ctx) => createVenueAction(ctx, {}) },
  {
    value: "venues translate",
    name: "item.venuesTranslate",
    command: "venues translate",
    run: async (ctx) => {
      const id = await venueId(ctx);
      const lang = await ctx.prompter.select({
        message: t(ctx.lang, "ask.language"),
        choices: LANGS.map((l) => ({ value: l, name: t(ctx.lang, `lang.${l}`) })),
      });
      return translateVenueAction(ctx, id, { lang });
    },
  },
  {
    value: "venues amenities",
    name: "item.venuesAmenities",
    command: "venues update",
    run: async (ctx) => updateVenueAction(ctx, await venueId(ctx), { amenitiesRu: await ask(ctx, "ask.amenitiesRu") }),
  },
  {
    value: "venues update",
    name: "item.venuesUpdate",
    command: "venues update",
    run: async (ctx) =>
      updateVenueAction(ctx, await venueId(ctx), {
        price: await optional(ctx, "ask.newPrice"),
        opening: await optional(ctx, "ask.newOpening"),
        closing: await optional(ctx, "ask.newClosing"),
      }),
  },
  {
    value: "venues images add",
    name: "item.imagesAdd",
    command: "venues images add",
    run: async (ctx) => imagesAction(ctx, "add", await venueId(ctx), [await ask(ctx, "ask.imageUrl")]),
  },
  {
    value: "venues images remove",
    name: "item.imagesRemove",
    command: "venues images remove",
    run: async (ctx) => imagesAction(ctx, "remove", await venueId(ctx), [await ask(ctx, "ask.imageUrl")]),
  },
  {
    value: "venues delete",
    name: "item.venuesDelete",
    command: "venues delete",
    run: async (ctx) => deleteVenueAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "venues reactivate",
    name: "item.venuesReactivate",
    command: "venues update",
    run: async (ctx) => updateVenueAction(ctx, await venueId(ctx), { active: true }),
  },
];

// The unit is chosen from the venue's units by the command itself, on a terminal.
const units: MenuItem[] = [
  {
    value: "venues units list",
    name: "item.unitsList",
    command: "venues units list",
    run: async (ctx) => listUnitsAction(ctx, await venueId(ctx)),
  },
  {
    value: "venues units add",
    name: "item.unitsAdd",
    command: "venues units add",
    run: async (ctx) => addUnitAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "venues units update",
    name: "item.unitsUpdate",
    command: "venues units update",
    run: async (ctx) => updateUnitAction(ctx, await venueId(ctx), undefined, {}),
  },
  {
    value: "venues units remove",
    name: "item.unitsRemove",
    command: "venues units remove",
    run: async (ctx) => removeUnitAction(ctx, await venueId(ctx), undefined, {}),
  },
  {
    value: "venues units reactivate",
    name: "item.unitsReactivate",
    command: "venues units update",
    run: async (ctx) => updateUnitAction(ctx, await venueId(ctx), undefined, { active: true }),
  },
];

// Each command asks on a terminal for what it needs; the menu asks only for the session or venue.
const sessionId = (ctx: CliContext) => ask(ctx, "ask.sessionId");
const sessions: MenuItem[] = [
  {
    value: "sessions list",
    name: "item.sessionsList",
    command: "sessions list",
    run: async (ctx) => {
      const venue = await optional(ctx, "ask.venueIdOrAll");
      const date = await optional(ctx, "ask.dateOrAll", dateAnswer(ctx.lang));
      return paged(ctx, (page) => listSessionsAction(ctx, { venue, date, page }));
    },
  },
  {
    value: "sessions show",
    name: "item.sessionsShow",
    command: "sessions show",
    run: async (ctx) => showSessionAction(ctx, await sessionId(ctx)),
  },
  {
    value: "sessions create",
    name: "item.sessionsCreate",
    command: "sessions create",
    run: async (ctx) => createSessionAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "sessions update",
    name: "item.sessionsUpdate",
    command: "sessions update",
    run: async (ctx) => updateSessionAction(ctx, await sessionId(ctx), {}),
  },
  {
    value: "sessions cancel",
    name: "item.sessionsCancel",
    command: "sessions cancel",
    run: async (ctx) => cancelSessionAction(ctx, await sessionId(ctx), {}),
  },
];

const bookings: MenuItem[] = [
  {
    value: "bookings list",
    name: "item.bookingsList",
    command: "bookings list",
    run: async (ctx) => {
      const status = await ctx.prompter.select({
        message: t(ctx.lang, "ask.status"),
        choices: [{ value: "", name: t(ctx.lang, "ask.anyStatus") }, ...BOOKING_STATUSES.map((s) => ({ value: s, name: s }))],
      });
      const date = await optional(ctx, "ask.dateOrAll", dateAnswer(ctx.lang));
      return paged(ctx, (page) => listBookingsAction(ctx, { status: status || undefined, date, page }));
    },
  },
  {
    value: "bookings show",
    name: "item.bookingsShow",
    command: "bookings show",
    run: async (ctx) => showBookingAction(ctx, await ask(ctx, "ask.bookingId")),
  },
  {
    value: "bookings set-status",
    name: "item.bookingsSetStatus",
    command: "bookings set-status",
    run: (ctx) => setStatusAction(ctx, undefined, undefined, {}),
  },
];

const USER_CHANGE_NAMES: Record<UserChange, MessageKey> = {
  verify: "item.usersVerify",
  activate: "item.usersActivate",
  deactivate: "item.usersDeactivate",
  promote: "item.usersPromote",
  demote: "item.usersDemote",
};

const users: MenuItem[] = [
  {
    value: "users list",
    name: "item.usersList",
    command: "users list",
    run: async (ctx) => {
      const search = await optional(ctx, "ask.searchUsers");
      return paged(ctx, (page) => listUsersAction(ctx, { search, page }));
    },
  },
  ...(Object.keys(USER_CHANGES) as UserChange[]).map((change) => ({
    value: `users ${change}`,
    name: USER_CHANGE_NAMES[change],
    command: `users ${change}`,
    run: async (ctx: CliContext) => changeUserAction(ctx, change, await ask(ctx, "ask.userRef")),
  })),
];

const transfer: MenuItem[] = [
  {
    value: "import venues",
    name: "item.import",
    command: "import venues",
    run: async (ctx) => {
      const file = await ask(ctx, "ask.file");
      const mode = await ctx.prompter.select({
        message: t(ctx.lang, "ask.how"),
        choices: [
          { value: "dry-run", name: t(ctx.lang, "ask.dryRun") },
          { value: "rows", name: t(ctx.lang, "ask.byRow") },
          { value: "atomic", name: t(ctx.lang, "ask.atomic") },
        ],
      });
      return importVenuesAction(ctx, file, { dryRun: mode === "dry-run", atomic: mode === "atomic" });
    },
  },
  {
    value: "export venues",
    name: "item.export",
    command: "export venues",
    run: async (ctx) =>
      exportVenuesAction(ctx, {
        format: await ctx.prompter.select({
          message: t(ctx.lang, "ask.format"),
          choices: [
            { value: "json", name: "JSON" },
            { value: "csv", name: "CSV" },
          ],
        }),
        output: await optional(ctx, "ask.outputFile"),
      }),
  },
];

const account: MenuItem[] = [
  { value: "whoami", name: "item.whoami", command: "whoami", run: (ctx) => whoamiAction(ctx) },
  { value: "login", name: "item.login", command: "login", run: (ctx) => loginAction(ctx, {}) },
  { value: "logout", name: "item.logout", command: "logout", run: (ctx) => logoutAction(ctx) },
  { value: "config list", name: "item.configList", command: "config list", run: (ctx) => listProfilesAction(ctx) },
  {
    value: "config use",
    name: "item.configUse",
    command: "config use",
    run: async (ctx) =>
      useProfileAction(
        ctx,
        await ctx.prompter.select({
          message: t(ctx.lang, "ask.profile"),
          choices: ctx.profiles.names().map((n) => ({ value: n, name: n })),
        }),
      ),
  },
  {
    value: "config set-url",
    name: "item.configSetUrl",
    command: "config set-url",
    run: async (ctx) => setUrlAction(ctx, await ask(ctx, "ask.apiUrl")),
  },
  {
    value: "completion",
    name: "item.completion",
    command: "completion",
    run: async (ctx) => {
      const shell = await ctx.prompter.select({ message: t(ctx.lang, "ask.shell"), choices: SHELLS.map((s) => ({ value: s, name: s })) });
      const line = `source <(venue-admin completion ${shell})`;
      return outcome(line, (out) => out.line(`${t(ctx.lang, "note.completion", { rc: `${shell}rc` })}\n  ${line}`));
    },
  },
];

export const MENU_GROUPS: MenuGroup[] = [
  { value: "venues", name: "group.venues", items: [...venues, ...units, ...CALENDAR_ITEMS] },
  { value: "sessions", name: "group.sessions", items: sessions },
  { value: "bookings", name: "group.bookings", items: [...bookings, ...DESK_BOOKING_ITEMS] },
  { value: "series", name: "group.series", items: SERIES_ITEMS },
  { value: "users", name: "group.users", items: users },
  { value: "transfer", name: "group.transfer", items: transfer },
  { value: "webhooks", name: "group.webhooks", items: WEBHOOK_ITEMS },
  { value: "waitlist", name: "group.waitlist", items: WAITLIST_ITEMS },
  { value: "account", name: "group.account", items: account },
];
