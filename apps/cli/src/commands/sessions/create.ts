// sessions create <venue-id>: a game, class or screening at a fixed time on one of the venue's units,
// selling places or numbered seats. On a terminal it asks for what the flags did not give, checking
// each answer as it is typed; without one, a missing value is a usage error before anything is sent.
import { PriceSchema, SessionCreateSchema, SessionSchema } from "@venue-booking/contract";
import type { SessionJson } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, dateAnswer, parseId, parseInteger, schemaAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { maybe, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getVenueAll } from "../venues/get-venue.ts";
import { pickUnit } from "../venues/units/venue-units.ts";
import { mergeText } from "../venues/venue-flags.ts";
import { sessionPlaces, sessionWhen } from "./get-session.ts";
import { parseSeats, seatsAnswer } from "./seats.ts";

export type SessionCreateFlags = {
  unit?: string;
  titleRu?: string;
  titleUz?: string;
  titleEn?: string;
  date?: string;
  start?: string;
  end?: string;
  capacity?: string;
  price?: string;
  seats?: string;
};

const fields = SessionCreateSchema.shape;

/** The unit: --unit, or on a terminal one chosen from the venue's active units. */
async function unitId(ctx: CliContext, venueId: number, flag: string | undefined): Promise<number> {
  if (flag !== undefined && flag !== "") return parseId(flag, ctx.lang, "--unit");
  if (!ctx.interactive) throw new UsageError(t(ctx.lang, "usage.missing", { flag: "--unit" }));
  return (await pickUnit(ctx, await getVenueAll(ctx, venueId), undefined)).id;
}

type Places = { capacity?: number; seats?: string[] };

/** Places from the flags, checked before anything is asked: --capacity, --seats, or both when they agree. */
function placesFlags(f: SessionCreateFlags, lang: Lang): Places {
  const capacity = parseInteger(f.capacity, "--capacity", lang);
  const seats = parseSeats(f.seats, lang);
  if (seats && capacity !== undefined && capacity !== seats.length)
    throw new UsageError(t(lang, "usage.capacityNotSeats", { capacity, n: seats.length }));
  return { ...(capacity === undefined ? {} : { capacity }), ...(seats ? { seats } : {}) };
}

/** On a terminal with neither flag: numbered seats first, else a number of places. */
async function askPlaces(ctx: CliContext): Promise<Places> {
  const l = ctx.lang;
  if (!ctx.interactive) throw new UsageError(t(l, "usage.missingEither", { a: "--capacity", b: "--seats" }));
  const seats = parseSeats(await maybe(ctx, undefined, t(l, "ask.seats"), seatsAnswer(l)), l);
  if (seats?.length) return { seats };
  const capacity = await need(
    ctx,
    undefined,
    "--capacity",
    t(l, "ask.sessionCapacity"),
    schemaAnswer(fields.capacity, l, { integer: true }),
  );
  return { capacity: Number(capacity) };
}

export async function createSessionAction(ctx: CliContext, venueArg: string, f: SessionCreateFlags): Promise<Outcome<SessionJson>> {
  const l = ctx.lang;
  const venueId = parseId(venueArg, l);
  const given = placesFlags(f, l);
  const titleText = fields.title.shape.ru;
  const optionalTitle = schemaAnswer(titleText, l, { optional: true });
  const titleRu = await need(ctx, f.titleRu, "--title-ru", t(l, "ask.titleRu"), schemaAnswer(titleText, l));
  const titleUz = await maybe(ctx, f.titleUz, t(l, "ask.titleUz"), optionalTitle);
  const titleEn = await maybe(ctx, f.titleEn, t(l, "ask.titleEn"), optionalTitle);
  const unit = await unitId(ctx, venueId, f.unit);
  const date = await need(ctx, f.date, "--date", t(l, "ask.date"), dateAnswer(l));
  const start = await need(ctx, f.start, "--start", t(l, "ask.startTime"), schemaAnswer(fields.start_time, l));
  const end = await need(ctx, f.end, "--end", t(l, "ask.endTime"), schemaAnswer(fields.end_time, l));
  const places = given.capacity !== undefined || given.seats ? given : await askPlaces(ctx);
  const price = await need(ctx, f.price, "--price", t(l, "ask.pricePerPlace"), schemaAnswer(PriceSchema, l));
  const body = {
    unit_id: unit,
    title: mergeText(undefined, titleRu, titleUz, titleEn),
    booking_date: date,
    start_time: start,
    end_time: end,
    ...places,
    price_per_place: price,
  };
  const payload = check(SessionCreateSchema, body, "session", l);
  const s = await ctx.api.post(`/api/venues/${venueId}/sessions/`, payload, SessionSchema);
  return outcome(s, (out) =>
    out.line(
      t(l, "done.sessionCreated", { id: s.id, title: s.title, venue: s.venue_id, when: sessionWhen(s), places: sessionPlaces(s, l) }),
    ),
  );
}

export function createCommand(run: Runner): Command {
  const cmd = new Command("create")
    .argument("<venue-id>")
    .description("create a session: a game, class or screening that holds a unit and sells places or numbered seats (asks on a terminal)")
    .option("--unit <id>", "the unit it holds (see venues units list)");
  for (const l of LANGS) cmd.option(`--title-${l} <text>`, `title in ${l}${l === "ru" ? "" : " (optional)"}`);
  return cmd
    .option("--date <YYYY-MM-DD>")
    .option("--start <HH:MM>", "start time")
    .option("--end <HH:MM>", "end time")
    .option("--capacity <n>", "places sold (with --seats: their number, may be left out)")
    .option("--price <amount>", "price per place, e.g. 30000.00")
    .option("--seats <labels>", "numbered seats, comma-separated, with ranges: A1-A10,B1-B10")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin sessions create 15 --unit 4 --title-ru "Открытая игра 7×7" --title-en "Open game" --date 2026-12-04 --start 20:00 --end 21:30 --capacity 14 --price 30000\n  venue-admin sessions create 15 --unit 6 --title-ru "Кино под звёздами" --date 2026-12-05 --start 19:00 --end 21:00 --seats A1-A10,B1-B10 --price 50000',
    )
    .action((venueId: string, o: SessionCreateFlags & { json?: boolean }) => run((ctx) => createSessionAction(ctx, venueId, o), o));
}
