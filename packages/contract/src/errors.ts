// Transport error codes (what HTTP itself can refuse) with their texts in uz, ru and en. Rule codes
// (SLOT_TAKEN, OUTSIDE_HOURS, ...) live in core; a problem's `code` is one of either list.
import { DOMAIN_ERROR_CODES, errorMessage, fillMessage, isLang } from "@venue-booking/core";
import type { DomainErrorCode, ErrorParams, Lang } from "@venue-booking/core";

const TRANSPORT_MESSAGES = {
  VALIDATION_FAILED: {
    en: "The request is not valid.",
    ru: "Запрос содержит ошибки.",
    uz: "So'rovda xatolar bor.",
  },
  MALFORMED_JSON: {
    en: "The request body is not valid JSON.",
    ru: "Тело запроса не является корректным JSON.",
    uz: "So'rov tanasi to'g'ri JSON emas.",
  },
  PAYLOAD_TOO_LARGE: {
    en: "The request body is larger than {limit}.",
    ru: "Тело запроса больше {limit}.",
    uz: "So'rov tanasi {limit} dan katta.",
  },
  METHOD_NOT_ALLOWED: {
    en: "This address does not accept {method}; it accepts {allow}.",
    ru: "Этот адрес не принимает {method}; он принимает {allow}.",
    uz: "Bu manzil {method} qabul qilmaydi; u {allow} qabul qiladi.",
  },
  NOT_FOUND: {
    en: "Not found.",
    ru: "Не найдено.",
    uz: "Topilmadi.",
  },
  PAGE_NOT_FOUND: {
    en: "There is no page {page}.",
    ru: "Страницы {page} нет.",
    uz: "{page}-sahifa yo'q.",
  },
  UNAUTHORIZED: {
    en: "Sign in to continue: the token is missing, invalid or expired.",
    ru: "Войдите, чтобы продолжить: токен отсутствует, недействителен или истёк.",
    uz: "Davom etish uchun kiring: token yo'q, yaroqsiz yoki muddati o'tgan.",
  },
  FORBIDDEN: {
    en: "You do not have permission to do this.",
    ru: "У вас нет прав на это действие.",
    uz: "Bu amal uchun ruxsatingiz yo'q.",
  },
  RATE_LIMITED: {
    en: "Too many requests. Try again in {seconds} s.",
    ru: "Слишком много запросов. Повторите через {seconds} с.",
    uz: "Juda ko'p so'rov. {seconds} soniyadan keyin qayta urinib ko'ring.",
  },
  SERVICE_UNAVAILABLE: {
    en: "The service is temporarily unavailable. Try again in a moment.",
    ru: "Сервис временно недоступен. Повторите чуть позже.",
    uz: "Xizmat vaqtincha ishlamayapti. Birozdan keyin qayta urinib ko'ring.",
  },
  INTERNAL: {
    en: "Something went wrong on our side.",
    ru: "На нашей стороне что-то пошло не так.",
    uz: "Bizning tomonda nimadir noto'g'ri ketdi.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TransportErrorCode = keyof typeof TRANSPORT_MESSAGES;
export const TRANSPORT_ERROR_CODES = Object.keys(TRANSPORT_MESSAGES) as TransportErrorCode[];

// Messages of rules that only request validation checks: they word an entry of a problem's
// `errors`, whose own code stays VALIDATION_FAILED.
const FIELD_RULE_MESSAGES = {
  REQUIRED: {
    en: "This field is required here.",
    ru: "Здесь это поле обязательно.",
    uz: "Bu yerda bu maydon majburiy.",
  },
  SESSION_OR_HOURS: {
    en: "A booking is either a place in a session (session_id) or a time at a venue (venue_id, booking_date, start_time, end_time), not both.",
    ru: "Бронирование — это либо место в сеансе (session_id), либо время на площадке (venue_id, booking_date, start_time, end_time), но не то и другое сразу.",
    uz: "Bron — bu yo seansdagi joy (session_id), yo maydondagi vaqt (venue_id, booking_date, start_time, end_time), ikkalasi birga emas.",
  },
  STATUS_OR_MOVE: {
    en: "A change is either a status (status, reason) or a move (booking_date, start_time, end_time, unit_id), not both.",
    ru: "Изменение — это либо статус (status, reason), либо перенос (booking_date, start_time, end_time, unit_id), но не то и другое сразу.",
    uz: "O'zgarish — bu yo holat (status, reason), yo ko'chirish (booking_date, start_time, end_time, unit_id), ikkalasi birga emas.",
  },
  ONE_OF_MOVE: {
    en: "Say where to move the booking: at least one of booking_date, start_time, end_time, unit_id.",
    ru: "Укажите, куда перенести бронирование: хотя бы одно из booking_date, start_time, end_time, unit_id.",
    uz: "Bronni qayerga ko'chirishni ayting: booking_date, start_time, end_time, unit_id dan kamida bittasi.",
  },
  WEEKS_OR_LAST_DATE: {
    en: "Give either weeks or last_date, one of them.",
    ru: "Укажите либо weeks, либо last_date — одно из двух.",
    uz: "weeks yoki last_date dan bittasini ko'rsating.",
  },
  INVALID_TEXT: {
    en: "The text contains a character that cannot be stored (a control character or an unpaired surrogate).",
    ru: "Текст содержит символ, который нельзя сохранить (управляющий символ или непарный суррогат).",
    uz: "Matnda saqlab bo'lmaydigan belgi bor (boshqaruv belgisi yoki juftsiz surrogat).",
  },
  PRICE_TOO_HIGH: {
    en: "The price per hour must be at most {max}.",
    ru: "Цена за час не может быть больше {max}.",
    uz: "Bir soatlik narx {max} dan oshmasligi kerak.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type FieldRuleCode = keyof typeof FIELD_RULE_MESSAGES;

export function isFieldRuleCode(code: string): code is FieldRuleCode {
  return Object.hasOwn(FIELD_RULE_MESSAGES, code);
}

/** The text of a field rule in a language, placeholders filled from params. */
export function fieldRuleText(code: FieldRuleCode, lang: Lang, params: ErrorParams = {}): string {
  return fillMessage(FIELD_RULE_MESSAGES[code][isLang(lang) ? lang : "ru"], params);
}

/** Every code a problem body can carry. */
export type ErrorCode = DomainErrorCode | TransportErrorCode;
export const ERROR_CODES: ErrorCode[] = [...TRANSPORT_ERROR_CODES, ...DOMAIN_ERROR_CODES];

export function isTransportErrorCode(code: string): code is TransportErrorCode {
  return Object.hasOwn(TRANSPORT_MESSAGES, code);
}

/** The text of any code in a language, placeholders filled from params. */
export function errorText(code: ErrorCode, lang: Lang, params: ErrorParams = {}): string {
  const l = isLang(lang) ? lang : "ru";
  return isTransportErrorCode(code) ? fillMessage(TRANSPORT_MESSAGES[code][l], params) : errorMessage(code, l, params);
}
