// What the menu offers, group by group: each item names the command it runs and asks a person for
// what that command needs, choosing from lists wherever the values are known.
import type { Page } from "@venue-booking/contract";
import { BOOKING_STATUSES, LANGS, PAGE_SIZE } from "@venue-booking/core";
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
import { updateVenueAction } from "./commands/venues/update.ts";
import type { CliContext } from "./context.ts";
import { outcome, present } from "./runner.ts";
import type { Outcome } from "./runner.ts";

type MenuItem = {
  value: string;
  name: string;
  /** The command (as typed after `venue-admin`) this item runs. */
  command: string;
  /** Its result, for the menu to print; nothing when the item printed it already (page by page). */
  run: (ctx: CliContext) => Promise<Outcome<unknown> | undefined>;
};
export type MenuGroup = { value: string; name: string; items: MenuItem[] };

const ask = (ctx: CliContext, message: string) => ctx.prompter.input({ message });
const optional = async (ctx: CliContext, message: string, validate?: (v: string) => true | string) =>
  (await ctx.prompter.input({ message, default: "", ...(validate ? { validate: (v: string) => v === "" || validate(v) } : {}) })) ||
  undefined;
const venueId = (ctx: CliContext) => ask(ctx, "Venue id:");

/** A list shown a page at a time, with "next page" and "previous page" while there are more. */
async function paged(ctx: CliContext, list: (page: string) => Promise<Outcome<Page<unknown>>>): Promise<undefined> {
  for (let n = 1; ;) {
    const page = present(ctx.out, await list(String(n)), false);
    const last = Math.max(1, Math.ceil(page.count / PAGE_SIZE));
    const moves = [
      ...(page.next ? [{ value: "next", name: "Next page" }] : []),
      ...(n > 1 ? [{ value: "previous", name: "Previous page" }] : []),
    ];
    if (!moves.length) return undefined;
    const move = await ctx.prompter.select({ message: `Page ${n} of ${last}:`, choices: [...moves, { value: "back", name: "Back" }] });
    if (move === "back") return undefined;
    n += move === "next" ? 1 : -1;
  }
}

const LANG_NAMES = { ru: "Russian", uz: "Uzbek", en: "English" } as const;

const venues: MenuItem[] = [
  {
    value: "venues list",
    name: "List venues",
    command: "venues list",
    run: async (ctx) => {
      const search = await optional(ctx, "Search (empty for all):");
      return paged(ctx, (page) => listVenuesAction(ctx, { search, inactive: true, page }));
    },
  },
  {
    value: "venues show",
    name: "Show a venue (every language)",
    command: "venues show",
    run: async (ctx) => showVenueAction(ctx, await venueId(ctx)),
  },
  {
    value: "venues availability",
    name: "Free hours of a day",
    command: "venues availability",
    run: async (ctx) => availabilityAction(ctx, await venueId(ctx), {}),
  },
  { value: "venues create", name: "Create a venue", command: "venues create", run: (ctx) => createVenueAction(ctx, {}) },
  {
    value: "venues translate",
    name: "Edit texts: name, address, description, amenities (one language)",
    command: "venues translate",
    run: async (ctx) => {
      const id = await venueId(ctx);
      const lang = await ctx.prompter.select({ message: "Language:", choices: LANGS.map((l) => ({ value: l, name: LANG_NAMES[l] })) });
      return translateVenueAction(ctx, id, { lang });
    },
  },
  {
    value: "venues amenities",
    name: "Change the list of amenities (Russian; kept items keep their translations)",
    command: "venues update",
    run: async (ctx) =>
      updateVenueAction(ctx, await venueId(ctx), { amenitiesRu: await ask(ctx, "Amenities in Russian, comma-separated:") }),
  },
  {
    value: "venues update",
    name: "Change price or hours",
    command: "venues update",
    run: async (ctx) =>
      updateVenueAction(ctx, await venueId(ctx), {
        price: await optional(ctx, "New price per hour (empty: keep):"),
        opening: await optional(ctx, "New opening time HH:MM (empty: keep):"),
        closing: await optional(ctx, "New closing time HH:MM (empty: keep):"),
      }),
  },
  {
    value: "venues images add",
    name: "Add an image",
    command: "venues images add",
    run: async (ctx) => imagesAction(ctx, "add", await venueId(ctx), [await ask(ctx, "Image URL:")]),
  },
  {
    value: "venues images remove",
    name: "Remove an image",
    command: "venues images remove",
    run: async (ctx) => imagesAction(ctx, "remove", await venueId(ctx), [await ask(ctx, "Image URL:")]),
  },
  {
    value: "venues delete",
    name: "Deactivate a venue",
    command: "venues delete",
    run: async (ctx) => deleteVenueAction(ctx, await venueId(ctx), {}),
  },
  {
    value: "venues reactivate",
    name: "Reactivate a venue",
    command: "venues update",
    run: async (ctx) => updateVenueAction(ctx, await venueId(ctx), { active: true }),
  },
];

