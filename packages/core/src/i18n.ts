// Languages of the product and the choice among them from an Accept-Language header.

export const LANGS = ["uz", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "ru";

/** A text in up to three languages; ru is the one that must exist. */
export type Translated = { ru: string; uz?: string | null; en?: string | null };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header (RFC 9110 section 12.5.4):
 * the highest q wins, ties go to the earlier entry, regional tags count for their language
 * (`en-US` is `en`), `q=0` means "not this one", and `*` means the default.
 */
export function parseAcceptLanguage(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(",")) {
    const [rawTag = "", ...rawParams] = part.trim().split(";");
    const tag = rawTag.trim().toLowerCase();
    if (!tag) continue;
    // A malformed q makes the whole entry void rather than silently q=1.
    let q = 1;
    for (const p of rawParams) {
      const [key = "", value = ""] = p.split("=").map((x) => x.trim());
      if (key.toLowerCase() !== "q") continue;
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
    }
    if (q <= 0) continue;
    const base = tag.split("-")[0];
    const lang: Lang | undefined = tag === "*" ? DEFAULT_LANG : isLang(base) ? base : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}

/** The text in `lang`, falling back to Russian when that translation is missing or blank. */
export function pickTranslation(text: Translated, lang: Lang): string {
  const wanted = text[lang];
  return typeof wanted === "string" && wanted.trim() !== "" ? wanted : text.ru;
}
