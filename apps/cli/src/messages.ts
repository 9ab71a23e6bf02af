// The CLI's own messages in each language of the product; {name} is filled in by t().
import type { Lang } from "@venue-booking/core";

export const MESSAGES = {
  // checks of what was typed
  "check.invalid": { en: "invalid {what}: {problems}", ru: "неверно ({what}): {problems}", uz: "noto'g'ri ({what}): {problems}" },
  "what.venue": { en: "venue", ru: "площадка", uz: "maydon" },
  "what.status": { en: "status", ru: "статус", uz: "holat" },
  "what.translation": { en: "translation", ru: "перевод", uz: "tarjima" },
  "what.imageUrl": { en: "image URL", ru: "адрес изображения", uz: "rasm manzili" },
  "what.row": { en: "row", ru: "строка", uz: "qator" },
  "answer.required": { en: "required", ru: "обязательно", uz: "majburiy" },
  "answer.phone": { en: "+998 and 9 digits", ru: "+998 и 9 цифр", uz: "+998 va 9 ta raqam" },
  "answer.date": { en: "YYYY-MM-DD, a real date", ru: "ГГГГ-ММ-ДД, существующая дата", uz: "YYYY-OO-KK, haqiqiy sana" },
  "answer.lang": { en: "uz, ru or en", ru: "uz, ru или en", uz: "uz, ru yoki en" },
  "answer.code": { en: "6 digits", ru: "6 цифр", uz: "6 ta raqam" },

  // usage errors of flags and arguments ({flag} is the flag as typed)
  "what.id": { en: "id", ru: "номер", uz: "raqam" },
  "what.userId": { en: "user id", ru: "номер пользователя", uz: "foydalanuvchi raqami" },
  "usage.invalid": { en: "invalid {what}: {value}", ru: "неверно ({what}): {value}", uz: "noto'g'ri ({what}): {value}" },
  "usage.money": {
    en: "invalid {flag}: expected a non-negative amount like 150000.00",
    ru: "неверно ({flag}): нужна неотрицательная сумма, например 150000.00",
    uz: "noto'g'ri ({flag}): manfiy bo'lmagan summa kerak, masalan 150000.00",
  },
  "usage.date": {
    en: "invalid {flag}: expected a real date as YYYY-MM-DD",
    ru: "неверно ({flag}): нужна существующая дата в виде ГГГГ-ММ-ДД",
    uz: "noto'g'ri ({flag}): YYYY-OO-KK ko'rinishidagi haqiqiy sana kerak",
  },
  "usage.phone": {
    en: "invalid {flag}: expected +998 followed by 9 digits",
    ru: "неверно ({flag}): нужно +998 и 9 цифр",
    uz: "noto'g'ri ({flag}): +998 va 9 ta raqam kerak",
  },
  "usage.lang": { en: "--lang must be uz, ru or en", ru: "--lang: uz, ru или en", uz: "--lang: uz, ru yoki en" },
  "usage.status": { en: "--status must be one of {list}", ru: "--status: одно из {list}", uz: "--status: {list} dan biri" },
  "usage.notBoth": {
    en: "use {a} or {b}, not both",
    ru: "укажите {a} или {b}, но не оба",
    uz: "{a} yoki {b} dan birini bering, ikkalasini emas",
  },
  "usage.missing": { en: "missing {flag}", ru: "не указано: {flag}", uz: "ko'rsatilmagan: {flag}" },

  // the menu's frame
  "menu.signedInAs": { en: "Signed in as {who}", ru: "Вход выполнен: {who}", uz: "Kirgan: {who}" },
  "menu.envToken": { en: "the token in VENUE_API_TOKEN", ru: "токен из VENUE_API_TOKEN", uz: "VENUE_API_TOKEN dagi token" },
  "menu.notSignedIn": { en: "Not signed in", ru: "Вход не выполнен", uz: "Kirilmagan" },
  "menu.status": {
    en: "{who} · {api} (profile {profile})",
    ru: "{who} · {api} (профиль {profile})",
    uz: "{who} · {api} ({profile} profili)",
  },
  "menu.question": { en: "What would you like to do?", ru: "Что вы хотите сделать?", uz: "Nima qilmoqchisiz?" },
  "menu.signIn": { en: "Sign in", ru: "Войти", uz: "Kirish" },
  "menu.quit": { en: "Quit", ru: "Выход", uz: "Chiqish" },
  "menu.back": { en: "Back", ru: "Назад", uz: "Orqaga" },
  "menu.nextPage": { en: "Next page", ru: "Следующая страница", uz: "Keyingi sahifa" },
  "menu.previousPage": { en: "Previous page", ru: "Предыдущая страница", uz: "Oldingi sahifa" },
  "menu.page": { en: "Page {n} of {last}:", ru: "Страница {n} из {last}:", uz: "{last} sahifadan {n}-sahifa:" },

  // groups
  "group.venues": { en: "Venues", ru: "Площадки", uz: "Maydonlar" },
  "group.bookings": { en: "Bookings", ru: "Бронирования", uz: "Bronlar" },
  "group.users": { en: "Users", ru: "Пользователи", uz: "Foydalanuvchilar" },
  "group.transfer": { en: "Import/export", ru: "Импорт/экспорт", uz: "Import/eksport" },
  "group.account": { en: "Account", ru: "Учётная запись", uz: "Hisob" },

  // items
  "item.venuesList": { en: "List venues", ru: "Список площадок", uz: "Maydonlar ro'yxati" },
  "item.venuesShow": {
    en: "Show a venue (every language)",
    ru: "Показать площадку (все языки)",
    uz: "Maydonni ko'rsatish (barcha tillarda)",
  },
  "item.venuesAvailability": { en: "Free hours of a day", ru: "Свободные часы на день", uz: "Kunning bo'sh soatlari" },
  "item.venuesCreate": { en: "Create a venue", ru: "Создать площадку", uz: "Maydon yaratish" },
  "item.venuesTranslate": {
    en: "Edit texts: name, address, description, amenities (one language)",
    ru: "Тексты: название, адрес, описание, удобства (один язык)",
    uz: "Matnlar: nomi, manzili, tavsifi, qulayliklari (bitta til)",
  },
  "item.venuesAmenities": {
    en: "Change the list of amenities (Russian; kept items keep their translations)",
    ru: "Изменить список удобств (на русском; оставшиеся сохранят переводы)",
    uz: "Qulayliklar ro'yxatini o'zgartirish (ruscha; qolganlari tarjimalarini saqlaydi)",
  },
  "item.venuesUpdate": { en: "Change price or hours", ru: "Изменить цену или часы работы", uz: "Narx yoki ish vaqtini o'zgartirish" },
  "item.imagesAdd": { en: "Add an image", ru: "Добавить изображение", uz: "Rasm qo'shish" },
  "item.imagesRemove": { en: "Remove an image", ru: "Удалить изображение", uz: "Rasmni olib tashlash" },
  "item.venuesDelete": { en: "Deactivate a venue", ru: "Отключить площадку", uz: "Maydonni o'chirish" },
  "item.venuesReactivate": { en: "Reactivate a venue", ru: "Снова включить площадку", uz: "Maydonni qayta yoqish" },
  "item.bookingsList": { en: "List bookings", ru: "Список бронирований", uz: "Bronlar ro'yxati" },
  "item.bookingsShow": {
    en: "Show a booking and its history",
    ru: "Показать бронирование и его историю",
    uz: "Bron va uning tarixini ko'rsatish",
  },
  "item.bookingsSetStatus": { en: "Change a booking's status", ru: "Изменить статус бронирования", uz: "Bron holatini o'zgartirish" },
  "item.usersList": { en: "List users", ru: "Список пользователей", uz: "Foydalanuvchilar ro'yxati" },
  "item.usersVerify": { en: "Verify a user", ru: "Подтвердить пользователя", uz: "Foydalanuvchini tasdiqlash" },
  "item.usersActivate": { en: "Activate a user", ru: "Включить пользователя", uz: "Foydalanuvchini yoqish" },
  "item.usersDeactivate": { en: "Deactivate a user", ru: "Отключить пользователя", uz: "Foydalanuvchini o'chirish" },
  "item.usersPromote": { en: "Promote a user", ru: "Сделать администратором", uz: "Administrator qilish" },
  "item.usersDemote": { en: "Demote a user", ru: "Снять права администратора", uz: "Administratorlikdan olish" },
  "item.import": { en: "Import venues from a file", ru: "Импорт площадок из файла", uz: "Maydonlarni fayldan import qilish" },
  "item.export": { en: "Export venues", ru: "Экспорт площадок", uz: "Maydonlarni eksport qilish" },
  "item.whoami": { en: "Who am I", ru: "Кто я", uz: "Men kimman" },
  "item.login": { en: "Sign in", ru: "Войти", uz: "Kirish" },
  "item.logout": { en: "Sign out", ru: "Выйти", uz: "Chiqish (hisobdan)" },
  "item.configList": { en: "Profiles (API URLs)", ru: "Профили (адреса API)", uz: "Profillar (API manzillari)" },
  "item.configUse": { en: "Use another profile", ru: "Выбрать другой профиль", uz: "Boshqa profilni tanlash" },
  "item.configSetUrl": { en: "Set this profile's API URL", ru: "Задать адрес API профиля", uz: "Profilning API manzilini belgilash" },
  "item.completion": { en: "Tab completion for the shell", ru: "Автодополнение для оболочки", uz: "Qobiq uchun avtoto'ldirish" },

  // questions of the menu
  "ask.venueId": { en: "Venue id:", ru: "Номер площадки:", uz: "Maydon raqami:" },
  "ask.bookingId": { en: "Booking id:", ru: "Номер бронирования:", uz: "Bron raqami:" },
  "ask.userRef": { en: "Phone or id:", ru: "Телефон или номер:", uz: "Telefon yoki raqam:" },
  "ask.searchVenues": { en: "Search (empty for all):", ru: "Поиск (пусто — все):", uz: "Qidiruv (bo'sh — hammasi):" },
  "ask.searchUsers": {
    en: "Phone or name (empty for all):",
    ru: "Телефон или имя (пусто — все):",
    uz: "Telefon yoki ism (bo'sh — hammasi):",
  },
  "ask.language": { en: "Language:", ru: "Язык:", uz: "Til:" },
  "ask.amenitiesRu": {
    en: "Amenities in Russian, comma-separated:",
    ru: "Удобства на русском, через запятую:",
    uz: "Qulayliklar ruscha, vergul bilan:",
  },
  "ask.newPrice": {
    en: "New price per hour (empty: keep):",
    ru: "Новая цена за час (пусто — без изменений):",
    uz: "Soatiga yangi narx (bo'sh — o'zgarmaydi):",
  },
  "ask.newOpening": {
    en: "New opening time HH:MM (empty: keep):",
    ru: "Новое время открытия ЧЧ:ММ (пусто — без изменений):",
    uz: "Yangi ochilish vaqti SS:DD (bo'sh — o'zgarmaydi):",
  },
  "ask.newClosing": {
    en: "New closing time HH:MM (empty: keep):",
    ru: "Новое время закрытия ЧЧ:ММ (пусто — без изменений):",
    uz: "Yangi yopilish vaqti SS:DD (bo'sh — o'zgarmaydi):",
  },
  "ask.imageUrl": { en: "Image URL:", ru: "Адрес изображения:", uz: "Rasm manzili:" },
  "ask.status": { en: "Status:", ru: "Статус:", uz: "Holat:" },
  "ask.anyStatus": { en: "any", ru: "любой", uz: "istalgan" },
  "ask.dateOrAll": {
    en: "Date YYYY-MM-DD (empty for all):",
    ru: "Дата ГГГГ-ММ-ДД (пусто — все):",
    uz: "Sana YYYY-OO-KK (bo'sh — hammasi):",
  },
  "ask.file": { en: "File (.json or .csv):", ru: "Файл (.json или .csv):", uz: "Fayl (.json yoki .csv):" },
  "ask.how": { en: "How:", ru: "Как:", uz: "Qanday:" },
  "ask.dryRun": {
    en: "Dry run: report what would change, write nothing",
    ru: "Пробный прогон: показать изменения, ничего не записывать",
    uz: "Sinov: o'zgarishlarni ko'rsatish, hech narsa yozmaslik",
  },
  "ask.byRow": {
    en: "Import row by row (a bad row is reported, the others go in)",
    ru: "Построчно (о плохой строке сообщается, остальные загружаются)",
    uz: "Qatorma-qator (yomon qator haqida xabar beriladi, qolganlari yuklanadi)",
  },
  "ask.atomic": { en: "All or nothing", ru: "Всё или ничего", uz: "Hammasi yoki hech narsa" },
  "ask.format": { en: "Format:", ru: "Формат:", uz: "Format:" },
  "ask.outputFile": {
    en: "File to write (empty: print here):",
    ru: "Файл для записи (пусто — вывести здесь):",
    uz: "Yoziladigan fayl (bo'sh — shu yerga chiqarish):",
  },
  "ask.profile": { en: "Profile:", ru: "Профиль:", uz: "Profil:" },
  "ask.apiUrl": { en: "API URL:", ru: "Адрес API:", uz: "API manzili:" },
  "ask.shell": { en: "Shell:", ru: "Оболочка:", uz: "Qobiq:" },
  "note.completion": { en: "add this line to ~/.{rc}:", ru: "добавьте эту строку в ~/.{rc}:", uz: "bu qatorni ~/.{rc} ga qo'shing:" },

  // confirmations of destructive or privilege changes
  "refuse.withoutYes": {
    en: "refusing to {what} without --yes",
    ru: "без --yes не выполняю: {what}",
    uz: "--yes bo'lmasa bajarilmaydi: {what}",
  },
  "action.deleteVenue": { en: "delete", ru: "отключение площадки", uz: "maydonni o'chirish" },
  "action.cancelBooking": { en: "cancel a booking", ru: "отмена бронирования", uz: "bronni bekor qilish" },
  "action.deactivateUser": { en: "deactivate a user", ru: "отключение пользователя", uz: "foydalanuvchini o'chirish" },
  "action.demoteUser": { en: "demote a user", ru: "снятие прав администратора", uz: "administratorlikdan olish" },
  "action.promoteUser": { en: "promote a user", ru: "выдача прав администратора", uz: "administrator qilish" },
  "confirm.deactivateVenue": {
    en: "Deactivate venue #{id} {name}? Players will no longer see or book it.",
    ru: "Отключить площадку #{id} {name}? Игроки больше не увидят её и не смогут забронировать.",
    uz: "#{id} {name} maydoni o'chirilsinmi? O'yinchilar uni boshqa ko'rmaydi va bron qila olmaydi.",
  },
  "confirm.cancelBooking": {
    en: "Cancel booking #{id}: {details}?",
    ru: "Отменить бронирование #{id}: {details}?",
    uz: "#{id} bron bekor qilinsinmi: {details}?",
  },
  "confirm.deactivateUser": {
    en: "Deactivate user #{id}{who}? They will no longer be able to sign in or book.",
    ru: "Отключить пользователя #{id}{who}? Он больше не сможет войти и бронировать.",
    uz: "#{id}{who} foydalanuvchi o'chirilsinmi? U boshqa kira olmaydi va bron qila olmaydi.",
  },
  "confirm.demoteUser": {
    en: "Take admin rights away from user #{id}{who}?",
    ru: "Снять права администратора с пользователя #{id}{who}?",
    uz: "#{id}{who} foydalanuvchidan administrator huquqlari olinsinmi?",
  },
  "confirm.promoteUser": {
    en: "Give admin rights to user #{id}{who}? They will be able to change every venue, booking and user.",
    ru: "Дать права администратора пользователю #{id}{who}? Он сможет менять любые площадки, бронирования и пользователей.",
    uz: "#{id}{who} foydalanuvchiga administrator huquqlari berilsinmi? U har qanday maydon, bron va foydalanuvchini o'zgartira oladi.",
  },

  // questions of the commands
  "ask.nameRu": { en: "Name (Russian):", ru: "Название (на русском):", uz: "Nomi (ruscha):" },
  "ask.nameUz": { en: "Name (Uzbek, optional):", ru: "Название (на узбекском, необязательно):", uz: "Nomi (o'zbekcha, ixtiyoriy):" },
  "ask.nameEn": { en: "Name (English, optional):", ru: "Название (на английском, необязательно):", uz: "Nomi (inglizcha, ixtiyoriy):" },
  "ask.addressRu": { en: "Address (Russian):", ru: "Адрес (на русском):", uz: "Manzil (ruscha):" },
  "ask.price": {
    en: "Price per hour (UZS, e.g. 150000.00):",
    ru: "Цена за час (сум, например 150000.00):",
    uz: "Soatiga narx (so'm, masalan 150000.00):",
  },
  "ask.phone": { en: "Phone (+998XXXXXXXXX):", ru: "Телефон (+998XXXXXXXXX):", uz: "Telefon (+998XXXXXXXXX):" },
  "ask.codeSent": { en: "Code sent to {phone}:", ru: "Код отправлен на {phone}:", uz: "Kod {phone} raqamiga yuborildi:" },
  "ask.date": { en: "Date (YYYY-MM-DD):", ru: "Дата (ГГГГ-ММ-ДД):", uz: "Sana (YYYY-OO-KK):" },
  "ask.translationLang": { en: "Language (uz, ru, en):", ru: "Язык (uz, ru, en):", uz: "Til (uz, ru, en):" },

  // what a command did
  "done.venueCreated": { en: "created venue #{id} {name}", ru: "создана площадка #{id} {name}", uz: "#{id} {name} maydoni yaratildi" },
  "done.venueUpdated": { en: "updated venue #{id} {name}", ru: "площадка #{id} {name} изменена", uz: "#{id} {name} maydoni o'zgartirildi" },
  "done.kept": { en: "kept", ru: "оставлено как есть", uz: "o'zgarishsiz qoldi" },
  "done.venueDeactivated": { en: "venue #{id} deactivated", ru: "площадка #{id} отключена", uz: "#{id} maydoni o'chirildi" },
  "done.venueImages": {
    en: "venue #{id} has {n} image(s){list}",
    ru: "у площадки #{id} изображений: {n}{list}",
    uz: "#{id} maydonida {n} ta rasm{list}",
  },
  "done.translationSaved": {
    en: "venue #{id}: {lang} translation saved ({fields})",
    ru: "площадка #{id}: перевод ({lang}) сохранён ({fields})",
    uz: "#{id} maydoni: tarjima ({lang}) saqlandi ({fields})",
  },
  "done.userUnchanged": { en: "user #{id} unchanged", ru: "пользователь #{id} без изменений", uz: "#{id} foydalanuvchi o'zgarishsiz" },
  "done.userState": {
    en: "user #{id} {phone}: active {active}, verified {verified}, admin {admin}",
    ru: "пользователь #{id} {phone}: активен — {active}, подтверждён — {verified}, администратор — {admin}",
    uz: "#{id} foydalanuvchi {phone}: faol — {active}, tasdiqlangan — {verified}, administrator — {admin}",
  },
  "word.yes": { en: "yes", ru: "да", uz: "ha" },
  "word.no": { en: "no", ru: "нет", uz: "yo'q" },
  "done.bookingStays": {
    en: "booking #{id} stays {status}",
    ru: "бронирование #{id} остаётся: {status}",
    uz: "#{id} bron holati o'zgarmadi: {status}",
  },
  "done.bookingNow": { en: "booking #{id} is now {status}", ru: "бронирование #{id} теперь: {status}", uz: "#{id} bron endi: {status}" },
  "ask.newStatus": {
    en: "Booking #{id} is {status}; new status:",
    ru: "Бронирование #{id}: {status}; новый статус:",
    uz: "#{id} bron: {status}; yangi holat:",
  },
  "fail.noFurtherStatus": {
    en: "booking #{id} is {status}: no further status",
    ru: "бронирование #{id}: {status}, дальше статус не меняется",
    uz: "#{id} bron: {status}, holat boshqa o'zgarmaydi",
  },

  // signing in and out
  "auth.codeSent": {
    en: "code sent to {phone}; finish with: venue-admin login --phone {phone} --code <code>",
    ru: "код отправлен на {phone}; завершите так: venue-admin login --phone {phone} --code <код>",
    uz: "kod {phone} raqamiga yuborildi; shunday yakunlang: venue-admin login --phone {phone} --code <kod>",
  },
  "auth.wrongCode": {
    en: "Wrong or expired code ({left} tries left); code sent to {phone}:",
    ru: "Неверный или просроченный код (осталось попыток: {left}); код отправлен на {phone}:",
    uz: "Kod noto'g'ri yoki muddati o'tgan ({left} ta urinish qoldi); kod {phone} raqamiga yuborildi:",
  },
  "auth.wrongCodeLast": {
    en: "Wrong or expired code (1 try left); code sent to {phone}:",
    ru: "Неверный или просроченный код (осталась 1 попытка); код отправлен на {phone}:",
    uz: "Kod noto'g'ri yoki muddati o'tgan (1 ta urinish qoldi); kod {phone} raqamiga yuborildi:",
  },
  "auth.tooManyCodes": {
    en: "too many wrong codes: the code sent to {phone} no longer works; run `venue-admin login` again for a new one",
    ru: "слишком много неверных кодов: код, отправленный на {phone}, больше не действует; для нового кода снова запустите `venue-admin login`",
    uz: "noto'g'ri kodlar juda ko'p: {phone} raqamiga yuborilgan kod endi ishlamaydi; yangi kod uchun `venue-admin login` ni qayta ishga tushiring",
  },
  "auth.signedIn": {
    en: "signed in as {phone}{admin}; tokens saved in {file}",
    ru: "вход выполнен: {phone}{admin}; токены сохранены в {file}",
    uz: "kirildi: {phone}{admin}; tokenlar {file} ga saqlandi",
  },
  "auth.adminMark": { en: " (admin)", ru: " (администратор)", uz: " (administrator)" },
  "auth.notAdmin": {
    en: "note: this user is not an admin; add the phone to ADMIN_PHONES and sign in again",
    ru: "примечание: этот пользователь не администратор; добавьте телефон в ADMIN_PHONES и войдите снова",
    uz: "eslatma: bu foydalanuvchi administrator emas; telefonni ADMIN_PHONES ga qo'shing va qayta kiring",
  },
  "auth.envTokenUsed": {
    en: "note: VENUE_API_TOKEN is set and commands use it instead of this sign-in; unset it to use this one",
    ru: "примечание: задан VENUE_API_TOKEN, и команды используют его вместо этого входа; уберите его, чтобы использовать этот",
    uz: "eslatma: VENUE_API_TOKEN o'rnatilgan va buyruqlar shu kirish o'rniga undan foydalanadi; bunisidan foydalanish uchun uni olib tashlang",
  },
  "auth.notSignedIn": { en: "not signed in", ru: "вход не выполнен", uz: "kirilmagan" },
  "auth.signedOut": { en: "signed out", ru: "выход выполнен", uz: "hisobdan chiqildi" },
  "auth.signedOutHere": {
    en: "signed out here; the API could not end the sign-in ({warning}), so its refresh token lives until it expires",
    ru: "выход выполнен здесь; API не смог завершить вход ({warning}), поэтому его токен обновления действует до истечения срока",
    uz: "shu yerda chiqildi; API kirishni yakunlay olmadi ({warning}), shuning uchun yangilash tokeni muddati tugaguncha amal qiladi",
  },
  "auth.envTokenStill": {
    en: "note: VENUE_API_TOKEN is set, so commands still sign in with it until it expires; unset it to be signed out",
    ru: "примечание: задан VENUE_API_TOKEN, поэтому команды входят с ним, пока он не истечёт; уберите его, чтобы выйти",
    uz: "eslatma: VENUE_API_TOKEN o'rnatilgan, shuning uchun buyruqlar muddati tugaguncha u bilan kiradi; chiqish uchun uni olib tashlang",
  },

  // table headers and cells of the lists
  "col.name": { en: "Name", ru: "Название", uz: "Nomi" },
  "col.pricePerHour": { en: "Price/h", ru: "Цена/ч", uz: "Narx/soat" },
  "col.hours": { en: "Hours", ru: "Часы", uz: "Soatlar" },
  "col.venueActive": { en: "Active", ru: "Активна", uz: "Faol" },
  "col.venue": { en: "Venue", ru: "Площадка", uz: "Maydon" },
  "col.player": { en: "Player", ru: "Игрок", uz: "O'yinchi" },
  "col.date": { en: "Date", ru: "Дата", uz: "Sana" },
  "col.time": { en: "Time", ru: "Время", uz: "Vaqt" },
  "col.total": { en: "Total", ru: "Сумма", uz: "Jami" },
  "col.status": { en: "Status", ru: "Статус", uz: "Holat" },
  "col.phone": { en: "Phone", ru: "Телефон", uz: "Telefon" },
  "col.userName": { en: "Name", ru: "Имя", uz: "Ism" },
  "col.userActive": { en: "Active", ru: "Активен", uz: "Faol" },
  "col.verified": { en: "Verified", ru: "Подтверждён", uz: "Tasdiqlangan" },
  "col.admin": { en: "Admin", ru: "Админ", uz: "Admin" },
  "col.since": { en: "Since", ru: "С", uz: "Qo'shilgan" },
  "cell.admin": { en: "admin", ru: "админ", uz: "admin" },
  "list.noVenues": { en: "no venues match", ru: "подходящих площадок нет", uz: "mos maydonlar yo'q" },
  "list.noBookings": { en: "no bookings match", ru: "подходящих бронирований нет", uz: "mos bronlar yo'q" },
  "list.noUsers": { en: "no users match", ru: "подходящих пользователей нет", uz: "mos foydalanuvchilar yo'q" },

  // the day's availability
  "slot.free": { en: "free", ru: "свободно", uz: "bo'sh" },
  "slot.pending": { en: "pending", ru: "ожидает", uz: "kutilmoqda" },
  "slot.confirmed": { en: "confirmed", ru: "подтверждено", uz: "tasdiqlangan" },
  "slot.past": { en: "past", ru: "прошло", uz: "o'tgan" },
  "slot.closed": { en: "closed", ru: "закрыто", uz: "yopiq" },
  "slot.taken": { en: "taken", ru: "занято", uz: "band" },
  "avail.open": { en: "open {from}-{to}", ru: "открыто {from}-{to}", uz: "ochiq {from}-{to}" },
  "avail.free": { en: "free: {ranges}", ru: "свободно: {ranges}", uz: "bo'sh: {ranges}" },
  "avail.none": { en: "none", ru: "нет", uz: "yo'q" },

  // the remark under a list ({noun} is one of noun.*)
  "noun.venue": { en: "venue", ru: "площадки", uz: "maydonlar" },
  "noun.booking": { en: "booking", ru: "бронирования", uz: "bronlar" },
  "noun.user": { en: "user", ru: "пользователи", uz: "foydalanuvchilar" },
  "page.collected": { en: "{shown} of {count} {noun}(s)", ru: "{noun}: {shown} из {count}", uz: "{noun}: {count} tadan {shown} ta" },
  "page.one": {
    en: "{count} {noun}(s), page {n} of {last}{next}",
    ru: "{noun}: {count}, страница {n} из {last}{next}",
    uz: "{noun}: {count} ta, {last} sahifadan {n}-sahifa{next}",
  },
  "page.next": {
    en: " (next: --page {n}, or --all)",
    ru: " (дальше: --page {n} или --all)",
    uz: " (keyingisi: --page {n} yoki --all)",
  },

  // how a failure is shown
  "fail.prefix": { en: "error:", ru: "ошибка:", uz: "xato:" },
  "fail.cancelled": { en: "cancelled", ru: "отменено", uz: "bekor qilindi" },

  // venues translate
  "ask.trName": { en: "Name ({lang}):", ru: "Название ({lang}):", uz: "Nomi ({lang}):" },
  "ask.trAddress": { en: "Address ({lang}):", ru: "Адрес ({lang}):", uz: "Manzil ({lang}):" },
  "ask.trDescription": { en: "Description ({lang}):", ru: "Описание ({lang}):", uz: "Tavsif ({lang}):" },
  "ask.trAmenities": {
    en: "Amenities ({lang}, comma-separated, in the order: {order}):",
    ru: "Удобства ({lang}, через запятую, в порядке: {order}):",
    uz: "Qulayliklar ({lang}, vergul bilan, shu tartibda: {order}):",
  },
  "answer.amenityCount": {
    en: "{n} item(s), one for each of: {order}",
    ru: "{n} шт., по одному для каждого из: {order}",
    uz: "{n} ta, har biri uchun bittadan: {order}",
  },
  "usage.nothingToTranslate": {
    en: "nothing to translate: pass --name, --address, --description, --amenities or --amenity",
    ru: "нечего переводить: укажите --name, --address, --description, --amenities или --amenity",
    uz: "tarjima qilinadigan narsa yo'q: --name, --address, --description, --amenities yoki --amenity bering",
  },
  "usage.amenityCountOne": {
    en: "{flag} gave {given} amenity, but the venue has {have} Russian one(s){list}; give one for each, in that order",
    ru: "{flag}: указано удобств — {given}, а у площадки на русском — {have}{list}; укажите по одному для каждого, в том же порядке",
    uz: "{flag}: {given} ta qulaylik berildi, maydonda esa ruscha {have} ta{list}; har biriga bittadan, shu tartibda bering",
  },
  "usage.amenityCount": {
    en: "{flag} gave {given} amenities, but the venue has {have} Russian one(s){list}; give one for each, in that order",
    ru: "{flag}: указано удобств — {given}, а у площадки на русском — {have}{list}; укажите по одному для каждого, в том же порядке",
    uz: "{flag}: {given} ta qulaylik berildi, maydonda esa ruscha {have} ta{list}; har biriga bittadan, shu tartibda bering",
  },

  // users
  "usage.notUserRef": {
    en: "not a user id or a phone (+998XXXXXXXXX): {ref}",
    ru: "это не номер пользователя и не телефон (+998XXXXXXXXX): {ref}",
    uz: "bu foydalanuvchi raqami ham, telefon ham emas (+998XXXXXXXXX): {ref}",
  },
  "fail.noUserWithPhone": {
    en: "no user with phone {phone}",
    ru: "нет пользователя с телефоном {phone}",
    uz: "{phone} telefonli foydalanuvchi yo'q",
  },
  "fail.notToYourself.deactivate": {
    en: "user #{id} is you: an admin cannot deactivate themself; another admin has to do it",
    ru: "пользователь #{id} — это вы: администратор не может отключить сам себя; это должен сделать другой администратор",
    uz: "#{id} foydalanuvchi — bu siz: admin o'zini o'chira olmaydi; buni boshqa admin qilishi kerak",
  },
  "fail.notToYourself.demote": {
    en: "user #{id} is you: an admin cannot demote themself; another admin has to do it",
    ru: "пользователь #{id} — это вы: администратор не может снять права с самого себя; это должен сделать другой администратор",
    uz: "#{id} foydalanuvchi — bu siz: admin o'zidan admin huquqini ola olmaydi; buni boshqa admin qilishi kerak",
  },

  // import and export
  "import.progress": { en: "importing {done}/{total}", ru: "импорт {done}/{total}", uz: "import {done}/{total}" },
  "import.progressAtomic": {
    en: "importing {n} rows in one transaction",
    ru: "импорт строк в одной транзакции: {n}",
    uz: "bitta tranzaksiyada {n} ta qator import qilinmoqda",
  },
  "import.summary": { en: "{rows} row(s): {parts}", ru: "строк: {rows}; {parts}", uz: "{rows} ta qator: {parts}" },
  "import.created": { en: "{n} created", ru: "создано: {n}", uz: "{n} ta yaratildi" },
  "import.updated": { en: "{n} updated", ru: "изменено: {n}", uz: "{n} ta o'zgartirildi" },
  "import.unchanged": { en: "{n} unchanged", ru: "без изменений: {n}", uz: "{n} ta o'zgarishsiz" },
  "import.wouldCreate": { en: "{n} would be created", ru: "было бы создано: {n}", uz: "{n} ta yaratilar edi" },
  "import.wouldUpdate": { en: "{n} would be updated", ru: "было бы изменено: {n}", uz: "{n} ta o'zgartirilar edi" },
  "import.wouldStay": { en: "{n} would be unchanged", ru: "осталось бы без изменений: {n}", uz: "{n} ta o'zgarishsiz qolar edi" },
  "import.failed": { en: "{n} failed", ru: "с ошибками: {n}", uz: "{n} ta xato" },
  "import.skipped": { en: "{n} not imported", ru: "не импортировано: {n}", uz: "{n} ta import qilinmadi" },
  "import.dryRun": {
    en: "dry run, nothing written: {summary}",
    ru: "пробный запуск, ничего не записано: {summary}",
    uz: "sinov, hech narsa yozilmadi: {summary}",
  },
  "import.unkeyed": {
    en: "{n} created row(s) had no id or slug: importing them again creates them again",
    ru: "у созданных строк без id и slug ({n}) повторный импорт создаст их снова",
    uz: "id yoki slug'siz yaratilgan qatorlar ({n} ta) qayta import qilinsa, yana yaratiladi",
  },
  "import.notImported": {
    en: "{n} row(s) were not imported",
    ru: "не импортировано строк: {n}",
    uz: "{n} ta qator import qilinmadi",
  },
  "import.nothingImported": {
    en: "nothing was imported (--atomic): fix the rows listed and import again",
    ru: "ничего не импортировано (--atomic): исправьте перечисленные строки и импортируйте снова",
    uz: "hech narsa import qilinmadi (--atomic): ko'rsatilgan qatorlarni tuzatib, qayta import qiling",
  },
  "import.interrupted": {
    en: "interrupted: rows from line {line} on were not imported; import the file again to finish (rows with an id or a slug are not created twice)",
    ru: "прервано: строки начиная со строки {line} не импортированы; импортируйте файл снова, чтобы закончить (строки с id или slug не создаются дважды)",
    uz: "to'xtatildi: {line}-qatordan boshlab import qilinmadi; tugatish uchun faylni qayta import qiling (id yoki slug'li qatorlar ikki marta yaratilmaydi)",
  },
  "import.atomicTooMany": {
    en: "--atomic takes at most {max} rows; this file has {n}",
    ru: "--atomic принимает не больше {max} строк; в этом файле их {n}",
    uz: "--atomic ko'pi bilan {max} ta qator oladi; bu faylda {n} ta",
  },
  "import.atomicTooLarge": {
    en: "--atomic sends the whole file at once, and it is larger than the API takes (1 MB)",
    ru: "--atomic отправляет весь файл сразу, а он больше, чем принимает API (1 МБ)",
    uz: "--atomic butun faylni birdaniga yuboradi, u esa API qabul qiladiganidan katta (1 MB)",
  },
  "col.line": { en: "Line", ru: "Строка", uz: "Qator" },
  "col.result": { en: "Result", ru: "Результат", uz: "Natija" },
  "col.details": { en: "Details", ru: "Подробности", uz: "Tafsilotlar" },
  "export.progress": { en: "exporting {done}/{total}", ru: "экспорт {done}/{total}", uz: "eksport {done}/{total}" },
  "export.wrote": {
    en: "wrote {n} venue(s) to {file}",
    ru: "площадок записано в {file}: {n}",
    uz: "{file} fayliga {n} ta maydon yozildi",
  },
  "export.cannotWrite": {
    en: "cannot write {file}: {reason}",
    ru: "не удалось записать {file}: {reason}",
    uz: "{file} yozilmadi: {reason}",
  },
  "usage.format": { en: "--format must be json or csv", ru: "--format: json или csv", uz: "--format: json yoki csv" },

  // whoami and config
  "whoami.line": {
    en: "{who} #{id}{admin} at {api} ({via})",
    ru: "{who} #{id}{admin}, {api} ({via})",
    uz: "{who} #{id}{admin}, {api} ({via})",
  },
  "whoami.admin": { en: ", admin", ru: ", администратор", uz: ", administrator" },
  "whoami.viaProfile": { en: "profile {name}", ru: "профиль {name}", uz: "{name} profili" },
  "config.nowUsing": { en: "now using profile {name}", ru: "теперь используется профиль {name}", uz: "endi {name} profili ishlatiladi" },
  "config.profileUrl": { en: "profile {name}: {url}", ru: "профиль {name}: {url}", uz: "{name} profili: {url}" },
  "config.signInAgain": {
    en: "its sign-in was for {old}; sign in again: venue-admin --profile {name} login",
    ru: "вход в нём был выполнен для {old}; войдите снова: venue-admin --profile {name} login",
    uz: "undagi kirish {old} uchun edi; qayta kiring: venue-admin --profile {name} login",
  },
  "config.unknownProfile": {
    en: 'unknown profile "{name}" (known: {known}); create it with `venue-admin config set-url <url> --profile {name}`',
    ru: 'неизвестный профиль "{name}" (есть: {known}); создайте его: `venue-admin config set-url <url> --profile {name}`',
    uz: 'noma\'lum profil "{name}" (mavjudlari: {known}); uni yarating: `venue-admin config set-url <url> --profile {name}`',
  },
  "config.noSuchProfile": {
    en: 'unknown profile "{name}": create it with `venue-admin config set-url <url> --profile {name}`',
    ru: 'неизвестный профиль "{name}": создайте его: `venue-admin config set-url <url> --profile {name}`',
    uz: 'noma\'lum profil "{name}": uni yarating: `venue-admin config set-url <url> --profile {name}`',
  },
  "col.profile": { en: "Profile", ru: "Профиль", uz: "Profil" },
  "col.apiUrl": { en: "API URL", ru: "Адрес API", uz: "API manzili" },
  "col.signedIn": { en: "Signed in", ru: "Вход", uz: "Kirgan" },
  "config.defaultUrl": { en: "VENUE_API_URL or {url}", ru: "VENUE_API_URL или {url}", uz: "VENUE_API_URL yoki {url}" },

  "lang.ru": { en: "Russian", ru: "Русский", uz: "Ruscha" },
  "lang.uz": { en: "Uzbek", ru: "Узбекский", uz: "O'zbekcha" },
  "lang.en": { en: "English", ru: "Английский", uz: "Inglizcha" },
} as const satisfies Record<string, Record<Lang, string>>;
