// venues translate <id>: one language's texts; amenities one for each Russian one, in its order.
import { VenueSchema, VenueUpdateSchema } from "@venue-booking/contract";
import type { VenueAllLanguages } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, collect, langAnswer, listFlag, parseId, parseLang } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { UsageError } from "../../errors.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getVenueAll } from "./get-venue.ts";
import { translateAmenities, venueBody } from "./venue-flags.ts";
import type { VenueFlags } from "./venue-flags.ts";

export type TranslateOptions = {
  lang?: string;
  name?: string;
  address?: string;
  description?: string;
  amenities?: string;
  /** Repeated `--amenity`: one text each, commas allowed. */
  amenity?: string[];
};

const commaItems = (v: string) => listFlag(v, undefined, ["--amenities", "--amenity"], "en", { keepEmpty: true }) ?? [];

/** On a terminal with no text flag given: every text of the language, the current one as the default. */
async function askTexts(ctx: CliContext, lang: Lang, current: VenueAllLanguages): Promise<TranslateOptions> {
  const l = ctx.lang;
  const texts: TranslateOptions = {
    name: await ctx.prompter.input({ message: t(l, "ask.trName", { lang }), default: current.name[lang] ?? "" }),
    address: await ctx.prompter.input({ message: t(l, "ask.trAddress", { lang }), default: current.address[lang] ?? "" }),
    description: await ctx.prompter.input({ message: t(l, "ask.trDescription", { lang }), default: current.description[lang] ?? "" }),
  };
  const n = current.amenities.length;
  if (n > 0) {
    const order = current.amenities.map((a) => a.ru).join(", ");
    texts.amenities = await ctx.prompter.input({
      message: t(l, "ask.trAmenities", { lang, order }),
      default: current.amenities.map((a) => a[lang] ?? "").join(", "),
      validate: (v) => commaItems(v).length === n || t(l, "answer.amenityCount", { n, order }),
    });
  }
  return texts;
}

export async function translateVenueAction(ctx: CliContext, idArg: string, o: TranslateOptions): Promise<Outcome<VenueAllLanguages>> {
  const id = parseId(idArg, ctx.lang);
  const lang = parseLang(await need(ctx, o.lang, "--lang", t(ctx.lang, "ask.translationLang"), langAnswer(ctx.lang)), ctx.lang);
  const given = [o.name, o.address, o.description, o.amenities, o.amenity].some((v) => v !== undefined);
  // Both amenity forms at once are a usage error before anything is read from the API.
  const amenityTexts = listFlag(o.amenities, o.amenity, ["--amenities", "--amenity"], ctx.lang, { keepEmpty: true });
  const current = await getVenueAll(ctx, id);
  const texts = ctx.interactive && !given ? await askTexts(ctx, lang, current) : o;
  const suffix = lang === "ru" ? "Ru" : lang === "uz" ? "Uz" : "En";
  const flags: VenueFlags = {};
  for (const field of ["name", "address", "description"] as const) {
    const v = texts[field];
    if (v !== undefined) flags[`${field}${suffix}`] = v;
  }
  const body = venueBody(flags, ctx.lang, current);
  const items = texts === o ? amenityTexts : texts.amenities === undefined ? undefined : commaItems(texts.amenities);
  // A translation never adds, drops or reorders amenities: that is `venues update --amenities-ru`.
  if (items) body.amenities = translateAmenities(current.amenities, lang, items, o.amenity ? "--amenity" : "--amenities", ctx.lang);
  const payload = check(VenueUpdateSchema, body, "translation", ctx.lang);
  if (Object.keys(payload).length === 0) throw new UsageError(t(ctx.lang, "usage.nothingToTranslate"));
  await ctx.api.patch(`/api/venues/${id}/`, payload, VenueSchema);
  const after = await getVenueAll(ctx, id);
  return outcome(after, (out) => out.line(t(ctx.lang, "done.translationSaved", { id, lang, fields: Object.keys(payload).join(", ") })));
}

export function translateCommand(run: Runner): Command {
  return new Command("translate")
    .argument("<id>")
    .description("set one language's texts")
    .option("--lang <lang>", "uz, ru or en")
    .option("--name <text>")
    .option("--address <text>")
    .option("--description <text>")
    .option("--amenities <list>", "comma-separated, one for each Russian amenity in its order (an empty item removes that translation)")
    .option("--amenity <text>", "one amenity's text; repeat the flag, one for each Russian amenity in its order", collect)
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin venues translate 15 --lang uz --name "Navro\'z maydoni" --amenities "Dush,Kafe"\n  venue-admin venues translate 15 --lang en --amenity "Shower" --amenity "Cafe, bar"',
    )
    .action((id: string, o: TranslateOptions & { json?: boolean }) => run((ctx) => translateVenueAction(ctx, id, o), o));
}
