// The texts of players' messages, in their language (uz, ru or en; Russian when they have none).
import { isLang } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { ClaimedNotification, NotificationKind } from "@venue-booking/db";

const TEXTS: Record<NotificationKind, Record<Lang, string>> = {
  confirmed: {
    ru: "Бронь {ref} подтверждена: {venue}, {date} {start}-{end}.",
    uz: "{ref} broni tasdiqlandi: {venue}, {date} {start}-{end}.",
    en: "Booking {ref} is confirmed: {venue}, {date} {start}-{end}.",
  },
  cancelled: {
    ru: "Бронь {ref} отменена: {venue}, {date} {start}-{end}.{why}",
    uz: "{ref} broni bekor qilindi: {venue}, {date} {start}-{end}.{why}",
    en: "Booking {ref} is cancelled: {venue}, {date} {start}-{end}.{why}",
  },
  moved: {
    ru: "Бронь {ref} перенесена: теперь {venue}, {date} {start}-{end}.",
    uz: "{ref} broni ko'chirildi: endi {venue}, {date} {start}-{end}.",
    en: "Booking {ref} was moved: now {venue}, {date} {start}-{end}.",
  },
  offered: {
    ru: "Освободилось время, которого вы ждали: {venue}, {date} {start}-{end}. Бронь {ref} держится за вами недолго: сохраните её в приложении.",
    uz: "Siz kutgan vaqt bo'shadi: {venue}, {date} {start}-{end}. {ref} broni siz uchun qisqa muddat saqlanadi: uni ilovada saqlab qoling.",
    en: "The time you waited for is free: {venue}, {date} {start}-{end}. Booking {ref} is held for you briefly: keep it in the app.",
  },
  reminder: {
    ru: "Напоминание: {venue}, {date} в {start} (бронь {ref}).",
    uz: "Eslatma: {venue}, {date} soat {start} da ({ref} broni).",
    en: "Reminder: {venue}, {date} at {start} (booking {ref}).",
  },
};

// Why a booking was cancelled, for the reasons the system writes; an admin's own words are quoted.
const SYSTEM_REASONS: Record<string, Record<Lang, string>> = {
  hold_expired: {
    ru: " Площадка не подтвердила её вовремя.",
    uz: " Maydon uni o'z vaqtida tasdiqlamadi.",
    en: " The venue did not confirm it in time.",
  },
  "offer lapsed": { ru: " Время, чтобы сохранить её, вышло.", uz: " Uni saqlab qolish vaqti tugadi.", en: " The time to keep it ran out." },
  "session cancelled": { ru: " Сеанс отменён.", uz: " Seans bekor qilindi.", en: " The session was cancelled." },
  "series cancelled": { ru: " Серия отменена.", uz: " Seriya bekor qilindi.", en: " The series was cancelled." },
};
const CLOSED: Record<Lang, string> = {
  ru: " Площадка закрыта: {reason}.",
  uz: " Maydon yopiq: {reason}.",
  en: " The venue is closed: {reason}.",
};
const QUOTED: Record<Lang, string> = { ru: " Причина: {reason}.", uz: " Sabab: {reason}.", en: " Reason: {reason}." };

function whyText(reason: string | null, lang: Lang): string {
  if (!reason) return "";
  const known = SYSTEM_REASONS[reason];
  if (known) return known[lang];
  // a closure's cancellations say "closure: <its reason>"
  const closure = /^closure: (.*)$/s.exec(reason)?.[1];
  return closure === undefined ? QUOTED[lang].replace("{reason}", reason) : CLOSED[lang].replace("{reason}", closure);
}

/** The message's text in the user's language, or null when its booking is gone. */
export function messageText(n: ClaimedNotification): string | null {
  const b = n.booking;
  if (!b) return null;
  const lang: Lang = n.language && isLang(n.language) ? n.language : "ru";
  const why = n.kind === "cancelled" ? whyText(n.reason, lang) : "";
  const fields: Record<string, string> = {
    ref: b.reference,
    venue: b.venueName[lang] || b.venueName.ru,
    date: b.date,
    start: b.start,
    end: b.end,
    why,
  };
  return TEXTS[n.kind][lang].replace(/\{(\w+)\}/g, (whole, k: string) => fields[k] ?? whole);
}
