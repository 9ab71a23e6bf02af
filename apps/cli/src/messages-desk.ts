// The CLI's messages of the front desk (bookings made for a customer, moves, references, weekly
// series), in each language of the product; merged into MESSAGES.
import type { Lang } from "@venue-booking/core";

export const DESK_MESSAGES = {
  // checks of what was typed
  "what.booking": { en: "booking", ru: "бронирование", uz: "bron" },
  "what.move": { en: "move", ru: "перенос", uz: "ko'chirish" },
  "what.series": { en: "series", ru: "серия", uz: "seriya" },
  "what.reference": { en: "reference", ru: "код бронирования", uz: "bron kodi" },
  "usage.weekday": {
    en: "invalid {flag}: {value} (1-7 with 1 = Monday, or mon..sun)",
    ru: "неверно ({flag}): {value} (1-7, где 1 — понедельник, или mon..sun)",
    uz: "noto'g'ri ({flag}): {value} (1-7, 1 — dushanba, yoki mon..sun)",
  },
  "usage.nothingToMove": {
    en: "nothing to move: give --date, --from, --to or --unit",
    ru: "некуда переносить: укажите --date, --from, --to или --unit",
    uz: "ko'chiradigan joy yo'q: --date, --from, --to yoki --unit bering",
  },
  "answer.weeksOrLastDate": {
    en: "weeks (1-{max}), or the last date as YYYY-MM-DD",
    ru: "число недель (1-{max}) или последняя дата в виде ГГГГ-ММ-ДД",
    uz: "haftalar soni (1-{max}) yoki YYYY-OO-KK ko'rinishidagi oxirgi sana",
  },

  // questions
  "ask.customerPhone": {
    en: "Customer's phone (+998XXXXXXXXX):",
    ru: "Телефон клиента (+998XXXXXXXXX):",
    uz: "Mijozning telefoni (+998XXXXXXXXX):",
  },
  "ask.customerName": {
    en: "Customer's name (optional; kept for a new customer):",
    ru: "Имя клиента (необязательно; сохраняется для нового клиента):",
    uz: "Mijozning ismi (ixtiyoriy; yangi mijoz uchun saqlanadi):",
  },
  "ask.note": {
    en: "Note (optional, e.g. pays cash):",
    ru: "Заметка (необязательно, например «оплата наличными»):",
    uz: "Izoh (ixtiyoriy, masalan «naqd to'laydi»):",
  },
  "ask.firstFreeUnit": { en: "the first free unit", ru: "первый свободный объект", uz: "birinchi bo'sh obyekt" },
  "ask.places": { en: "Places (empty: 1):", ru: "Мест (пусто — 1):", uz: "Joylar (bo'sh — 1):" },
  "ask.moveDate": {
    en: "New date YYYY-MM-DD (empty: keep {date}):",
    ru: "Новая дата ГГГГ-ММ-ДД (пусто — оставить {date}):",
    uz: "Yangi sana YYYY-OO-KK (bo'sh — {date} qoladi):",
  },
  "ask.moveFrom": {
    en: "New start HH:MM (empty: keep {time}):",
    ru: "Новое начало ЧЧ:ММ (пусто — оставить {time}):",
    uz: "Yangi boshlanish SS:DD (bo'sh — {time} qoladi):",
  },
  "ask.moveTo": {
    en: "New end HH:MM (empty: {time}, or the same length after a new start):",
    ru: "Новое окончание ЧЧ:ММ (пусто — {time} или та же длительность от нового начала):",
    uz: "Yangi tugash SS:DD (bo'sh — {time} yoki yangi boshlanishdan o'sha davomiylik):",
  },
  "ask.keepUnit": { en: "keep {unit}", ru: "оставить {unit}", uz: "{unit} qolsin" },
  "ask.weekday": { en: "Weekday:", ru: "День недели:", uz: "Hafta kuni:" },
  "ask.firstDate": {
    en: "First date YYYY-MM-DD (the series starts on the first such weekday from it):",
    ru: "Первая дата ГГГГ-ММ-ДД (серия начнётся в ближайший такой день недели с неё):",
    uz: "Birinchi sana YYYY-OO-KK (seriya undan keyingi birinchi shu hafta kunida boshlanadi):",
  },
  "ask.weeksOrLastDate": {
    en: "Weeks (1-{max}), or the last date YYYY-MM-DD:",
    ru: "Число недель (1-{max}) или последняя дата ГГГГ-ММ-ДД:",
    uz: "Haftalar soni (1-{max}) yoki oxirgi sana YYYY-OO-KK:",
  },
  "ask.reference": {
    en: "Booking reference (e.g. K7M2QX9A):",
    ru: "Код бронирования (например K7M2QX9A):",
    uz: "Bron kodi (masalan K7M2QX9A):",
  },
  "ask.seriesId": { en: "Series id:", ru: "Номер серии:", uz: "Seriya raqami:" },
  "ask.phoneOrAll": {
    en: "Customer's phone (empty for all):",
    ru: "Телефон клиента (пусто — все):",
    uz: "Mijozning telefoni (bo'sh — hammasi):",
  },
  "ask.cancelFrom": {
    en: "Cancel from YYYY-MM-DD (empty: today):",
    ru: "Отменить с даты ГГГГ-ММ-ДД (пусто — с сегодня):",
    uz: "Qaysi sanadan bekor qilish YYYY-OO-KK (bo'sh — bugundan):",
  },

  // a booking as `bookings show` shows it (English labels at most 7 letters keep the column of old)
  "booking.heading": {
    en: "Booking #{id}, reference {reference}: {status}",
    ru: "Бронирование #{id}, код {reference}: {status}",
    uz: "#{id} bron, kodi {reference}: {status}",
  },
  "booking.venue": { en: "venue", ru: "площадка", uz: "maydon" },
  "booking.unit": { en: "unit", ru: "объект", uz: "obyekt" },
  "booking.session": { en: "session", ru: "сеанс", uz: "seans" },
  "booking.seats": { en: "seats", ru: "места", uz: "o'rinlar" },
  "booking.player": { en: "player", ru: "игрок", uz: "o'yinchi" },
  "booking.when": { en: "when", ru: "когда", uz: "qachon" },
  "booking.total": { en: "total", ru: "сумма", uz: "jami" },
  "booking.booked": { en: "booked", ru: "создано", uz: "yaratilgan" },
  "booking.source": { en: "source", ru: "источник", uz: "manba" },
  "booking.series": { en: "series", ru: "серия", uz: "seriya" },
  "booking.note": { en: "note", ru: "заметка", uz: "izoh" },
  "source.app": { en: "app (the player)", ru: "приложение (игрок)", uz: "ilova (o'yinchi)" },
  "source.staff": { en: "staff (for a customer)", ru: "персонал (для клиента)", uz: "xodimlar (mijoz uchun)" },
  "col.at": { en: "At ({zone})", ru: "Когда ({zone})", uz: "Qachon ({zone})" },
  "col.from": { en: "From", ru: "Было", uz: "Avval" },
  "col.to": { en: "To", ru: "Стало", uz: "Keyin" },
  "col.by": { en: "By", ru: "Кто", uz: "Kim" },

  // what a command did
  "done.booked": {
    en: "booking #{id} {status}, reference {reference}: {phone}, {venue}, {place}, {total}",
    ru: "бронирование #{id} ({status}), код {reference}: {phone}, {venue}, {place}, {total}",
    uz: "#{id} bron ({status}), kodi {reference}: {phone}, {venue}, {place}, {total}",
  },
  "done.bookingMoved": {
    en: "booking #{id} moved: {from} -> {to}; total {total} (was {was})",
    ru: "бронирование #{id} перенесено: {from} -> {to}; сумма {total} (было {was})",
    uz: "#{id} bron ko'chirildi: {from} -> {to}; jami {total} (avval {was})",
  },
  "done.bookingStaysAt": {
    en: "booking #{id} stays at {place}",
    ru: "бронирование #{id} остаётся: {place}",
    uz: "#{id} bron joyida qoldi: {place}",
  },
  "done.seriesMade": {
    en: "series #{id}: {weekly}, {customer}, venue #{venue}; {n} booking(s), {dates}",
    ru: "серия #{id}: {weekly}, {customer}, площадка #{venue}; бронирований: {n}, {dates}",
    uz: "#{id} seriya: {weekly}, {customer}, #{venue} maydon; {n} ta bron, {dates}",
  },
  "done.seriesSkipped": {
    en: "not booked {date}: {reason} [{code}]",
    ru: "не забронировано {date}: {reason} [{code}]",
    uz: "bron qilinmadi {date}: {reason} [{code}]",
  },
  "done.seriesNotMade": { en: "no series made", ru: "серия не создана", uz: "seriya yaratilmadi" },
  "done.seriesCancelled": {
    en: "series #{id}: {n} booking(s) cancelled from {from} on: {list}",
    ru: "серия #{id}: отменено бронирований начиная с {from}: {n} ({list})",
    uz: "#{id} seriya: {from} dan boshlab {n} ta bron bekor qilindi: {list}",
  },
  "done.seriesNothingCancelled": {
    en: "series #{id}: no live booking from {from} on, nothing cancelled",
    ru: "серия #{id}: действующих бронирований начиная с {from} нет, ничего не отменено",
    uz: "#{id} seriya: {from} dan boshlab amaldagi bron yo'q, hech narsa bekor qilinmadi",
  },

  // confirmations
  "action.cancelSeries": { en: "cancel a series", ru: "отмена серии", uz: "seriyani bekor qilish" },
  "confirm.cancelSeries": {
    en: "Cancel series #{id} ({weekly}, {customer}) from {from} on? Its {n} live booking(s) from that day are cancelled; earlier ones stay.",
    ru: "Отменить серию #{id} ({weekly}, {customer}) начиная с {from}? Её действующие бронирования с этого дня ({n}) будут отменены; более ранние останутся.",
    uz: "#{id} seriya ({weekly}, {customer}) {from} dan boshlab bekor qilinsinmi? Shu kundan boshlab uning {n} ta amaldagi broni bekor qilinadi; oldingilari qoladi.",
  },
  "confirm.skipDates": {
    en: "Book the other dates and skip these {n}?",
    ru: "Забронировать остальные даты, пропустив эти ({n})?",
    uz: "Qolgan sanalar bron qilinib, bu {n} tasi o'tkazib yuborilsinmi?",
  },

  // failures
  "fail.noSuchReference": {
    en: "no booking has reference {reference} (a reference is 8 letters and digits, never 0, 1, O or I)",
    ru: "нет бронирования с кодом {reference} (код — 8 букв и цифр, без 0, 1, O и I)",
    uz: "{reference} kodli bron yo'q (kod — 8 ta harf va raqam, 0, 1, O va I siz)",
  },
  "fail.notMovable": {
    en: "booking #{id} cannot be moved: only a pending or confirmed hourly booking that has not ended can ({what})",
    ru: "бронирование #{id} нельзя перенести: переносится только ожидающее или подтверждённое почасовое бронирование, которое ещё не закончилось ({what})",
    uz: "#{id} bronni ko'chirib bo'lmaydi: faqat kutilayotgan yoki tasdiqlangan, hali tugamagan soatlik bron ko'chiriladi ({what})",
  },
  "move.sessionPlace": { en: "a place in session #{id}", ru: "место в сеансе #{id}", uz: "#{id} seansdagi joy" },
  "fail.seriesConflicts": {
    en: "{n} date(s) of the series cannot be booked (listed), so nothing was booked: add --skip to book the others, or choose another time",
    ru: "дат серии, которые нельзя забронировать: {n} (см. список), поэтому ничего не забронировано: добавьте --skip, чтобы забронировать остальные, или выберите другое время",
    uz: "seriyaning {n} ta sanasini bron qilib bo'lmaydi (ro'yxatda), shuning uchun hech narsa bron qilinmadi: qolganlarini bron qilish uchun --skip qo'shing yoki boshqa vaqtni tanlang",
  },
  "fail.seriesNoDate": {
    en: "none of the series' {n} date(s) can be booked (listed): choose another time",
    ru: "ни одну из дат серии ({n}) нельзя забронировать (см. список): выберите другое время",
    uz: "seriyaning {n} ta sanasidan birortasini ham bron qilib bo'lmaydi (ro'yxatda): boshqa vaqtni tanlang",
  },

  // lists and views of series
  "series.heading": { en: "Series #{id}: {weekly}", ru: "Серия #{id}: {weekly}", uz: "#{id} seriya: {weekly}" },
  "series.weekly": { en: "every {day} {from}-{to}", ru: "каждую неделю: {day} {from}-{to}", uz: "har hafta: {day} {from}-{to}" },
  "series.customer": { en: "customer", ru: "клиент", uz: "mijoz" },
  "series.venue": { en: "venue", ru: "площадка", uz: "maydon" },
  "series.unit": { en: "unit", ru: "объект", uz: "obyekt" },
  "series.dates": { en: "dates", ru: "даты", uz: "sanalar" },
  "series.live": { en: "live bookings", ru: "действующих бронирований", uz: "amaldagi bronlar" },
  "series.cancelledFrom": { en: "cancelled from", ru: "отменена с", uz: "bekor qilingan sana" },
  "series.note": { en: "note", ru: "заметка", uz: "izoh" },
  "col.reference": { en: "Reference", ru: "Код", uz: "Kod" },
  "col.code": { en: "Code", ru: "Код ошибки", uz: "Xato kodi" },
  "col.customer": { en: "Customer", ru: "Клиент", uz: "Mijoz" },
  "col.weekly": { en: "Weekly", ru: "Еженедельно", uz: "Har hafta" },
  "col.dates": { en: "Dates", ru: "Даты", uz: "Sanalar" },
  "col.live": { en: "Live", ru: "Действующих", uz: "Amalda" },
  "col.cancelledFrom": { en: "Cancelled from", ru: "Отменена с", uz: "Bekor qilingan sana" },
  "cell.firstFreeUnit": { en: "first free", ru: "первый свободный", uz: "birinchi bo'sh" },
  "list.noSeries": { en: "no series match", ru: "подходящих серий нет", uz: "mos seriyalar yo'q" },
  "list.noSeriesBookings": { en: "the series has no bookings", ru: "у серии нет бронирований", uz: "seriyada bronlar yo'q" },
  "noun.series": { en: "series", ru: "серии", uz: "seriyalar" },

  // the menu
  "group.series": { en: "Weekly series", ru: "Еженедельные серии", uz: "Haftalik seriyalar" },
  "item.bookingsCreate": {
    en: "Book for a customer (walk-in or call)",
    ru: "Забронировать для клиента (пришёл или позвонил)",
    uz: "Mijoz uchun bron qilish (kelgan yoki qo'ng'iroq qilgan)",
  },
  "item.bookingsMove": {
    en: "Move a booking to another time or unit",
    ru: "Перенести бронирование на другое время или объект",
    uz: "Bronni boshqa vaqt yoki obyektga ko'chirish",
  },
  "item.bookingsFind": { en: "Find a booking by its reference", ru: "Найти бронирование по коду", uz: "Bronni kodi bo'yicha topish" },
  "item.seriesList": { en: "List weekly series", ru: "Список серий", uz: "Seriyalar ro'yxati" },
  "item.seriesShow": {
    en: "Show a series and its bookings",
    ru: "Показать серию и её бронирования",
    uz: "Seriya va uning bronlarini ko'rsatish",
  },
  "item.seriesCreate": {
    en: "Book a weekday for some weeks (a team's game)",
    ru: "Забронировать день недели на несколько недель (игра команды)",
    uz: "Hafta kunini bir necha haftaga bron qilish (jamoa o'yini)",
  },
  "item.seriesCancel": {
    en: "Cancel a series from a date on",
    ru: "Отменить серию начиная с даты",
    uz: "Seriyani sanadan boshlab bekor qilish",
  },
} as const satisfies Record<string, Record<Lang, string>>;
