// Non-error texts of the API in the three languages.
import type { Lang } from "@venue-booking/core";

export const MESSAGES = {
  OTP_SENT: { en: "The code has been sent.", ru: "Код отправлен.", uz: "Kod yuborildi." },
} as const satisfies Record<string, Record<Lang, string>>;

export function message(key: keyof typeof MESSAGES, lang: Lang): string {
  return MESSAGES[key][lang];
}
