// The one error type of the domain: a closed list of rule codes, each with a message in uz, ru and
// en. No HTTP here: transport codes (UNAUTHORIZED, RATE_LIMITED, ...) live in the contract, and the
// API maps every code to a status in one table of its own.
import type { Lang } from "./i18n.ts";

type Messages = Record<Lang, string>;

// Messages may hold {placeholders} filled from the error's params.
const MESSAGES = {
  INVALID_DATE: {
    en: "Invalid date: expected a real calendar date as YYYY-MM-DD.",
    ru: "Неверная дата: ожидается существующая дата в формате ГГГГ-ММ-ДД.",
    uz: "Sana noto'g'ri: YYYY-MM-DD ko'rinishidagi haqiqiy sana kutilmoqda.",
  },
  INVALID_TIME: {
    en: "Invalid time: expected HH:MM or HH:MM:SS with zero seconds.",
    ru: "Неверное время: ожидается ЧЧ:ММ или ЧЧ:ММ:СС с нулевыми секундами.",
    uz: "Vaqt noto'g'ri: HH:MM yoki soniyalari nol bo'lgan HH:MM:SS kutilmoqda.",
  },
  INVALID_MONEY: {
    en: "Invalid amount: expected a non-negative decimal with at most 2 decimal places, like 150000.00.",
    ru: "Неверная сумма: ожидается неотрицательное число не более чем с 2 знаками после точки, например 150000.00.",
    uz: "Summa noto'g'ri: 150000.00 kabi, nuqtadan keyin ko'pi bilan 2 raqamli manfiy bo'lmagan son kutilmoqda.",
  },
  INVALID_PRICE: {
    en: "The price must be greater than zero.",
    ru: "Цена должна быть больше нуля.",
    uz: "Narx noldan katta bo'lishi kerak.",
  },
  INVALID_PRICE_RANGE: {
    en: "min_price must not be greater than max_price.",
    ru: "min_price не может быть больше max_price.",
    uz: "min_price max_price dan katta bo'lmasligi kerak.",
  },
  INVALID_PHONE: {
    en: "Invalid phone number: expected +998 followed by 9 digits.",
    ru: "Неверный номер телефона: ожидается +998 и 9 цифр.",
    uz: "Telefon raqami noto'g'ri: +998 va 9 ta raqam kutilmoqda.",
  },
  INVALID_HOURS: {
    en: "Invalid hours: each day must hold at least one slot, each weekday appear once, and a day open past midnight close before the next one opens.",
    ru: "Неверные часы работы: в каждом дне должен помещаться хотя бы один слот, каждый день недели указан один раз, а день, работающий после полуночи, закрывается до открытия следующего.",
    uz: "Ish vaqti noto'g'ri: har bir kunda kamida bitta slot bo'lishi, hafta kunlari bir martadan berilishi, yarim tundan keyin ishlaydigan kun keyingi kun ochilishidan oldin yopilishi kerak.",
  },
  INVALID_RANGE: {
    en: "The end time must be after the start time.",
    ru: "Время окончания должно быть позже времени начала.",
    uz: "Tugash vaqti boshlanish vaqtidan keyin bo'lishi kerak.",
  },
  TOO_SHORT: {
    en: "A booking lasts at least {minutes} minutes.",
    ru: "Бронирование длится не меньше {minutes} минут.",
    uz: "Bron kamida {minutes} daqiqa davom etadi.",
  },
  OFF_GRID: {
    en: "Bookings start and end on the {minutes}-minute grid counted from {opening}.",
    ru: "Бронирование начинается и заканчивается по сетке {minutes} минут от {opening}.",
    uz: "Bron {opening} dan boshlab {minutes} daqiqalik to'r bo'yicha boshlanadi va tugaydi.",
  },
  OUTSIDE_HOURS: {
    en: "The venue is open from {opening} to {closing}.",
    ru: "Площадка работает с {opening} до {closing}.",
    uz: "Maydon {opening} dan {closing} gacha ishlaydi.",
  },
  TOO_LONG: {
    en: "A booking lasts at most {minutes} minutes.",
    ru: "Бронирование длится не больше {minutes} минут.",
    uz: "Bron ko'pi bilan {minutes} daqiqa davom etadi.",
  },
  TOO_SOON: {
    en: "Bookings start at least {minutes} minutes from now.",
    ru: "Бронировать можно не позднее чем за {minutes} минут до начала.",
    uz: "Bron boshlanishiga kamida {minutes} daqiqa qolgan bo'lishi kerak.",
  },
  DAY_CLOSED: {
    en: "The venue is closed on that day of the week.",
    ru: "В этот день недели площадка не работает.",
    uz: "Maydon haftaning bu kunida ishlamaydi.",
  },
  VENUE_CLOSED: {
    en: "The venue is closed at that time: {reason_en}",
    ru: "В это время площадка закрыта: {reason_ru}",
    uz: "Bu vaqtda maydon yopiq: {reason_uz}",
  },
  CLOSURE_CONFLICTS: {
    en: "{count} live bookings or sessions fall in this closure; cancel them with cancel_bookings: true, or choose another time.",
    ru: "На время закрытия приходится действующих броней или сеансов: {count}; отмените их через cancel_bookings: true или выберите другое время.",
    uz: "Yopilish vaqtiga {count} ta amaldagi bron yoki seans to'g'ri keladi; ularni cancel_bookings: true bilan bekor qiling yoki boshqa vaqtni tanlang.",
  },
  ALREADY_CLOSED: {
    en: "Another closure already closes this time; remove it first, or close around it.",
    ru: "Это время уже закрыто другим закрытием; удалите его или закройте другое время.",
    uz: "Bu vaqt boshqa yopilish bilan allaqachon yopilgan; avval uni olib tashlang yoki boshqa vaqtni yoping.",
  },
  CLOSURE_NOT_FOUND: {
    en: "Closure not found.",
    ru: "Закрытие не найдено.",
    uz: "Yopilish topilmadi.",
  },
  CANCEL_TOO_LATE: {
    en: "A booking can be cancelled at most {minutes} minutes before it starts.",
    ru: "Отменить бронирование можно не позднее чем за {minutes} минут до начала.",
    uz: "Bronni boshlanishidan kamida {minutes} daqiqa oldin bekor qilish mumkin.",
  },
  INVALID_PRICE_RULE: {
    en: "Invalid price rule: {problem}",
    ru: "Неверное правило цены: {problem}",
    uz: "Narx qoidasi noto'g'ri: {problem}",
  },
  INVALID_DURATION_BOUNDS: {
    en: "Durations must be whole slots of {minutes} minutes, and the shortest no longer than the longest.",
    ru: "Длительности должны быть кратны слоту в {minutes} минут, и минимальная не больше максимальной.",
    uz: "Davomiyliklar {minutes} daqiqalik slotga karrali bo'lishi, eng qisqasi eng uzunidan oshmasligi kerak.",
  },
  IN_THE_PAST: {
    en: "This time has already passed.",
    ru: "Это время уже прошло.",
    uz: "Bu vaqt allaqachon o'tib ketgan.",
  },
  TOO_FAR_AHEAD: {
    en: "Bookings can be made at most {days} days ahead.",
    ru: "Бронировать можно не более чем на {days} дней вперёд.",
    uz: "Ko'pi bilan {days} kun oldinga bron qilish mumkin.",
  },
  SLOT_TAKEN: {
    en: "This time is already booked.",
    ru: "Это время уже забронировано.",
    uz: "Bu vaqt allaqachon band qilingan.",
  },
  BAD_TRANSITION: {
    en: "A {from} booking cannot become {to}.",
    ru: "Бронирование в статусе {from} нельзя перевести в {to}.",
    uz: "{from} holatidagi bronni {to} holatiga o'tkazib bo'lmaydi.",
  },
  BOOKING_NOT_ENDED: {
    en: "A booking can be marked completed only after it ends ({date} {end}).",
    ru: "Отметить бронирование завершённым можно только после его окончания ({date} {end}).",
    uz: "Bronni faqat u tugaganidan keyin ({date} {end}) yakunlangan deb belgilash mumkin.",
  },
  TOO_MANY_LIVE_BOOKINGS: {
    en: "You already hold {limit} upcoming bookings, the most one player may hold. Cancel one or wait until one has passed.",
    ru: "У вас уже {limit} предстоящих бронирований — это максимум для одного игрока. Отмените одно или дождитесь, пока одно пройдёт.",
    uz: "Sizda allaqachon {limit} ta kelgusi bron bor — bu bitta o'yinchi uchun eng ko'p miqdor. Bittasini bekor qiling yoki biri o'tib ketishini kuting.",
  },
  VENUE_NOT_FOUND: {
    en: "Venue not found.",
    ru: "Площадка не найдена.",
    uz: "Maydon topilmadi.",
  },
  SLUG_TAKEN: {
    en: "Another venue already has the slug {slug}.",
    ru: "Слаг {slug} уже занят другой площадкой.",
    uz: "{slug} slagi boshqa maydonga tegishli.",
  },
  UNIT_NOT_FOUND: {
    en: "This venue has no such active unit.",
    ru: "На этой площадке нет такого активного объекта (корта, дорожки, места).",
    uz: "Bu maydonda bunday faol obyekt (kort, yo'lak, joy) yo'q.",
  },
  LAST_UNIT: {
    en: "This is the venue's last active unit: a venue keeps at least one.",
    ru: "Это последний активный объект площадки: хотя бы один должен остаться.",
    uz: "Bu maydonning oxirgi faol obyekti: kamida bittasi qolishi kerak.",
  },
  INVALID_CONTAINS: {
    en: "A combined unit is made of other active exclusive units of the same venue that combine nothing themselves; it is exclusive itself, and a unit that is part of one stays exclusive.",
    ru: "Составной объект состоит из других активных эксклюзивных объектов той же площадки, которые сами ничего не объединяют; он сам эксклюзивный, а объект, входящий в составной, остаётся эксклюзивным.",
    uz: "Qo'shma obyekt shu maydonning boshqa faol, o'zi hech narsani birlashtirmaydigan eksklyuziv obyektlaridan iborat; u o'zi eksklyuziv, qo'shma obyekt tarkibidagi obyekt esa eksklyuziv qoladi.",
  },
  PLACES_ON_EXCLUSIVE_UNIT: {
    en: "More than one place can be booked only on a unit with pooled places.",
    ru: "Больше одного места можно забронировать только на объекте с общими местами.",
    uz: "Bittadan ortiq joyni faqat umumiy joylari bor obyektda bron qilish mumkin.",
  },
  PLACES_ABOVE_CAPACITY: {
    en: "The unit has {capacity} places in all.",
    ru: "Всего на объекте {capacity} мест.",
    uz: "Obyektda jami {capacity} ta joy bor.",
  },
  NOT_ENOUGH_PLACES: {
    en: "Not enough places are left at this time.",
    ru: "На это время осталось недостаточно мест.",
    uz: "Bu vaqtga yetarli joy qolmagan.",
  },
  CAPACITY_BELOW_SOLD: {
    en: "More places than that are already booked; the capacity cannot go below them.",
    ru: "Уже забронировано больше мест; вместимость не может быть меньше.",
    uz: "Allaqachon bundan ko'p joy band qilingan; sig'im ulardan kam bo'lolmaydi.",
  },
  UNIT_IN_USE: {
    en: "The unit has upcoming bookings: it cannot switch between exclusive and pooled places, cannot give up a part they hold, and cannot take a part that is booked at their times.",
    ru: "У объекта есть предстоящие бронирования: его нельзя переключить между эксклюзивным и общими местами, нельзя убрать из него часть, которую они занимают, и нельзя добавить часть, занятую в их время.",
    uz: "Obyektda kelgusi bronlar bor: uni eksklyuziv va umumiy joylar o'rtasida almashtirib bo'lmaydi, ular egallagan qismni olib tashlab bo'lmaydi va ularning vaqtida band bo'lgan qismni qo'shib bo'lmaydi.",
  },
  TOTAL_TOO_HIGH: {
    en: "The total of this booking would be above {max}.",
    ru: "Сумма этого бронирования превысила бы {max}.",
    uz: "Bu bronning summasi {max} dan oshib ketadi.",
  },
  SESSION_NOT_FOUND: {
    en: "Session not found, or cancelled.",
    ru: "Сеанс не найден или отменён.",
    uz: "Seans topilmadi yoki bekor qilingan.",
  },
  SESSION_STARTED: {
    en: "This session has already started (or ended).",
    ru: "Этот сеанс уже начался (или закончился).",
    uz: "Bu seans allaqachon boshlangan (yoki tugagan).",
  },
  SESSION_UNIT_POOLED: {
    en: "A session takes an exclusive unit (a court, a hall, a pitch); this unit is a pool of places.",
    ru: "Сеанс занимает эксклюзивный объект (корт, зал, поле); этот объект — общие места.",
    uz: "Seans eksklyuziv obyektni egallaydi (kort, zal, maydon); bu obyekt umumiy joylardan iborat.",
  },
  SEATS_REQUIRED: {
    en: "This session has numbered seats: choose them in seats (places is then their number).",
    ru: "В этом сеансе нумерованные места: выберите их в seats (число мест — их количество).",
    uz: "Bu seansda raqamlangan o'rinlar bor: ularni seats da tanlang (joylar soni — ularning soni).",
  },
  NOT_SEATED: {
    en: "This session has no numbered seats: give places, not seats.",
    ru: "В этом сеансе нет нумерованных мест: укажите places, а не seats.",
    uz: "Bu seansda raqamlangan o'rinlar yo'q: seats emas, places ni kiriting.",
  },
  SEATED_CAPACITY: {
    en: "A seated session has a place for each of its {seats} seats.",
    ru: "В сеансе с местами столько мест, сколько в нём кресел: {seats}.",
    uz: "O'rinli seansda har bir o'rin uchun bitta joy bor: {seats}.",
  },
  SESSION_FULL: {
    en: "Not enough places are left in this session.",
    ru: "В этом сеансе осталось недостаточно мест.",
    uz: "Bu seansda yetarli joy qolmagan.",
  },
  SEAT_TAKEN: {
    en: "One of these seats is already taken.",
    ru: "Одно из этих мест уже занято.",
    uz: "Bu o'rinlardan biri allaqachon band.",
  },
  UNKNOWN_SEAT: {
    en: "The session has no such seat, or the places do not match the seats.",
    ru: "В сеансе нет такого места, или число мест не совпадает с выбранными местами.",
    uz: "Seansda bunday o'rin yo'q yoki joylar soni tanlangan o'rinlarga mos emas.",
  },
  ALREADY_BOOKED: {
    en: "You already have a booking in this session.",
    ru: "У вас уже есть бронирование в этом сеансе.",
    uz: "Sizda bu seansda allaqachon bron bor.",
  },
  BOOKING_NOT_FOUND: {
    en: "Booking not found.",
    ru: "Бронирование не найдено.",
    uz: "Bron topilmadi.",
  },
  USER_NOT_FOUND: {
    en: "User not found.",
    ru: "Пользователь не найден.",
    uz: "Foydalanuvchi topilmadi.",
  },
  USER_INACTIVE: {
    en: "This account is deactivated.",
    ru: "Эта учётная запись отключена.",
    uz: "Bu hisob o'chirilgan.",
  },
  CANNOT_CHANGE_SELF: {
    en: "You cannot deactivate your own account or take away your own admin role; ask another admin.",
    ru: "Нельзя отключить свою учётную запись или снять с себя роль администратора; попросите другого администратора.",
    uz: "O'z hisobingizni o'chira olmaysiz yoki o'zingizdan administrator huquqini ola olmaysiz; boshqa administratordan so'rang.",
  },
  LAST_ADMIN: {
    en: "This is the last active admin: at least one must remain.",
    ru: "Это последний активный администратор: хотя бы один должен остаться.",
    uz: "Bu oxirgi faol administrator: kamida bittasi qolishi kerak.",
  },
  OTP_INVALID: {
    en: "The code is wrong or has expired.",
    ru: "Код неверный или устарел.",
    uz: "Kod noto'g'ri yoki muddati o'tgan.",
  },
  OTP_TOO_MANY_ATTEMPTS: {
    en: "Too many wrong codes. Request a new code.",
    ru: "Слишком много неверных попыток. Запросите новый код.",
    uz: "Juda ko'p noto'g'ri urinish. Yangi kod so'rang.",
  },
  BOOKING_NOT_MOVABLE: {
    en: "Only a pending or confirmed hourly booking that has not ended can be moved (a place in a session cannot).",
    ru: "Перенести можно только ожидающее или подтверждённое почасовое бронирование, которое ещё не закончилось (место в сеансе — нельзя).",
    uz: "Faqat kutilayotgan yoki tasdiqlangan, hali tugamagan soatlik bronni ko'chirish mumkin (seansdagi joyni — yo'q).",
  },
  MOVE_TOO_LATE: {
    en: "A booking can be moved at most {minutes} minutes before it starts; ask the venue.",
    ru: "Перенести бронирование можно не позднее чем за {minutes} минут до начала; обратитесь на площадку.",
    uz: "Bronni boshlanishidan kamida {minutes} daqiqa oldin ko'chirish mumkin; maydonga murojaat qiling.",
  },
  CUSTOMER_INACTIVE: {
    en: "This customer's account is deactivated; reactivate it before booking for them.",
    ru: "Учётная запись этого клиента отключена; включите её, прежде чем бронировать для него.",
    uz: "Bu mijozning hisobi o'chirilgan; uning nomidan bron qilishdan oldin uni yoqing.",
  },
  SERIES_CONFLICTS: {
    en: '{count} of the series\' dates cannot be booked (see dates); nothing was created. Choose another time, or on_conflict: "skip".',
    ru: 'Дат серии, которые нельзя забронировать: {count} (см. dates); ничего не создано. Выберите другое время или on_conflict: "skip".',
    uz: 'Seriyaning {count} ta sanasini bron qilib bo\'lmaydi (qarang: dates); hech narsa yaratilmadi. Boshqa vaqtni yoki on_conflict: "skip" ni tanlang.',
  },
  SERIES_EMPTY: {
    en: "The series has no date: last_date comes before its first weekday {weekday}.",
    ru: "В серии нет ни одной даты: last_date раньше её первого дня недели {weekday}.",
    uz: "Seriyada birorta sana yo'q: last_date uning birinchi {weekday}-hafta kunidan oldin.",
  },
  SERIES_TOO_LONG: {
    en: "A series runs at most {max} weeks.",
    ru: "Серия длится не более {max} недель.",
    uz: "Seriya ko'pi bilan {max} hafta davom etadi.",
  },
  SERIES_NOT_FOUND: {
    en: "Series not found.",
    ru: "Серия не найдена.",
    uz: "Seriya topilmadi.",
  },
  WEBHOOK_NOT_FOUND: {
    en: "Webhook not found.",
    ru: "Вебхук не найден.",
    uz: "Vebhuk topilmadi.",
  },
  WEBHOOK_URL_NOT_ALLOWED: {
    en: "Webhooks may not point at {host}: loopback and private addresses are refused here.",
    ru: "Вебхук не может указывать на {host}: адреса loopback и частных сетей здесь запрещены.",
    uz: "Vebhuk {host} ga yo'naltirilishi mumkin emas: bu yerda loopback va xususiy manzillar taqiqlangan.",
  },
  SLOT_AVAILABLE: {
    en: "This time can be booked now: book it instead of waiting.",
    ru: "Это время можно забронировать сейчас: забронируйте его вместо ожидания.",
    uz: "Bu vaqtni hozir bron qilish mumkin: kutish o'rniga bron qiling.",
  },
  ALREADY_WAITING: {
    en: "You are already on the waitlist for this time.",
    ru: "Вы уже в листе ожидания на это время.",
    uz: "Siz bu vaqt uchun allaqachon kutish ro'yxatidasiz.",
  },
  WAITLIST_NOT_FOUND: {
    en: "Waitlist entry not found.",
    ru: "Запись в листе ожидания не найдена.",
    uz: "Kutish ro'yxatidagi yozuv topilmadi.",
  },
  NOT_OFFERED: {
    en: "This booking is not an offer from the waitlist waiting to be kept (or its time to keep it has passed).",
    ru: "Это бронирование не является предложением из листа ожидания, ожидающим подтверждения (или время на это вышло).",
    uz: "Bu bron kutish ro'yxatidan tasdiqlanishini kutayotgan taklif emas (yoki uning vaqti o'tgan).",
  },
  IDEMPOTENCY_KEY_REUSED: {
    en: "This Idempotency-Key was already used with a different request.",
    ru: "Этот Idempotency-Key уже использован с другим запросом.",
    uz: "Bu Idempotency-Key boshqa so'rov bilan ishlatilgan.",
  },
} as const satisfies Record<string, Messages>;

export type DomainErrorCode = keyof typeof MESSAGES;
export const DOMAIN_ERROR_CODES = Object.keys(MESSAGES) as DomainErrorCode[];

export type ErrorParams = Record<string, string | number>;

/** Fills {placeholders} of a message from params; unknown ones stay as they are. */
export function fillMessage(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function errorMessage(code: DomainErrorCode, lang: Lang, params: ErrorParams = {}): string {
  return fillMessage(MESSAGES[code][lang], params);
}

type Members = Record<string, unknown> | ((lang: Lang) => Record<string, unknown>);

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly params: ErrorParams;
  /** The input field the error is about, when there is one (for validation responses). */
  readonly field: string | undefined;
  /**
   * More of what went wrong, for clients (the bookings a closure would fall on): extra problem
   * members, or a function of the caller's language when they carry messages of their own.
   */
  readonly members: Members | undefined;

  constructor(code: DomainErrorCode, options: { params?: ErrorParams; field?: string; cause?: unknown; members?: Members } = {}) {
    super(errorMessage(code, "en", options.params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
    this.members = options.members;
  }

  localized(lang: Lang): string {
    return errorMessage(this.code, lang, this.params);
  }
}

export function isDomainError(e: unknown, code?: DomainErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}
