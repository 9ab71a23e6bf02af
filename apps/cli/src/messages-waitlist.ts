// The CLI's messages of the waitlist (players waiting for a taken time) and of the messages sent to
// players, in each language of the product; merged into MESSAGES.
import type { Lang } from "@venue-booking/core";

export const WAITLIST_MESSAGES = {
  // questions
  "ask.bookingIdOrAll": {
    en: "Booking id (empty for all):",
    ru: "Номер бронирования (пусто — все):",
    uz: "Bron raqami (bo'sh — hammasi):",
  },
  "ask.userIdOrAll": {
    en: "Player's id (empty for all):",
    ru: "Номер игрока (пусто — все):",
    uz: "O'yinchi raqami (bo'sh — hammasi):",
  },

  // lists
  "col.offered": { en: "Offered booking", ru: "Предложенная бронь", uz: "Taklif qilingan bron" },
  "col.messageText": { en: "Text or last error", ru: "Текст или последняя ошибка", uz: "Matn yoki oxirgi xato" },
  "cell.anyUnit": { en: "any", ru: "любой", uz: "istalgan" },
  "cell.offeredUntil": { en: "{booking} until {until}", ru: "{booking} до {until}", uz: "{booking}, {until} gacha" },
  "cell.user": { en: "user #{id}", ru: "пользователь #{id}", uz: "#{id} foydalanuvchi" },
  "list.noWaitlist": {
    en: "no waitlist entries match",
    ru: "подходящих записей в листе ожидания нет",
    uz: "mos kutish ro'yxati yozuvlari yo'q",
  },
  "list.noNotifications": { en: "no messages match", ru: "подходящих сообщений нет", uz: "mos xabarlar yo'q" },
  "noun.waitlist": { en: "waitlist entry", ru: "записи в листе ожидания", uz: "kutish ro'yxati yozuvlari" },
  "noun.notification": { en: "message", ru: "сообщения", uz: "xabarlar" },

  // the menu
  "group.waitlist": { en: "Waitlist and messages", ru: "Лист ожидания и сообщения", uz: "Kutish ro'yxati va xabarlar" },
  "item.waitlistList": {
    en: "Who is waiting for a taken time, and the offers made",
    ru: "Кто ждёт занятое время, и сделанные предложения",
    uz: "Band vaqtni kim kutmoqda va qilingan takliflar",
  },
  "item.notifications": {
    en: "Messages to players (SMS): what was sent, and what failed",
    ru: "Сообщения игрокам (SMS): что отправлено и что нет",
    uz: "O'yinchilarga xabarlar (SMS): nima yuborildi va nima yuborilmadi",
  },
} as const satisfies Record<string, Record<Lang, string>>;
