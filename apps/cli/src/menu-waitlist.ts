// The menu's items for the waitlist and the messages to players: lists only, each asking for its
// filters (empty for all) and shown a page at a time.
import { idAnswer } from "./args.ts";
import { listNotificationsAction } from "./commands/notifications/index.ts";
import { listWaitlistAction, WAITLIST_STATUSES } from "./commands/waitlist/list.ts";
import { t } from "./i18n.ts";
import type { MenuItem } from "./menu-groups.ts";
import { optional, paged } from "./menu-steps.ts";

export const WAITLIST_ITEMS: MenuItem[] = [
  {
    value: "waitlist list",
    name: "item.waitlistList",
    command: "waitlist list",
    run: async (ctx) => {
      const venue = await optional(ctx, "ask.venueIdOrAll", idAnswer(ctx.lang));
      const status = await ctx.prompter.select({
        message: t(ctx.lang, "ask.status"),
        choices: [{ value: "", name: t(ctx.lang, "ask.anyStatus") }, ...WAITLIST_STATUSES.map((s) => ({ value: s, name: s }))],
      });
      return paged(ctx, (page) => listWaitlistAction(ctx, { venue, status: status || undefined, page }));
    },
  },
  {
    value: "notifications",
    name: "item.notifications",
    command: "notifications",
    run: async (ctx) => {
      const booking = await optional(ctx, "ask.bookingIdOrAll", idAnswer(ctx.lang));
      const user = booking === undefined ? await optional(ctx, "ask.userIdOrAll", idAnswer(ctx.lang)) : undefined;
      return paged(ctx, (page) => listNotificationsAction(ctx, { booking, user, page }));
    },
  },
];