const bookings: MenuItem[] = [
  {
    value: "bookings list",
    name: "List bookings",
    command: "bookings list",
    run: async (ctx) => {
      const status = await ctx.prompter.select({
        message: "Status:",
        choices: [{ value: "", name: "any" }, ...BOOKING_STATUSES.map((s) => ({ value: s, name: s }))],
      });
      const date = await optional(ctx, "Date YYYY-MM-DD (empty for all):", dateAnswer);
      return paged(ctx, (page) => listBookingsAction(ctx, { status: status || undefined, date, page }));
    },
  },
  {
    value: "bookings show",
    name: "Show a booking and its history",
    command: "bookings show",
    run: async (ctx) => showBookingAction(ctx, await ask(ctx, "Booking id:")),
  },
  {
    value: "bookings set-status",
    name: "Change a booking's status",
    command: "bookings set-status",
    run: (ctx) => setStatusAction(ctx, undefined, undefined, {}),
  },
];

const users: MenuItem[] = [
  {
    value: "users list",
    name: "List users",
    command: "users list",
    run: async (ctx) => {
      const search = await optional(ctx, "Phone or name (empty for all):");
      return paged(ctx, (page) => listUsersAction(ctx, { search, page }));
    },
  },
  ...(Object.keys(USER_CHANGES) as UserChange[]).map((change) => ({
    value: `users ${change}`,
    name: `${change.charAt(0).toUpperCase()}${change.slice(1)} a user`,
    command: `users ${change}`,
    run: async (ctx: CliContext) => changeUserAction(ctx, change, await ask(ctx, "Phone or id:")),
  })),
];

const transfer: MenuItem[] = [
  {
    value: "import venues",
    name: "Import venues from a file",
    command: "import venues",
    run: async (ctx) => {
      const file = await ask(ctx, "File (.json or .csv):");
      const mode = await ctx.prompter.select({
        message: "How:",
        choices: [
          { value: "dry-run", name: "Dry run: report what would change, write nothing" },
          { value: "rows", name: "Import row by row (a bad row is reported, the others go in)" },
          { value: "atomic", name: "All or nothing" },
        ],
      });
      return importVenuesAction(ctx, file, { dryRun: mode === "dry-run", atomic: mode === "atomic" });
    },
  },
  {
    value: "export venues",
    name: "Export venues",
    command: "export venues",
    run: async (ctx) =>
      exportVenuesAction(ctx, {
        format: await ctx.prompter.select({
          message: "Format:",
          choices: [
            { value: "json", name: "JSON" },
            { value: "csv", name: "CSV" },
          ],
        }),
        output: await optional(ctx, "File to write (empty: print here):"),
      }),
  },
];

const account: MenuItem[] = [
  { value: "whoami", name: "Who am I", command: "whoami", run: (ctx) => whoamiAction(ctx) },
  { value: "login", name: "Sign in", command: "login", run: (ctx) => loginAction(ctx, {}) },
  { value: "logout", name: "Sign out", command: "logout", run: (ctx) => logoutAction(ctx) },
  { value: "config list", name: "Profiles (API URLs)", command: "config list", run: (ctx) => listProfilesAction(ctx) },
  {
    value: "config use",
    name: "Use another profile",
    command: "config use",
    run: async (ctx) =>
      useProfileAction(
        ctx,
        await ctx.prompter.select({ message: "Profile:", choices: ctx.profiles.names().map((n) => ({ value: n, name: n })) }),
      ),
  },
  {
    value: "config set-url",
    name: "Set this profile's API URL",
    command: "config set-url",
    run: async (ctx) => setUrlAction(ctx, await ask(ctx, "API URL:")),
  },
  {
    value: "completion",
    name: "Tab completion for the shell",
    command: "completion",
    run: async (ctx) => {
      const shell = await ctx.prompter.select({ message: "Shell:", choices: SHELLS.map((s) => ({ value: s, name: s })) });
      const line = `source <(venue-admin completion ${shell})`;
      return outcome(line, (out) => out.line(`add this line to ~/.${shell}rc:\n  ${line}`));
    },
  },
];

export const MENU_GROUPS: MenuGroup[] = [
  { value: "venues", name: "Venues", items: venues },
  { value: "bookings", name: "Bookings", items: bookings },
  { value: "users", name: "Users", items: users },
  { value: "transfer", name: "Import/export", items: transfer },
  { value: "account", name: "Account", items: account },
];
