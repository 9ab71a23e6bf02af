// The small steps the menu's items are made of: a question, an optional answer, a list page by page.
import type { Page } from "@venue-booking/contract";
import { PAGE_SIZE } from "@venue-booking/core";
import type { CliContext } from "./context.ts";
import { t } from "./i18n.ts";
import type { MessageKey } from "./i18n.ts";
import { present } from "./runner.ts";
import type { Outcome } from "./runner.ts";

export const ask = (ctx: CliContext, message: MessageKey) => ctx.prompter.input({ message: t(ctx.lang, message) });

/** An answer that may be left empty (undefined then), checked as typed when not empty. */
export const optional = async (ctx: CliContext, message: MessageKey, validate?: (v: string) => true | string) =>
  (await ctx.prompter.input({
    message: t(ctx.lang, message),
    default: "",
    ...(validate ? { validate: (v: string) => v === "" || validate(v) } : {}),
  })) || undefined;

/** A list shown a page at a time, with "next page" and "previous page" while there are more. */
export async function paged(ctx: CliContext, list: (page: string) => Promise<Outcome<Page<unknown>>>): Promise<undefined> {
  for (let n = 1; ;) {
    const page = present(ctx.out, await list(String(n)), false);
    const last = Math.max(1, Math.ceil(page.count / PAGE_SIZE));
    const moves = [
      ...(page.next ? [{ value: "next", name: t(ctx.lang, "menu.nextPage") }] : []),
      ...(n > 1 ? [{ value: "previous", name: t(ctx.lang, "menu.previousPage") }] : []),
    ];
    if (!moves.length) return undefined;
    const move = await ctx.prompter.select({
      message: t(ctx.lang, "menu.page", { n, last }),
      choices: [...moves, { value: "back", name: t(ctx.lang, "menu.back") }],
    });
    if (move === "back") return undefined;
    n += move === "next" ? 1 : -1;
  }
}
