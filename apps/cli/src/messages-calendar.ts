// The CLI's messages about a venue's calendar (hours, prices, policy, closures, free venues), in
// each language of the product; merged into MESSAGES.
import type { Lang } from "@venue-booking/core";

export const CALENDAR_MESSAGES = {
  // weekdays, ISO 8601: 1 = Monday
  "day.1": { en: "Mon", ru: "Пн", uz: "Du" },
  "day.2": { en: "Tue", ru: "Вт", uz: "Se" },
  "day.3": { en: "Wed", ru: "Ср", uz: "Ch" },
  "day.4": { en: "Thu", ru: "Чт", uz: "Pa" },
  "day.5": { en: "Fri", ru: "Пт", uz: "Ju" },
  "day.6": { en: "Sat", ru: "Сб", uz: "Sh" },
  "day.7": { en: "Sun", ru: "Вс", uz: "Ya" },

  // the calendar's words
  "cal.everyDay": { en: "every day", ru: "каждый день", uz: "har kuni" },
  "cal.closed": { en: "closed", ru: "закрыто", uz: "yopiq" },
  "cal.pastMidnight": { en: "past midnight", ru: "после полуночи", uz: "yarim tundan keyin" },
  "cal.aroundTheClock": { en: "around the clock", ru: "круглосуточно", uz: "kecha-kunduz" },
  "cal.wholeDay": { en: "the whole day", ru: "весь день", uz: "butun kun" },
  "cal.wholeVenue": { en: "the whole venue", ru: "вся площадка", uz: "butun maydon" },
  "cal.allUnits": { en: "every unit", ru: "все объекты", uz: "barcha obyektlar" },
  "cal.minutes": { en: "{n} min", ru: "{n} мин", uz: "{n} daq" },
  "cal.days": { en: "{n} days", ru: "дней: {n}", uz: "{n} kun" },
  "cal.onDay": { en: "on {day}", ru: "это {day}", uz: "bu {day}" },
  "cal.grid": {
    en: "slot {slot} min; a booking lasts {min} min to {max}",
    ru: "слот {slot} мин; бронь от {min} мин, не длиннее: {max}",
    uz: "slot {slot} daq; bron {min} daqiqadan, ko'pi bilan: {max}",
  },

  // the booking rules
  "policy.minNotice": { en: "Notice before the start", ru: "Бронь не позднее чем за", uz: "Boshlanishidan oldin kamida" },
  "policy.horizon": { en: "Bookable ahead", ru: "Бронь вперёд на", uz: "Oldindan bron" },
  "policy.cancelUntil": {
    en: "Players cancel until, before the start",
    ru: "Игроки отменяют не позднее чем за",
    uz: "O'yinchilar bekor qilishi mumkin, boshlanishidan oldin",
  },
  "policy.hold": { en: "An unconfirmed booking is held", ru: "Неподтверждённая бронь держится", uz: "Tasdiqlanmagan bron saqlanadi" },
  "policy.maxLive": { en: "Upcoming bookings per player", ru: "Предстоящих броней на игрока", uz: "Bir o'yinchiga kelgusi bronlar" },
  "policy.holdUntilStart": { en: "until its start", ru: "до начала", uz: "boshlanishigacha" },
  "policy.serverDefault": { en: "server default", ru: "по умолчанию сервера", uz: "server bo'yicha" },
  "policy.venueOwn": { en: "this venue", ru: "площадка", uz: "maydon" },

  // columns
  "col.day": { en: "Day", ru: "День", uz: "Kun" },
  "col.days": { en: "Days", ru: "Дни", uz: "Kunlar" },
  "col.rule": { en: "Rule", ru: "Правило", uz: "Qoida" },
  "col.value": { en: "Value", ru: "Значение", uz: "Qiymat" },
  "col.setBy": { en: "Set by", ru: "Кем задано", uz: "Kim belgilagan" },
  "col.reason": { en: "Reason", ru: "Причина", uz: "Sabab" },
  "col.closedAt": { en: "Closed at", ru: "Закрыто в", uz: "Yopilgan vaqt" },
  "col.who": { en: "Player or session", ru: "Игрок или сеанс", uz: "O'yinchi yoki seans" },
  "col.address": { en: "Address", ru: "Адрес", uz: "Manzil" },
  "col.freeUnits": { en: "Free units", ru: "Свободно объектов", uz: "Bo'sh obyektlar" },
  "kind.booking": { en: "booking", ru: "бронирование", uz: "bron" },
  "kind.session": { en: "session", ru: "сеанс", uz: "seans" },

  // checks of what was typed
  "what.hours": { en: "hours", ru: "часы работы", uz: "ish vaqti" },
  "what.closure": { en: "closure", ru: "закрытие", uz: "yopilish" },
  "what.priceRule": { en: "price rule", ru: "правило цены", uz: "narx qoidasi" },
  "what.policy": { en: "booking rules", ru: "правила бронирования", uz: "bron qoidalari" },
  "usage.clock": {
    en: "invalid {flag}: {value} (expected HH:MM)",
    ru: "неверно ({flag}): {value} (нужно ЧЧ:ММ)",
    uz: "noto'g'ri ({flag}): {value} (SS:DD kerak)",
  },
  "usage.span": {
    en: "invalid {flag}: {value} (expected HH:MM-HH:MM, e.g. 08:00-23:00, or 18:00-02:00 past midnight)",
    ru: "неверно ({flag}): {value} (нужно ЧЧ:ММ-ЧЧ:ММ, например 08:00-23:00 или 18:00-02:00 после полуночи)",
    uz: "noto'g'ri ({flag}): {value} (SS:DD-SS:DD kerak, masalan 08:00-23:00 yoki yarim tundan keyin 18:00-02:00)",
  },
  "usage.days": {
    en: "invalid {flag}: {value} (weekdays as mon,tue or 1,2 with 1 = Monday; ranges like mon-fri)",
    ru: "неверно ({flag}): {value} (дни недели: mon,tue или 1,2, где 1 — понедельник; диапазоны вида mon-fri)",
    uz: "noto'g'ri ({flag}): {value} (hafta kunlari: mon,tue yoki 1,2, 1 — dushanba; mon-fri kabi oraliqlar)",
  },
  "usage.slot": {
    en: "invalid --slot: {value} (30, 60, 90 or 120 minutes)",
    ru: "неверно (--slot): {value} (30, 60, 90 или 120 минут)",
    uz: "noto'g'ri (--slot): {value} (30, 60, 90 yoki 120 daqiqa)",
  },
  "usage.reasonRu": {
    en: "--reason-uz and --reason-en translate --reason (the Russian text): give --reason too",
    ru: "--reason-uz и --reason-en — переводы --reason (текста на русском): укажите и --reason",
    uz: "--reason-uz va --reason-en — --reason (ruscha matn) tarjimalari: --reason ni ham bering",
  },
  "answer.dayHours": {
    en: "HH:MM-HH:MM (e.g. 18:00-02:00) or closed",
    ru: "ЧЧ:ММ-ЧЧ:ММ (например 18:00-02:00) или closed",
    uz: "SS:DD-SS:DD (masalan 18:00-02:00) yoki closed",
  },
  "answer.span": { en: "HH:MM-HH:MM, e.g. 12:00-14:00", ru: "ЧЧ:ММ-ЧЧ:ММ, например 12:00-14:00", uz: "SS:DD-SS:DD, masalan 12:00-14:00" },
  "answer.clock": { en: "HH:MM, e.g. 18:00", ru: "ЧЧ:ММ, например 18:00", uz: "SS:DD, masalan 18:00" },
  "answer.slot": { en: "30, 60, 90 or 120", ru: "30, 60, 90 или 120", uz: "30, 60, 90 yoki 120" },
  "answer.bound": { en: "minutes, or default", ru: "минуты или default", uz: "daqiqalar yoki default" },
  "answer.policy": { en: "a whole number, or default", ru: "целое число или default", uz: "butun son yoki default" },
  "answer.days": {
    en: "weekdays: mon,tue or 1,2; ranges like mon-fri",
    ru: "дни недели: mon,tue или 1,2; диапазоны вида mon-fri",
    uz: "hafta kunlari: mon,tue yoki 1,2; mon-fri kabi oraliqlar",
  },
  "answer.id": { en: "an id, e.g. 4", ru: "номер, например 4", uz: "raqam, masalan 4" },

  // questions
  "ask.dayHours": {
    en: "{day}: hours HH:MM-HH:MM or closed:",
    ru: "{day}: часы ЧЧ:ММ-ЧЧ:ММ или closed:",
    uz: "{day}: ish vaqti SS:DD-SS:DD yoki closed:",
  },
  "ask.slot": {
    en: "Booking grid, minutes (30, 60, 90, 120):",
    ru: "Сетка бронирования, минут (30, 60, 90, 120):",
    uz: "Bron to'ri, daqiqa (30, 60, 90, 120):",
  },
  "ask.minDuration": {
    en: "Shortest booking, minutes (default: one slot):",
    ru: "Самая короткая бронь, минут (default — один слот):",
    uz: "Eng qisqa bron, daqiqa (default — bitta slot):",
  },
  "ask.maxDuration": {
    en: "Longest booking, minutes (default: the whole day):",
    ru: "Самая длинная бронь, минут (default — весь день):",
    uz: "Eng uzun bron, daqiqa (default — butun kun):",
  },
  "ask.closeHours": {
    en: "Hours HH:MM-HH:MM (empty: the whole day):",
    ru: "Часы ЧЧ:ММ-ЧЧ:ММ (пусто — весь день):",
    uz: "Soatlar SS:DD-SS:DD (bo'sh — butun kun):",
  },
  "ask.closeUnit": { en: "Close:", ru: "Закрыть:", uz: "Yopish:" },
  "ask.closeReason": {
    en: "Reason, in Russian (shown to players; empty: none):",
    ru: "Причина на русском (её видят игроки; пусто — без причины):",
    uz: "Sabab, ruscha (o'yinchilar ko'radi; bo'sh — sababsiz):",
  },
  "ask.closure": { en: "Closure:", ru: "Закрытие:", uz: "Yopilish:" },
  "ask.ruleDays": {
    en: "Weekdays (mon,tue or 1,2; ranges like mon-fri):",
    ru: "Дни недели (mon,tue или 1,2; диапазоны вида mon-fri):",
    uz: "Hafta kunlari (mon,tue yoki 1,2; mon-fri kabi oraliqlar):",
  },
  "ask.ruleFrom": { en: "Slots starting from (HH:MM):", ru: "Для слотов с (ЧЧ:ММ):", uz: "Slotlar (SS:DD) dan:" },
  "ask.ruleTo": {
    en: "Until (HH:MM; at or before the start: past midnight):",
    ru: "До (ЧЧ:ММ; не позже начала — после полуночи):",
    uz: "Gacha (SS:DD; boshlanishidan oldin yoki teng — yarim tundan keyin):",
  },
  "ask.ruleUnit": {
    en: "Only unit id (empty: every unit):",
    ru: "Только для объекта № (пусто — для всех):",
    uz: "Faqat obyekt raqami (bo'sh — barchasi):",
  },
  "ask.priceRule": { en: "Price rule:", ru: "Правило цены:", uz: "Narx qoidasi:" },
  "ask.minNotice": {
    en: "Notice before the start, minutes (now {now}; default: the server's):",
    ru: "Бронь не позднее чем за, минут (сейчас {now}; default — как на сервере):",
    uz: "Boshlanishidan oldin kamida, daqiqa (hozir {now}; default — server bo'yicha):",
  },
  "ask.horizon": {
    en: "Bookable ahead, days (now {now}; default: the server's):",
    ru: "Бронь вперёд на, дней (сейчас {now}; default — как на сервере):",
    uz: "Oldindan bron, kun (hozir {now}; default — server bo'yicha):",
  },
  "ask.cancelUntil": {
    en: "Players cancel until, minutes before the start (now {now}; default: the server's):",
    ru: "Игроки отменяют не позднее чем за, минут (сейчас {now}; default — как на сервере):",
    uz: "O'yinchilar boshlanishidan necha daqiqa oldin bekor qiladi (hozir {now}; default — server bo'yicha):",
  },
  "ask.hold": {
    en: "An unconfirmed booking is held, minutes; 0: until its start (now {now}; default: the server's):",
    ru: "Неподтверждённая бронь держится, минут; 0 — до начала (сейчас {now}; default — как на сервере):",
    uz: "Tasdiqlanmagan bron saqlanadi, daqiqa; 0 — boshlanishigacha (hozir {now}; default — server bo'yicha):",
  },
  "ask.maxLive": {
    en: "Upcoming bookings per player (now {now}; default: the server's):",
    ru: "Предстоящих броней на игрока (сейчас {now}; default — как на сервере):",
    uz: "Bir o'yinchiga kelgusi bronlar (hozir {now}; default — server bo'yicha):",
  },

  // what a command did
  "done.hoursSaved": {
    en: "venue #{id} {name}: hours saved",
    ru: "площадка #{id} {name}: часы работы сохранены",
    uz: "#{id} {name} maydoni: ish vaqti saqlandi",
  },
  "done.hoursUnchanged": {
    en: "venue #{id}: hours unchanged",
    ru: "площадка #{id}: часы работы без изменений",
    uz: "#{id} maydoni: ish vaqti o'zgarishsiz",
  },
  "done.policySaved": {
    en: "venue #{id} {name}: booking rules saved",
    ru: "площадка #{id} {name}: правила бронирования сохранены",
    uz: "#{id} {name} maydoni: bron qoidalari saqlandi",
  },
  "done.policyUnchanged": {
    en: "venue #{id}: booking rules unchanged",
    ru: "площадка #{id}: правила бронирования без изменений",
    uz: "#{id} maydoni: bron qoidalari o'zgarishsiz",
  },
  "done.priceRuleAdded": {
    en: "venue #{id}: price rule {n} added",
    ru: "площадка #{id}: добавлено правило цены {n}",
    uz: "#{id} maydoni: {n}-narx qoidasi qo'shildi",
  },
  "done.priceRuleRemoved": {
    en: "venue #{id}: price rule {n} removed ({rule})",
    ru: "площадка #{id}: удалено правило цены {n} ({rule})",
    uz: "#{id} maydoni: {n}-narx qoidasi olib tashlandi ({rule})",
  },
  "done.closed": {
    en: "venue #{id} closed {when}{unit}{why} (closure #{closure})",
    ru: "площадка #{id} закрыта: {when}{unit}{why} (закрытие #{closure})",
    uz: "#{id} maydoni yopildi: {when}{unit}{why} (#{closure} yopilish)",
  },
  "closure.unit": { en: "unit #{unit}", ru: "объект #{unit}", uz: "#{unit} obyekt" },
  "done.cancelledBookings": { en: "cancelled bookings: {list}", ru: "отменены бронирования: {list}", uz: "bekor qilingan bronlar: {list}" },
  "done.cancelledSessions": {
    en: "cancelled sessions, with their bookings: {list}",
    ru: "отменены сеансы вместе с их бронированиями: {list}",
    uz: "bronlari bilan birga bekor qilingan seanslar: {list}",
  },
  "done.notClosed": { en: "venue #{id} not closed", ru: "площадка #{id} не закрыта", uz: "#{id} maydoni yopilmadi" },
  "done.closureRemoved": {
    en: "closure #{closure} of venue #{id} removed: its time can be booked again",
    ru: "закрытие #{closure} площадки #{id} удалено: это время снова можно бронировать",
    uz: "#{id} maydonining #{closure} yopilishi olib tashlandi: bu vaqtni yana bron qilish mumkin",
  },
  "confirm.cancelForClosure": {
    en: "Cancel these {n} booking(s) and session(s), and close?",
    ru: "Отменить эти бронирования и сеансы ({n}) и закрыть?",
    uz: "Ushbu {n} ta bron va seans bekor qilinib, yopilsinmi?",
  },

  // failures
  "fail.closureConflicts": {
    en: "{n} live booking(s) or session(s) are in the way (listed): add --cancel-bookings to cancel them with the closure, or choose another time",
    ru: "мешают действующие бронирования или сеансы ({n}, см. список): добавьте --cancel-bookings, чтобы отменить их вместе с закрытием, или выберите другое время",
    uz: "{n} ta amaldagi bron yoki seans xalaqit beradi (ro'yxatda): ularni yopilish bilan birga bekor qilish uchun --cancel-bookings qo'shing yoki boshqa vaqtni tanlang",
  },
  "fail.closureHeld": {
    en: "the API refused the closure [CLOSURE_CONFLICTS] without naming a booking or session in the way: another closure probably holds some of this time (see venue-admin venues closures list {id})",
    ru: "API отказал в закрытии [CLOSURE_CONFLICTS], не назвав мешающих бронирований или сеансов: вероятно, часть этого времени уже занята другим закрытием (см. venue-admin venues closures list {id})",
    uz: "API yopilishni rad etdi [CLOSURE_CONFLICTS], xalaqit beradigan bron yoki seansni ko'rsatmadi: bu vaqtning bir qismini boshqa yopilish egallagan bo'lsa kerak (qarang: venue-admin venues closures list {id})",
  },
  "fail.noSuchClosure": {
    en: "{problem} (see venue-admin venues closures list {id} --all)",
    ru: "{problem} (см. venue-admin venues closures list {id} --all)",
    uz: "{problem} (qarang: venue-admin venues closures list {id} --all)",
  },
  "fail.noClosures": {
    en: "venue #{id} has no coming closures",
    ru: "у площадки #{id} нет предстоящих закрытий",
    uz: "#{id} maydonida kelgusi yopilishlar yo'q",
  },
  "fail.noPriceRules": {
    en: "venue #{id} has no price rules",
    ru: "у площадки #{id} нет правил цены",
    uz: "#{id} maydonida narx qoidalari yo'q",
  },
  "fail.noSuchPriceRule": {
    en: "venue #{id} has {count} price rule(s): there is no rule {n} (see venue-admin venues prices list {id})",
    ru: "у площадки #{id} правил цены: {count}; правила {n} нет (см. venue-admin venues prices list {id})",
    uz: "#{id} maydonida {count} ta narx qoidasi bor: {n}-qoida yo'q (qarang: venue-admin venues prices list {id})",
  },
  "fail.noSuchPosition": {
    en: "--position {position}: venue #{id} takes a new rule at 1 to {max}",
    ru: "--position {position}: новое правило площадки #{id} можно поставить на место от 1 до {max}",
    uz: "--position {position}: #{id} maydonining yangi qoidasi 1 dan {max} gacha o'ringa qo'yiladi",
  },

  // lists and views
  "list.noClosures": { en: "no closures", ru: "закрытий нет", uz: "yopilishlar yo'q" },
  "list.noComingClosures": {
    en: "no coming closures (--all shows past ones too)",
    ru: "предстоящих закрытий нет (--all покажет и прошедшие)",
    uz: "kelgusi yopilishlar yo'q (--all o'tganlarini ham ko'rsatadi)",
  },
  "list.noPriceRules": {
    en: "no price rules: every slot costs the unit's price or the venue's, {price}",
    ru: "правил цены нет: каждый слот стоит как объект или как площадка, {price}",
    uz: "narx qoidalari yo'q: har bir slot obyekt yoki maydon narxida, {price}",
  },
  "note.priceRules": {
    en: "the first rule that matches a slot prices it; other slots cost the unit's price or the venue's, {price}",
    ru: "слот оценивается по первому подходящему правилу; остальные — по цене объекта или площадки, {price}",
    uz: "slot unga mos birinchi qoida bo'yicha baholanadi; qolganlari obyekt yoki maydon narxida, {price}",
  },
  "list.noFreeVenues": { en: "no venue is free then", ru: "в это время свободных площадок нет", uz: "bu vaqtda bo'sh maydon yo'q" },
  "free.heading": { en: "free {when}{what}", ru: "свободно {when}{what}", uz: "bo'sh {when}{what}" },
  "avail.closedDay": { en: "closed that day", ru: "в этот день закрыто", uz: "bu kuni yopiq" },
  "avail.nextDay": { en: "from {time} on: {day}", ru: "с {time} это уже {day}", uz: "{time} dan boshlab: {day}" },
  "avail.closures": { en: "closed: {ranges}", ru: "закрыто: {ranges}", uz: "yopiq: {ranges}" },
  "avail.price": { en: "price per hour: {price}", ru: "цена за час: {price}", uz: "soatiga narx: {price}" },
  "avail.prices": { en: "prices per hour: {ranges}", ru: "цены за час: {ranges}", uz: "soatiga narxlar: {ranges}" },
  "booking.priceLine": {
    en: "{from}-{to} at {price}/h: {amount}",
    ru: "{from}-{to} по {price}/ч: {amount}",
    uz: "{from}-{to} soatiga {price}: {amount}",
  },
  "show.week": { en: "week: {week}", ru: "неделя: {week}", uz: "hafta: {week}" },
  "show.priceRules": {
    en: "price rules: {n} (venue-admin venues prices list {id})",
    ru: "правил цены: {n} (venue-admin venues prices list {id})",
    uz: "narx qoidalari: {n} (venue-admin venues prices list {id})",
  },
  "show.policy": { en: "booking rules: {policy}", ru: "правила бронирования: {policy}", uz: "bron qoidalari: {policy}" },

  // menu items
  "item.hoursShow": { en: "Hours of a venue's week", ru: "Часы работы по дням недели", uz: "Hafta kunlari bo'yicha ish vaqti" },
  "item.hoursSet": {
    en: "Set hours per weekday, grid and booking length",
    ru: "Задать часы по дням недели, сетку и длительность брони",
    uz: "Hafta kunlari bo'yicha ish vaqti, to'r va bron davomiyligini belgilash",
  },
  "item.pricesList": {
    en: "Price rules (evenings, weekends)",
    ru: "Правила цены (вечера, выходные)",
    uz: "Narx qoidalari (kechqurun, dam olish kunlari)",
  },
  "item.pricesAdd": { en: "Add a price rule", ru: "Добавить правило цены", uz: "Narx qoidasini qo'shish" },
  "item.pricesRemove": { en: "Remove a price rule", ru: "Удалить правило цены", uz: "Narx qoidasini olib tashlash" },
  "item.policyShow": { en: "Booking rules of a venue", ru: "Правила бронирования площадки", uz: "Maydonning bron qoidalari" },
  "item.policySet": { en: "Change booking rules", ru: "Изменить правила бронирования", uz: "Bron qoidalarini o'zgartirish" },
  "item.close": {
    en: "Close a venue or unit for a day or some hours",
    ru: "Закрыть площадку или объект на день или часы",
    uz: "Maydon yoki obyektni bir kunga yoki bir necha soatga yopish",
  },
  "item.closuresList": { en: "Closures of a venue", ru: "Закрытия площадки", uz: "Maydon yopilishlari" },
  "item.closuresRemove": { en: "Remove a closure", ru: "Удалить закрытие", uz: "Yopilishni olib tashlash" },
  "item.free": { en: "Venues free at some hours", ru: "Свободные площадки на время", uz: "Belgilangan vaqtda bo'sh maydonlar" },
} as const satisfies Record<string, Record<Lang, string>>;
