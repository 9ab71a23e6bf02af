// venues translate <id>: one language's texts, amenities in the order of the Russian ones.
import { VenueSchema, VenueUpdateSchema } from "@venue-booking/contract";
import type { VenueAllLanguages } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { check, langAnswer, parseId, parseLang } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getVenueAll } from "./get-venue.ts";
import { venueBody } from "./venue-flags.ts";
import type { VenueFlags } from "./venue-flags.ts";

export type TranslateOptions = { lang?: string; name?: string; address?: string; description?: string; amenities?: string };
type Field = "name" | "address" | "description" | "amenities";

/** On a terminal with no text flag given: every text of the language, the current one as the default. */
async function askTexts(ctx: CliContext, lang: Lang, current: VenueAllLanguages): Promise<TranslateOptions> {
  return {
    name: await ctx.prompter.input({ message: `Name (${lang}):`, default: current.name[lang] ?? "" }),
    address: await ctx.prompter.input({ message: `Address (${lang}):`, default: current.address[lang] ?? "" }),
    description: await ctx.prompter.input({ message: `Description (${lang}):`, default: current.description[lang] ?? "" }),
    amenities: await ctx.prompter.input({
      message: `Amenities (${lang}, comma-separated, in the order: ${current.amenities.map((a) => a.ru).join(", ")}):`,
      default: current.amenities.map((a) => a[lang] ?? "").join(", "),
    }),
  };
}

export async function translateVenueAction(ctx: CliContext, idArg: string, o: TranslateOptions): Promise<Outcome<VenueAllLanguages>> {
  const id = parseId(idArg);
  const lang = parseLang(await need(ctx, o.lang, "--lang", "Language (uz, ru, en):", langAnswer));
  const current = await getVenueAll(ctx, id);
  const none = o.name === undefined && o.address === undefined && o.description === undefined && o.amenities === undefined;
  const texts = ctx.interactive && none ? await askTexts(ctx, lang, current) : o;
  const suffix = lang === "ru" ? "Ru" : lang === "uz" ? "Uz" : "En";
  const flags: Record<string, string> = {};
  for (const field of ["name", "address", "description", "amenities"] as Field[]) {
    const v = texts[field];
    if (v !== undefined) flags[`${field}${suffix}`] = v;
  }
  const payload = check(VenueUpdateSchema, venueBody(flags as VenueFlags, current), "translation");
  if (Object.keys(payload).length === 0) throw new UsageError("nothing to translate: pass --name, --address, --description or --amenities");
  await ctx.api.patch(`/api/venues/${id}/`, payload, VenueSchema);
  const after = await getVenueAll(ctx, id);
  return outcome(after, (out) => out.line(`venue #${id}: ${lang} translation saved (${Object.keys(payload).join(", ")})`));
}

export function translateCommand(run: Runner): Command {
  return new Command("translate")
    .argument("<id>")
    .description("set one language's texts")
    .option("--lang <lang>", "uz, ru or en")
    .option("--name <text>")
    .option("--address <text>")
    .option("--description <text>")
    .option("--amenities <list>", "comma-separated, in the order of the Russian ones")
    .option("--json", "print JSON")
    .action((id: string, o: TranslateOptions & { json?: boolean }) => run((ctx) => translateVenueAction(ctx, id, o), o));
}
