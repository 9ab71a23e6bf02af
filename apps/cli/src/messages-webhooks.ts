// The CLI's messages of webhooks (URLs the API posts booking events to), in each language of the
// product; merged into MESSAGES.
import type { Lang } from "@venue-booking/core";

export const WEBHOOK_MESSAGES = {
  // checks of what was typed
  "what.webhook": { en: "webhook", ru: "вебхук", uz: "vebxuk" },
  "usage.events": {
    en: "invalid --events: {value} (event types, comma-separated: {list}; or --all)",
    ru: "неверно (--events): {value} (типы событий через запятую: {list}; или --all)",
    uz: "noto'g'ri (--events): {value} (hodisa turlari vergul bilan: {list}; yoki --all)",
  },
  "answer.someEvents": {
    en: "mark at least one (space marks, enter ends)",
    ru: "отметьте хотя бы одно (пробел отмечает, Enter завершает)",
    uz: "kamida bittasini belgilang (bo'sh joy belgilaydi, Enter tugatadi)",
  },

  // the event types
  "event.all": {
    en: "* every event, and those added later",
    ru: "* все события, и те, что появятся позже",
    uz: "* barcha hodisalar, keyin qo'shiladiganlari ham",
  },
  "event.booking.created": { en: "a booking is made", ru: "создано бронирование", uz: "bron yaratildi" },
  "event.booking.confirmed": { en: "a booking is confirmed", ru: "бронирование подтверждено", uz: "bron tasdiqlandi" },
  "event.booking.cancelled": { en: "a booking is cancelled", ru: "бронирование отменено", uz: "bron bekor qilindi" },
  "event.booking.completed": { en: "a booking is played", ru: "бронирование состоялось", uz: "bron o'tkazildi" },
  "event.booking.expired": {
    en: "an unconfirmed booking expired",
    ru: "неподтверждённое бронирование истекло",
    uz: "tasdiqlanmagan bron muddati o'tdi",
  },
  "event.booking.rescheduled": { en: "a booking is moved", ru: "бронирование перенесено", uz: "bron ko'chirildi" },
  "event.session.cancelled": { en: "a session is cancelled", ru: "сеанс отменён", uz: "seans bekor qilindi" },
  "webhook.allEvents": { en: "every event", ru: "все события", uz: "barcha hodisalar" },
  "webhook.active": { en: "active", ru: "активен", uz: "faol" },
  "webhook.paused": { en: "paused", ru: "приостановлен", uz: "to'xtatilgan" },

  // questions
  "ask.webhookUrl": {
    en: "URL to post events to (https://…):",
    ru: "Адрес, на который отправлять события (https://…):",
    uz: "Hodisalar yuboriladigan manzil (https://…):",
  },
  "ask.webhookEvents": {
    en: "Events to send (space marks one, enter ends):",
    ru: "Какие события отправлять (пробел отмечает, Enter завершает):",
    uz: "Qaysi hodisalar yuborilsin (bo'sh joy belgilaydi, Enter tugatadi):",
  },
  "ask.newWebhookUrl": { en: "URL (enter keeps it):", ru: "Адрес (Enter — оставить):", uz: "Manzil (Enter — o'zgarmaydi):" },
  "ask.webhookActive": {
    en: "Active (events are sent to it)?",
    ru: "Активен (события отправляются на него)?",
    uz: "Faolmi (hodisalar unga yuboriladimi)?",
  },
  "ask.webhook": { en: "Webhook:", ru: "Вебхук:", uz: "Vebxuk:" },

  // what a command did
  "done.webhookAdded": {
    en: "webhook #{id} added: {url} ({events})",
    ru: "вебхук #{id} добавлен: {url} ({events})",
    uz: "#{id} vebxuk qo'shildi: {url} ({events})",
  },
  "webhook.secret": { en: "secret: {secret}", ru: "секрет: {secret}", uz: "maxfiy kalit: {secret}" },
  "webhook.secretOnce": {
    en: "the secret is shown only this once: keep it now; the receiver checks each request's webhook-signature header with it",
    ru: "секрет показывается только один раз: сохраните его сейчас; получатель проверяет им заголовок webhook-signature каждого запроса",
    uz: "maxfiy kalit faqat shu bir marta ko'rsatiladi: uni hozir saqlang; qabul qiluvchi har bir so'rovning webhook-signature sarlavhasini u bilan tekshiradi",
  },
  "note.webhookTest": {
    en: "send it a test: venue-admin webhooks test {id}",
    ru: "отправить проверку: venue-admin webhooks test {id}",
    uz: "sinov yuborish: venue-admin webhooks test {id}",
  },
  "done.webhookUpdated": {
    en: "webhook #{id} updated: {url} ({events}), {state}",
    ru: "вебхук #{id} изменён: {url} ({events}), {state}",
    uz: "#{id} vebxuk o'zgartirildi: {url} ({events}), {state}",
  },
  "done.webhookUnchanged": { en: "webhook #{id} unchanged", ru: "вебхук #{id} без изменений", uz: "#{id} vebxuk o'zgarishsiz" },
  "done.webhookRemoved": { en: "webhook #{id} removed", ru: "вебхук #{id} удалён", uz: "#{id} vebxuk o'chirildi" },
  "ping.waiting": {
    en: "waiting for delivery #{delivery} ({s} s)",
    ru: "ожидание доставки #{delivery} ({s} с)",
    uz: "#{delivery} yetkazish kutilmoqda ({s} s)",
  },
  "ping.delivered": {
    en: "ping delivered to {url}: HTTP {code} in {ms} ms (delivery #{delivery})",
    ru: "проверка доставлена на {url}: HTTP {code} за {ms} мс (доставка #{delivery})",
    uz: "sinov {url} ga yetkazildi: HTTP {code}, {ms} ms da (#{delivery} yetkazish)",
  },
  "ping.retrying": {
    en: "ping to {url} not delivered yet: try {tries} failed with {error}; next try at {next} (delivery #{delivery})",
    ru: "проверка на {url} пока не доставлена: попытка {tries} не удалась ({error}); следующая в {next} (доставка #{delivery})",
    uz: "{url} ga sinov hali yetkazilmadi: {tries}-urinish muvaffaqiyatsiz ({error}); keyingisi {next} da (#{delivery} yetkazish)",
  },
  "ping.failed": {
    en: "ping to {url} failed: {tries} tries, the last with {error} (delivery #{delivery})",
    ru: "проверка на {url} не доставлена: попыток {tries}, последняя — {error} (доставка #{delivery})",
    uz: "{url} ga sinov yetkazilmadi: {tries} ta urinish, oxirgisi — {error} (#{delivery} yetkazish)",
  },
  "ping.noTry": {
    en: "ping to {url} still pending: not tried within {s} s; is the API's webhook dispatcher running (DISPATCH_INTERVAL_MS)? (delivery #{delivery})",
    ru: "проверка на {url} всё ещё ждёт: за {s} с не было ни одной попытки; работает ли отправка вебхуков в API (DISPATCH_INTERVAL_MS)? (доставка #{delivery})",
    uz: "{url} ga sinov hali kutmoqda: {s} s ichida birorta urinish bo'lmadi; API da vebxuk yuborish ishlayaptimi (DISPATCH_INTERVAL_MS)? (#{delivery} yetkazish)",
  },
  "ping.noAnswer": { en: "no answer", ru: "нет ответа", uz: "javob yo'q" },

  // confirmations
  "action.removeWebhook": { en: "remove a webhook", ru: "удаление вебхука", uz: "vebxukni o'chirish" },
  "confirm.removeWebhook": {
    en: "Remove webhook #{id} ({url})? It gets no more events, and its delivery log is deleted.",
    ru: "Удалить вебхук #{id} ({url})? Он больше не получит событий, а журнал его доставок будет удалён.",
    uz: "#{id} vebxuk ({url}) o'chirilsinmi? U boshqa hodisa olmaydi, yetkazishlar jurnali esa o'chiriladi.",
  },

  // failures
  "fail.pingNotDelivered": {
    en: "the ping was not delivered; every try: venue-admin webhooks deliveries {id}",
    ru: "проверка не доставлена; все попытки: venue-admin webhooks deliveries {id}",
    uz: "sinov yetkazilmadi; barcha urinishlar: venue-admin webhooks deliveries {id}",
  },
  "fail.pingNotListed": {
    en: "delivery #{delivery} is not among the deliveries of webhook #{id}",
    ru: "доставки #{delivery} нет среди доставок вебхука #{id}",
    uz: "#{delivery} yetkazish #{id} vebxukning yetkazishlari orasida yo'q",
  },
  "fail.noWebhooks": {
    en: "there are no webhooks yet: add one first",
    ru: "вебхуков пока нет: сначала добавьте вебхук",
    uz: "hozircha vebxuklar yo'q: avval bittasini qo'shing",
  },

  // lists
  "col.url": { en: "URL", ru: "Адрес", uz: "Manzil" },
  "col.events": { en: "Events", ru: "События", uz: "Hodisalar" },
  "col.state": { en: "State", ru: "Состояние", uz: "Holati" },
  "col.event": { en: "Event", ru: "Событие", uz: "Hodisa" },
  "col.attempts": { en: "Attempts", ru: "Попыток", uz: "Urinishlar" },
  "col.lastAnswer": { en: "Last code/error", ru: "Последний код/ошибка", uz: "Oxirgi kod/xato" },
  "cell.nextTry": { en: "next {at}", ru: "следующая {at}", uz: "keyingisi {at}" },
  "list.noWebhooks": {
    en: "no webhooks yet (venue-admin webhooks add <url> --all)",
    ru: "вебхуков пока нет (venue-admin webhooks add <url> --all)",
    uz: "hozircha vebxuklar yo'q (venue-admin webhooks add <url> --all)",
  },
  "list.noDeliveries": {
    en: "nothing sent to this webhook yet",
    ru: "на этот вебхук ещё ничего не отправлялось",
    uz: "bu vebxukka hali hech narsa yuborilmagan",
  },
  "noun.webhook": { en: "webhook", ru: "вебхуки", uz: "vebxuklar" },
  "noun.delivery": { en: "delivery", ru: "доставки", uz: "yetkazishlar" },

  // the menu
  "group.webhooks": { en: "Webhooks", ru: "Вебхуки", uz: "Vebxuklar" },
  "item.webhooksList": { en: "List webhooks", ru: "Список вебхуков", uz: "Vebxuklar ro'yxati" },
  "item.webhooksAdd": {
    en: "Add a webhook (a URL that gets booking events)",
    ru: "Добавить вебхук (адрес, получающий события бронирований)",
    uz: "Vebxuk qo'shish (bron hodisalarini oladigan manzil)",
  },
  "item.webhooksUpdate": {
    en: "Change a webhook's URL or events, or pause it",
    ru: "Изменить адрес или события вебхука, приостановить его",
    uz: "Vebxuk manzili yoki hodisalarini o'zgartirish, uni to'xtatish",
  },
  "item.webhooksTest": {
    en: "Send a webhook a test ping",
    ru: "Отправить вебхуку проверку (ping)",
    uz: "Vebxukka sinov (ping) yuborish",
  },
  "item.webhooksDeliveries": {
    en: "What was sent to a webhook, and how it went",
    ru: "Что отправлялось на вебхук и с каким результатом",
    uz: "Vebxukka nima yuborilgan va natijasi",
  },
  "item.webhooksRemove": { en: "Remove a webhook", ru: "Удалить вебхук", uz: "Vebxukni o'chirish" },
} as const satisfies Record<string, Record<Lang, string>>;
