import { describe, expect, it } from "vitest";
import { DomainError, DOMAIN_ERROR_CODES, errorMessage, isDomainError } from "../src/errors.ts";
import { isLang, LANGS, parseAcceptLanguage, pickTranslation } from "../src/i18n.ts";
import { isPhone, parsePhone } from "../src/phone.ts";

describe("Accept-Language", () => {
  it.each([
    [undefined, "ru"],
    [null, "ru"],
    ["", "ru"],
    ["en", "en"],
    ["uz", "uz"],
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["uz-Latn-UZ", "uz"],
    ["fr, uz;q=0.9", "uz"],
    ["en;q=0.5, uz;q=0.8", "uz"],
    ["en, uz", "en"],
    ["uz;q=0.7, en;q=0.7", "uz"],
    ["de, fr", "ru"],
    ["*", "ru"],
    ["en;q=0, uz;q=0.1", "uz"],
    ["en;q=0", "ru"],
    ["en;q=abc, uz;q=0.2", "uz"],
    ["en;q=2", "ru"],
    ["en; q=0.5; level=1", "en"],
    ["uz;level=1", "uz"],
    [",,;", "ru"],
    ["ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"],
  ] as const)("%j -> %s", (header, lang) => {
    expect(parseAcceptLanguage(header)).toBe(lang);
  });

  it("knows its languages", () => {
    expect(LANGS).toEqual(["uz", "ru", "en"]);
    expect(isLang("uz")).toBe(true);
    expect(isLang("fr")).toBe(false);
    expect(isLang(1)).toBe(false);
  });
});

describe("translations", () => {
  const name = { ru: "Стадион", uz: "Stadion", en: "" };
  it("picks the wanted language and falls back to ru", () => {
    expect(pickTranslation(name, "uz")).toBe("Stadion");
    expect(pickTranslation(name, "ru")).toBe("Стадион");
    expect(pickTranslation(name, "en")).toBe("Стадион");
    expect(pickTranslation({ ru: "Зал", en: null }, "en")).toBe("Зал");
    expect(pickTranslation({ ru: "Зал", en: "   " }, "en")).toBe("Зал");
  });
});

describe("phones", () => {
  it.each(["+998901234567", "+998000000000"])("accepts %s", (p) => {
    expect(isPhone(p)).toBe(true);
    expect(parsePhone(p)).toBe(p);
  });
  it.each([
    "998901234567",
    "+99890123456",
    "+9989012345678",
    "+998 90 123 45 67",
    "+7901234567",
    "+998９01234567",
    "+998901234567\n",
    " +998901234567",
    "",
  ])("rejects %j", (p) => {
    expect(isPhone(p)).toBe(false);
    expect(() => parsePhone(p)).toThrow(expect.objectContaining({ code: "INVALID_PHONE", field: "phone" }));
  });
});

describe("errors", () => {
  it("has a message in every language for every code", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      for (const lang of LANGS) expect(errorMessage(code, lang).length).toBeGreaterThan(3);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const e = new DomainError("OUTSIDE_HOURS", { params: { opening: "09:00", closing: "22:00" }, field: "start_time" });
    expect(e.message).toBe("The venue is open from 09:00 to 22:00.");
    expect(e.localized("ru")).toBe("Площадка работает с 09:00 до 22:00.");
    expect(e.localized("uz")).toContain("09:00");
    expect(errorMessage("TOO_SHORT", "en")).toContain("{minutes}");
    expect(e.field).toBe("start_time");
  });

  it("keeps the cause and is recognised by code", () => {
    const cause = new Error("23P01");
    const e = new DomainError("SLOT_TAKEN", { cause });
    expect(e.cause).toBe(cause);
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(e, "SLOT_TAKEN")).toBe(true);
    expect(isDomainError(e, "VENUE_NOT_FOUND")).toBe(false);
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(new DomainError("VENUE_NOT_FOUND").params).toEqual({});
  });
});
