// Small builders for the data-layer tests.
import type { Repositories, VenueInput } from "../src/index.ts";

/** 10:00 on 2026-11-21 in Tashkent: every booking in these tests is on a later day. */
export const NOW = new Date("2026-11-21T05:00:00Z");
export const DAY = "2026-11-25";

export function venueInput(over: Partial<VenueInput> = {}): VenueInput {
  return {
    name: { ru: "Стадион Пахтакор", uz: "Paxtakor stadioni", en: "Pakhtakor Stadium" },
    address: { ru: "ул. Навои, 1", uz: "Navoiy ko'chasi, 1", en: "1 Navoi St" },
    description: { ru: "Футбольное поле", uz: "Futbol maydoni", en: "Football pitch" },
    amenities: [{ ru: "Душ", uz: "Dush", en: "Shower" }],
    pricePerHour: "150000.00",
    images: ["https://example.com/a.jpg"],
    ...over,
  };
}

let phoneSeq = 100_000_000;
export function nextPhone(): string {
  phoneSeq += 1;
  return `+998${String(phoneSeq).padStart(9, "0")}`;
}

export async function newUser(repos: Repositories, admin = false) {
  return (await repos.users.signIn(nextPhone(), { admin })).user;
}
