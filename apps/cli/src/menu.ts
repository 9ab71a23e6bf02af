// `venue-admin` with no command on a terminal: a menu that reaches every command.
import { loginAction } from "./commands/auth/login.ts";
import { logoutAction } from "./commands/auth/logout.ts";
import { whoamiAction } from "./commands/auth/whoami.ts";
import { listBookingsAction } from "./commands/bookings/list.ts";
import { setStatusAction } from "./commands/bookings/set-status.ts";
import { showBookingAction } from "./commands/bookings/show.ts";
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
import { present } from "./runner.ts";
import type { Outcome } from "./runner.ts";

type Item = { value: string; name: string; run: (ctx: CliContext) => Promise<Outcome<unknown>> };

const ask = (ctx: CliContext, message: string) => ctx.prompter.input({ message });
const optional = async (ctx: CliContext, message: string) => (await ctx.prompter.input({ message, default: "" })) || undefined;

export const MENU: Item[] = [
  {
    value: "venues list",
    name: "Venues: list",
    run: async (ctx) => listVenuesAction(ctx, { search: await optional(ctx, "Search (empty for all):"), inactive: true }),
  },
  { value: "venues show", name: "Venues: show one", run: async (ctx) => showVenueAction(ctx, await ask(ctx, "Venue id:")) },
  { value: "venues create", name: "Venues: create", run: (ctx) => createVenueAction(ctx, {}) },
  {
    value: "venues update",
    name: "Venues: change price or hours",
    run: async (ctx) =>
      updateVenueAction(ctx, await ask(ctx, "Venue id:"), {
        price: await optional(ctx, "New price per hour (empty: keep):"),
        opening: await optional(ctx, "New opening time HH:MM (empty: keep):"),
        closing: await optional(ctx, "New closing time HH:MM (empty: keep):"),
      }),
  },
  { value: "venues translate", name: "Venues: translate", run: async (ctx) => translateVenueAction(ctx, await ask(ctx, "Venue id:"), {}) },
  {
    value: "venues images add",
    name: "Venues: add an image",
    run: async (ctx) => imagesAction(ctx, "add", await ask(ctx, "Venue id:"), [await ask(ctx, "Image URL:")]),
  },
  {
    value: "venues images remove",
    name: "Venues: remove an image",
    run: async (ctx) => imagesAction(ctx, "remove", await ask(ctx, "Venue id:"), [await ask(ctx, "Image URL:")]),
  },
  {
    value: "venues availability",
    name: "Venues: free hours of a day",
    run: async (ctx) => availabilityAction(ctx, await ask(ctx, "Venue id:"), {}),
  },
  { value: "venues delete", name: "Venues: deactivate", run: async (ctx) => deleteVenueAction(ctx, await ask(ctx, "Venue id:"), {}) },
  {
    value: "bookings list",
    name: "Bookings: list",
    run: async (ctx) =>
      listBookingsAction(ctx, {
        status: await optional(ctx, "Status (empty for all):"),
        date: await optional(ctx, "Date YYYY-MM-DD (empty for all):"),
      }),
  },
  { value: "bookings show", name: "Bookings: show one", run: async (ctx) => showBookingAction(ctx, await ask(ctx, "Booking id:")) },
  { value: "bookings set-status", name: "Bookings: change status", run: (ctx) => setStatusAction(ctx, undefined, undefined, {}) },
  {
    value: "users list",
    name: "Users: list",
    run: async (ctx) => listUsersAction(ctx, { search: await optional(ctx, "Search (empty for all):") }),
  },
  ...(Object.keys(USER_CHANGES) as UserChange[]).map((change) => ({
    value: `users ${change}`,
    name: `Users: ${change}`,
    run: async (ctx: CliContext) => changeUserAction(ctx, change, await ask(ctx, "Phone or id:")),
  })),
  {
    value: "import venues",
    name: "Import venues from a file",
    run: async (ctx) => importVenuesAction(ctx, await ask(ctx, "File (.json or .csv):"), {}),
  },
  {
    value: "export venues",
    name: "Export venues",
    run: async (ctx) =>
      exportVenuesAction(ctx, {
        format: await ctx.prompter.select({
          message: "Format:",
          choices: [
            { value: "json", name: "JSON" },
            { value: "csv", name: "CSV" },
          ],
        }),
      }),
  },
  { value: "whoami", name: "Who am I", run: (ctx) => whoamiAction(ctx) },
  { value: "login", name: "Sign in", run: (ctx) => loginAction(ctx, {}) },
  { value: "logout", name: "Sign out", run: (ctx) => logoutAction(ctx) },
];

/** Shows the menu until "quit"; a failed step prints its error and the menu comes back. */
export async function runMenu(ctx: CliContext, onError: (e: unknown) => void): Promise<void> {
  for (;;) {
    const choice = await ctx.prompter.select({
      message: "venue-admin: what would you like to do?",
      choices: [...MENU.map(({ value, name }) => ({ value, name })), { value: "quit", name: "Quit" }],
    });
    if (choice === "quit") return;
    const item = MENU.find((m) => m.value === choice);
    if (!item) continue;
    try {
      present(ctx.out, await item.run(ctx), false);
    } catch (e) {
      onError(e);
    }
  }
}
