// The flags of `venues create` and `venues update`, and the request body they make, merged with
// the venue as it is so that one language can change without losing the others.
import type { TranslatedText, VenueAllLanguages } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import type { Command } from "commander";
import { commaList } from "../../args.ts";

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
  for (const l of LANGS) cmd.option(`--amenities-${l} <list>`, `amenities in ${l}, comma-separated`);
  return cmd
    .option("--price <amount>", "price per hour, e.g. 150000.00")
    .option("--opening <HH:MM>", "opening time (default 09:00)")
    .option("--closing <HH:MM>", "closing time (default 22:00)")
    .option("--images <urls>", "image URLs, comma-separated")
    .option("--active", "active (default for new venues)")
    .option("--no-active", "inactive")
    .option("--json", "print JSON");
}

function text(base: TranslatedText | undefined, ru?: string, uz?: string, en?: string): TranslatedText | undefined {
  if (ru === undefined && uz === undefined && en === undefined) return undefined;
  const out: TranslatedText = { ...(base ?? { ru: "" }) };
  if (ru !== undefined) out.ru = ru;
  if (uz !== undefined) out.uz = uz;
  if (en !== undefined) out.en = en;
  return out;
}

/** Amenities from comma lists per language, matched by position. */
function amenities(base: TranslatedText[] | undefined, f: VenueFlags): TranslatedText[] | undefined {
  const by = { ru: commaList(f.amenitiesRu), uz: commaList(f.amenitiesUz), en: commaList(f.amenitiesEn) };
  if (!by.ru && !by.uz && !by.en) return undefined;
  const n = Math.max(by.ru?.length ?? 0, by.uz?.length ?? 0, by.en?.length ?? 0, by.ru ? 0 : (base?.length ?? 0));
  return Array.from({ length: n }, (_, i) => {
    const t: TranslatedText = { ...(base?.[i] ?? { ru: "" }) };
    for (const l of LANGS) {
      const v = by[l]?.[i];
      if (v !== undefined) t[l] = v;
    }
    return t;
  }).filter((t) => t.ru !== "");
}

/** The fields the flags set, each language merged into `current`; checked by the caller with the contract's schema. */
export function venueBody(f: VenueFlags, current?: VenueAllLanguages): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) b[k] = v;
  };
  set("name", text(current?.name, f.nameRu, f.nameUz, f.nameEn));
  set("address", text(current?.address, f.addressRu, f.addressUz, f.addressEn));
  set("description", text(current?.description, f.descriptionRu, f.descriptionUz, f.descriptionEn));
  set("amenities", amenities(current?.amenities, f));
  set("price_per_hour", f.price);
  set("opening_time", f.opening);
  set("closing_time", f.closing);
  set("images", commaList(f.images));
  set("is_active", f.active);
  return b;
}
