// sessions update <id>: a new title, price per place or number of places; with no flag on a
// terminal, asks for each, an empty answer keeping what is there.
import { PriceSchema, SessionSchema, SessionUpdateSchema } from "@venue-booking/contract";
import type { SessionJson } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, parseId, parseInteger, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { ApiError, CliError, UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { formatMoney } from "../../output.ts";
import { maybe } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { mergeText } from "../venues/venue-flags.ts";
import { getSession, placesSold, sessionPlaces } from "./get-session.ts";

export type SessionUpdateFlags = { titleRu?: string; titleUz?: string; titleEn?: string; price?: string; capacity?: string };

const fields = SessionUpdateSchema.shape;

/** Every field, the current value named in the question; an empty answer keeps it. */
async function askChanges(ctx: CliContext, s: SessionJson): Promise<SessionUpdateFlags> {
  const l = ctx.lang;
  const title = fields.title.unwrap().shape.ru;
  const flags: SessionUpdateFlags = {};
  flags.titleRu = await maybe(ctx, undefined, t(l, "ask.newTitleRu", { title: s.title }), schemaAnswer(title, l, { optional: true }));
  // A title is sent whole, so its other languages are asked only along with a new Russian one.
  if (flags.titleRu) {
    flags.titleUz = await maybe(ctx, undefined, t(l, "ask.titleUz"), schemaAnswer(title, l, { optional: true }));
    flags.titleEn = await maybe(ctx, undefined, t(l, "ask.titleEn"), schemaAnswer(title, l, { optional: true }));
  }
  const price = formatMoney(s.price_per_place);
  flags.price = await maybe(ctx, undefined, t(l, "ask.newPricePerPlace", { price }), schemaAnswer(PriceSchema, l, { optional: true }));
  // A seated session has as many places as seats.
  if (!s.seats?.length) {
    const capacity = schemaAnswer(fields.capacity, l, { optional: true, integer: true });
    flags.capacity = await maybe(ctx, undefined, t(l, "ask.newSessionCapacity", { capacity: s.capacity }), capacity);
  }
  return flags;
}

function updateBody(f: SessionUpdateFlags, lang: Lang): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  const title = mergeText(undefined, f.titleRu, f.titleUz, f.titleEn);
  if (title) b.title = title;
  if (f.price !== undefined) b.price_per_place = f.price;
  const capacity = parseInteger(f.capacity, "--capacity", lang);
  if (capacity !== undefined) b.capacity = capacity;
  return b;
}

/** CAPACITY_BELOW_SOLD with how far the capacity may go down; any other error as it is. */
async function failWithSoldHint(ctx: CliContext, e: unknown, id: number): Promise<never> {
  if (e instanceof ApiError && e.problem?.code === "CAPACITY_BELOW_SOLD") {
    const s = await getSession(ctx, id);
    throw new CliError(t(ctx.lang, "fail.capacityBelowSold", { problem: e.message, sold: placesSold(s), capacity: s.capacity }));
  }
  throw e;
}

/** The session after the change; null when the questions were all left empty. */
export async function updateSessionAction(ctx: CliContext, idArg: string, f: SessionUpdateFlags): Promise<Outcome<SessionJson | null>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const given = Object.entries(f).some(([k, v]) => k !== "json" && v !== undefined);
  if ((f.titleUz !== undefined || f.titleEn !== undefined) && f.titleRu === undefined) throw new UsageError(t(l, "usage.titleWhole"));
  if (!given && !ctx.interactive) throw new UsageError(t(l, "usage.nothingToChange"));
  // Flags are checked before anything is read or asked.
  const flags = given ? f : await askChanges(ctx, await getSession(ctx, id));
  const payload = check(SessionUpdateSchema, updateBody(flags, l), "session", l);
  if (Object.keys(payload).length === 0) return outcome(null, (out) => out.line(t(l, "done.sessionUnchanged", { id })));
  const s = await ctx.api.patch(`/api/sessions/${id}/`, payload, SessionSchema).catch((e: unknown) => failWithSoldHint(ctx, e, id));
  return outcome(s, (out) =>
    out.line(t(l, "done.sessionUpdated", { id, title: s.title, price: formatMoney(s.price_per_place), places: sessionPlaces(s, l) })),
  );
}

export function updateCommand(run: Runner): Command {
  const cmd = new Command("update")
    .argument("<id>")
    .description("change a session's title, price per place or places (asks on a terminal without flags)");
  for (const l of LANGS) cmd.option(`--title-${l} <text>`, `title in ${l} (a new title replaces the old one in every language)`);
  return cmd
    .option("--price <amount>", "price per place, e.g. 30000.00")
    .option("--capacity <n>", "places sold in all; not below the places already booked")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin sessions update 7 --capacity 16 --price 35000\n  venue-admin sessions update 7 --title-ru "Открытая игра 8×8" --title-en "Open game 8-a-side"',
    )
    .action((id: string, o: SessionUpdateFlags & { json?: boolean }) => run((ctx) => updateSessionAction(ctx, id, o), o));
}
