// The flags of `venues create` and `venues update`, and the request body they make, merged with
// the venue as it is so that one language can change without losing the others.
import type { TranslatedText, VenueAllLanguages } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Command } from "commander";
import { collect, commaList, listFlag } from "../../args.ts";
import { UsageError } from "../../errors.ts";
import { t as tr } from "../../i18n.ts";

export type VenueFlags = {
  nameRu?: string;
  nameUz?: string;
  nameEn?: string;
  addressRu?: string;
  addressUz?: string;
  addressEn?: string;
  descriptionRu?: string;
  descriptionUz?: string;
  descriptionEn?: string;
  amenitiesRu?: string;
  amenitiesUz?: string;
  amenitiesEn?: string;
  /** Repeated `--amenity-ru`: one amenity each, commas allowed. */
  amenityRu?: string[];
  amenityUz?: string[];
  amenityEn?: string[];
  price?: string;
  opening?: string;
  closing?: string;
  images?: string;
  active?: boolean;
};

export function venueOptions(cmd: Command): Command {
  for (const field of ["name", "address", "description"]) {
    for (const l of LANGS) cmd.option(`--${field}-${l} <text>`, `${field} in ${l}`);
  }
  cmd.option(
    "--amenities-ru <list>",
    "the amenities, comma-separated (replaces the list; items kept by their Russian text keep their translations)",
  );
  cmd.option("--amenity-ru <text>", "one amenity; repeat the flag for each (an amenity may hold a comma)", collect);
  for (const l of ["uz", "en"] as const) {
    cmd.option(`--amenities-${l} <list>`, `amenities in ${l}, comma-separated, one for each Russian amenity in its order`);
    cmd.option(`--amenity-${l} <text>`, `one amenity in ${l}; repeat the flag, one for each Russian amenity`, collect);
  }
  return cmd
    .option("--price <amount>", "price per hour, e.g. 150000.00")
    .option("--opening <HH:MM>", "opening time (default 09:00)")
    .option("--closing <HH:MM>", "closing time (default 22:00)")
    .option("--images <urls>", "image URLs, comma-separated")
    .option("--active", "active (default for new venues)")
    .option("--no-active", "inactive")
    .option("--json", "print JSON");
}

/** The languages given, merged into `base`; undefined when none is given. */
export function mergeText(base: TranslatedText | undefined, ru?: string, uz?: string, en?: string): TranslatedText | undefined {
  if (ru === undefined && uz === undefined && en === undefined) return undefined;
  const out: TranslatedText = { ...(base ?? { ru: "" }) };
  if (ru !== undefined) out.ru = ru;
  if (uz !== undefined) out.uz = uz;
  if (en !== undefined) out.en = en;
  return out;
}

/** Russian texts that mean the same item: spacing and letter case aside. */
const sameItem = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("ru");

/**
 * A new Russian list of amenities as whole items: an item whose Russian text was there before keeps
 * its translations; a new one has none until translated; a removed one takes its translations away.
 */
function relistAmenities(current: readonly TranslatedText[], ru: readonly string[]): TranslatedText[] {
  const before = new Map<string, TranslatedText>();
  for (const a of current) if (!before.has(sameItem(a.ru))) before.set(sameItem(a.ru), a);
  return ru.map((text) => ({ ...before.get(sameItem(text)), ru: text }));
}

/**
 * One language's texts for the amenities as they are, one for each in their order; any other count
 * is refused (it could only pair texts with the wrong items). An empty text removes that translation.
 */
export function translateAmenities(
  items: readonly TranslatedText[],
  lang: Lang,
  texts: readonly string[],
  flag: string,
  ui: Lang,
): TranslatedText[] {
  if (texts.length !== items.length) {
    const list = items.length ? `: ${items.map((a) => a.ru).join(" | ")}` : "";
    const key = texts.length === 1 ? "usage.amenityCountOne" : "usage.amenityCount";
    throw new UsageError(tr(ui, key, { flag, given: texts.length, have: items.length, list }));
  }
  return items.map((a, i) => {
    const t: TranslatedText = { ...a };
    const v = texts[i] ?? "";
    if (lang === "ru" || v !== "") t[lang] = v;
    else delete t[lang];
    return t;
  });
}

/** Amenities from the flags: the Russian list first (matched by text), then translations by position. */
function amenities(current: readonly TranslatedText[] | undefined, f: VenueFlags, lang: Lang): TranslatedText[] | undefined {
  const ru = listFlag(f.amenitiesRu, f.amenityRu, ["--amenities-ru", "--amenity-ru"], lang);
  const uz = listFlag(f.amenitiesUz, f.amenityUz, ["--amenities-uz", "--amenity-uz"], lang, { keepEmpty: true });
  const en = listFlag(f.amenitiesEn, f.amenityEn, ["--amenities-en", "--amenity-en"], lang, { keepEmpty: true });
  if (!ru && !uz && !en) return undefined;
  let items = ru ? relistAmenities(current ?? [], ru) : (current ?? []).map((a) => ({ ...a }));
  if (uz) items = translateAmenities(items, "uz", uz, f.amenityUz ? "--amenity-uz" : "--amenities-uz", lang);
  if (en) items = translateAmenities(items, "en", en, f.amenityEn ? "--amenity-en" : "--amenities-en", lang);
  return items;
}

/** The fields the flags set, each language merged into `current`; checked by the caller with the contract's schema. */
export function venueBody(f: VenueFlags, lang: Lang, current?: VenueAllLanguages): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) b[k] = v;
  };
  set("name", mergeText(current?.name, f.nameRu, f.nameUz, f.nameEn));
  set("address", mergeText(current?.address, f.addressRu, f.addressUz, f.addressEn));
  set("description", mergeText(current?.description, f.descriptionRu, f.descriptionUz, f.descriptionEn));
  set("amenities", amenities(current?.amenities, f, lang));
  set("price_per_hour", f.price);
  set("opening_time", f.opening);
  set("closing_time", f.closing);
  set("images", commaList(f.images));
  set("is_active", f.active);
  return b;
}
