// Demo venues of Tashkent in three languages. Prices are in UZS per hour.
import type { UnitInput } from "./units.ts";
import type { VenueInput } from "./venues.ts";

/** A demo venue's unit; a combined one names its parts by their Russian names. */
export type SeedUnit = Omit<UnitInput, "contains" | "sortOrder" | "isActive"> & { contains?: string[] };

/** A demo venue; without `units` it keeps the one unit named after it. */
type SeedVenue = VenueInput & { units?: SeedUnit[] };

const img = (slug: string, n: number) => Array.from({ length: n }, (_, i) => `https://picsum.photos/seed/${slug}-${i + 1}/1200/800`);

const A = {
  showers: { ru: "Душевые", uz: "Dush xonalari", en: "Showers" },
  lockers: { ru: "Раздевалки", uz: "Kiyinish xonalari", en: "Changing rooms" },
  parking: { ru: "Парковка", uz: "Avtoturargoh", en: "Parking" },
  lights: { ru: "Освещение", uz: "Yoritish", en: "Floodlights" },
  balls: { ru: "Мячи напрокат", uz: "To'p ijarasi", en: "Ball rental" },
  bibs: { ru: "Манишки", uz: "Maykalar", en: "Training bibs" },
  stands: { ru: "Трибуны", uz: "Tribunalar", en: "Stands" },
  cafe: { ru: "Кафе", uz: "Kafe", en: "Café" },
  wifi: { ru: "Wi-Fi", uz: "Wi-Fi", en: "Wi-Fi" },
  aircon: { ru: "Кондиционер", uz: "Konditsioner", en: "Air conditioning" },
  rackets: { ru: "Ракетки напрокат", uz: "Raketka ijarasi", en: "Racket rental" },
  coach: { ru: "Тренер по запросу", uz: "So'rov bo'yicha murabbiy", en: "Coach on request" },
  water: { ru: "Питьевая вода", uz: "Ichimlik suvi", en: "Drinking water" },
  heating: { ru: "Отопление", uz: "Isitish", en: "Heating" },
} as const;

const courts = (n: number): SeedUnit[] =>
  Array.from({ length: n }, (_, i) => ({ name: { ru: `Корт ${i + 1}`, uz: `${i + 1}-kort`, en: `Court ${i + 1}` }, kind: "court" }));

export const SEED_VENUES: SeedVenue[] = [
  {
    name: { ru: "Футбольное поле «Бунёдкор Арена»", uz: "«Bunyodkor Arena» futbol maydoni", en: "Bunyodkor Arena Football Pitch" },
    address: {
      ru: "Чиланзарский район, ул. Бунёдкор, 47",
      uz: "Chilonzor tumani, Bunyodkor ko'chasi, 47",
      en: "47 Bunyodkor St, Chilanzar District",
    },
    description: {
      ru: "Полноразмерное поле с искусственным газоном FIFA Quality, 105×68 м. Подходит для матчей 11×11 и турниров; половину поля можно забронировать отдельно.",
      uz: "FIFA Quality sun'iy qoplamali to'liq o'lchamli maydon, 105×68 m. 11×11 o'yinlar va turnirlar uchun; maydonning yarmini alohida band qilish mumkin.",
      en: "Full-size FIFA Quality artificial turf pitch, 105×68 m. Fits 11-a-side matches and tournaments; each half can be booked on its own.",
    },
    amenities: [A.showers, A.lockers, A.parking, A.lights, A.stands],
    pricePerHour: "450000.00",
    images: img("bunyodkor-pitch", 3),
    openingTime: "08:00",
    closingTime: "23:00",
    units: [
      { name: { ru: "Половина поля A", uz: "Maydonning A yarmi", en: "Half pitch A" }, kind: "pitch", pricePerHour: "250000.00" },
      { name: { ru: "Половина поля B", uz: "Maydonning B yarmi", en: "Half pitch B" }, kind: "pitch", pricePerHour: "250000.00" },
      {
        name: { ru: "Всё поле", uz: "Butun maydon", en: "Full pitch" },
        kind: "pitch",
        contains: ["Половина поля A", "Половина поля B"],
      },
    ],
  },
  {
    name: { ru: "Мини-футбол «Юнусабад»", uz: "«Yunusobod» mini-futbol maydoni", en: "Yunusabad Mini-Football Pitch" },
    address: { ru: "Юнусабадский район, 4-й квартал, 12", uz: "Yunusobod tumani, 4-mavze, 12", en: "12 Block 4, Yunusabad District" },
    description: {
      ru: "Открытое поле 40×20 м для игр 5×5 и 6×6, мягкий газон, ограждение по периметру.",
      uz: "5×5 va 6×6 o'yinlar uchun 40×20 m ochiq maydon, yumshoq qoplama, atrofi o'ralgan.",
      en: "Open 40×20 m pitch for 5-a-side and 6-a-side, soft turf, fenced all round.",
    },
    amenities: [A.lockers, A.lights, A.balls, A.bibs],
    pricePerHour: "180000.00",
    images: img("yunusabad-mini", 2),
    // open late at the weekend, dearer in the evenings and on weekend days
    weeklyHours: [
      ...[1, 2, 3, 4].map((weekday) => ({ weekday, opening_time: "09:00", closing_time: "23:00" })),
      { weekday: 5, opening_time: "09:00", closing_time: "02:00" },
      { weekday: 6, opening_time: "09:00", closing_time: "02:00" },
      { weekday: 7, opening_time: "10:00", closing_time: "23:00" },
    ],
    priceRules: [
      { weekdays: [1, 2, 3, 4, 5], start_time: "18:00", end_time: "23:00", price_per_hour: "220000.00" },
      { weekdays: [5, 6], start_time: "23:00", end_time: "02:00", price_per_hour: "250000.00" },
      { weekdays: [6, 7], start_time: "09:00", end_time: "23:00", price_per_hour: "200000.00" },
    ],
  },
  {
    name: { ru: "Футзал-холл «Мирзо Улугбек»", uz: "«Mirzo Ulug'bek» futzal zali", en: "Mirzo Ulugbek Futsal Hall" },
    address: {
      ru: "Мирзо-Улугбекский район, ул. Буюк Ипак Йули, 158",
      uz: "Mirzo Ulug'bek tumani, Buyuk Ipak yo'li ko'chasi, 158",
      en: "158 Buyuk Ipak Yuli St, Mirzo Ulugbek District",
    },
    description: {
      ru: "Крытый зал с паркетом для футзала, 40×20 м, трибуны на 150 мест.",
      uz: "Futzal uchun parket qoplamali yopiq zal, 40×20 m, 150 o'rinli tribuna.",
      en: "Indoor futsal hall with a sprung wooden floor, 40×20 m, seating for 150.",
    },
    amenities: [A.showers, A.lockers, A.stands, A.heating, A.aircon],
    pricePerHour: "250000.00",
    images: img("ulugbek-futsal", 3),
    openingTime: "07:00",
    closingTime: "23:00",
  },
  {
    name: { ru: "Баскетбольный зал «Олимпия»", uz: "«Olimpiya» basketbol zali", en: "Olympia Basketball Hall" },
    address: {
      ru: "Мирабадский район, ул. Амира Темура, 24",
      uz: "Mirobod tumani, Amir Temur ko'chasi, 24",
      en: "24 Amir Temur St, Mirabad District",
    },
    description: {
      ru: "Зал с профессиональным покрытием и стеклянными щитами, разметка FIBA.",
      uz: "Professional qoplama va shisha shitlar, FIBA belgilari bilan zal.",
      en: "Hall with a professional floor, glass backboards and FIBA markings.",
    },
    amenities: [A.showers, A.lockers, A.balls, A.aircon, A.water],
    pricePerHour: "220000.00",
    images: img("olympia-basket", 2),
  },
  {
    name: { ru: "Теннисные корты «Ташкент Сити»", uz: "«Tashkent City» tennis kortlari", en: "Tashkent City Tennis Courts" },
    address: {
      ru: "Шайхантахурский район, ул. Фурката, 3",
      uz: "Shayxontohur tumani, Furqat ko'chasi, 3",
      en: "3 Furkat St, Shaykhantakhur District",
    },
    description: {
      ru: "Четыре хардовых корта с освещением, прокат ракеток и тренер по записи.",
      uz: "To'rtta yoritilgan hard kort, raketka ijarasi va yozilish bo'yicha murabbiy.",
      en: "Four floodlit hard courts, racket rental and a coach by appointment.",
    },
    amenities: [A.lights, A.rackets, A.coach, A.parking],
    pricePerHour: "120000.00",
    images: img("city-tennis", 2),
    openingTime: "06:00",
    closingTime: "22:00",
    units: courts(4),
  },
  {
    name: { ru: "Поле «Сергели Спорт»", uz: "«Sergeli Sport» maydoni", en: "Sergeli Sport Pitch" },
    address: {
      ru: "Сергелийский район, ул. Янги Сергели, 9",
      uz: "Sergeli tumani, Yangi Sergeli ko'chasi, 9",
      en: "9 Yangi Sergeli St, Sergeli District",
    },
    description: {
      ru: "Поле 60×40 м для игр 8×8, прожекторы для вечерних матчей.",
      uz: "8×8 o'yinlar uchun 60×40 m maydon, kechki o'yinlar uchun projektorlar.",
      en: "60×40 m pitch for 8-a-side, floodlit for evening games.",
    },
    amenities: [A.lockers, A.lights, A.parking, A.bibs],
    pricePerHour: "200000.00",
    images: img("sergeli-pitch", 2),
  },
  {
    name: { ru: "Спорткомплекс «Чорсу»", uz: "«Chorsu» sport majmuasi", en: "Chorsu Sports Complex" },
    address: { ru: "Алмазарский район, пл. Чорсу, 5", uz: "Olmazor tumani, Chorsu maydoni, 5", en: "5 Chorsu Sq, Almazar District" },
    description: {
      ru: "Универсальный зал для волейбола, баскетбола и мини-футбола рядом с базаром Чорсу.",
      uz: "Chorsu bozori yonidagi voleybol, basketbol va mini-futbol uchun universal zal.",
      en: "Multi-sport hall for volleyball, basketball and indoor football next to Chorsu Bazaar.",
    },
    amenities: [A.showers, A.lockers, A.heating, A.cafe],
    pricePerHour: "160000.00",
    images: img("chorsu-complex", 2),
    openingTime: "08:00",
    closingTime: "21:00",
  },
  {
    name: { ru: "Футбольный манеж «Яккасарай»", uz: "«Yakkasaroy» futbol manej", en: "Yakkasaray Indoor Football Arena" },
    address: {
      ru: "Яккасарайский район, ул. Шота Руставели, 41",
      uz: "Yakkasaroy tumani, Shota Rustaveli ko'chasi, 41",
      en: "41 Shota Rustaveli St, Yakkasaray District",
    },
    description: {
      ru: "Крытый манеж с искусственным газоном — играйте круглый год в любую погоду.",
      uz: "Sun'iy qoplamali yopiq manej — yil bo'yi har qanday ob-havoda o'ynang.",
      en: "Covered arena with artificial turf: play all year round in any weather.",
    },
    amenities: [A.showers, A.lockers, A.heating, A.balls, A.cafe, A.wifi],
    pricePerHour: "320000.00",
    images: img("yakkasaray-arena", 3),
    openingTime: "08:00",
    closingTime: "24:00",
  },
  {
    name: { ru: "Теннисный клуб «Юкори Чирчик»", uz: "«Yuqori Chirchiq» tennis klubi", en: "Yukori Chirchik Tennis Club" },
    address: {
      ru: "Юнусабадский район, ул. Богишамол, 220",
      uz: "Yunusobod tumani, Bog'ishamol ko'chasi, 220",
      en: "220 Bogishamol St, Yunusabad District",
    },
    description: {
      ru: "Грунтовые корты в тихом районе, раздевалки и кафе с террасой.",
      uz: "Tinch hududdagi grunt kortlar, kiyinish xonalari va ayvonli kafe.",
      en: "Clay courts in a quiet neighbourhood, changing rooms and a café with a terrace.",
    },
    amenities: [A.lockers, A.cafe, A.rackets, A.parking],
    pricePerHour: "140000.00",
    images: img("chirchik-tennis", 2),
    openingTime: "07:00",
    closingTime: "21:00",
  },
  {
    name: { ru: "Площадка «Бектемир 5×5»", uz: "«Bektemir 5×5» maydoni", en: "Bektemir 5-a-side Court" },
    address: {
      ru: "Бектемирский район, ул. Хусейна Байкаро, 18",
      uz: "Bektemir tumani, Husayn Boyqaro ko'chasi, 18",
      en: "18 Husayn Boykaro St, Bektemir District",
    },
    description: {
      ru: "Недорогая площадка для дворового футбола с новым газоном.",
      uz: "Yangi qoplamali hovli futboli uchun arzon maydon.",
      en: "Budget court for street football with new turf.",
    },
    amenities: [A.lights, A.water],
    pricePerHour: "90000.00",
    images: img("bektemir-court", 1),
  },
  {
    name: { ru: "Баскетбольная площадка «Анхор»", uz: "«Anhor» basketbol maydonchasi", en: "Ankhor Streetball Court" },
    address: {
      ru: "Шайхантахурский район, набережная Анхора, 2",
      uz: "Shayxontohur tumani, Anhor sohili, 2",
      en: "2 Ankhor Embankment, Shaykhantakhur District",
    },
    description: {
      ru: "Открытая площадка для стритбола 3×3 у канала Анхор.",
      uz: "Anhor kanali bo'yidagi 3×3 stritbol uchun ochiq maydoncha.",
      en: "Open-air 3×3 streetball court by the Ankhor canal.",
    },
    amenities: [A.lights, A.balls],
    pricePerHour: "75000.50",
    images: img("ankhor-streetball", 2),
    openingTime: "10:00",
    closingTime: "22:00",
  },
  {
    name: { ru: "Стадион «Дустлик»", uz: "«Do'stlik» stadioni", en: "Dustlik Stadium" },
    address: {
      ru: "Чиланзарский район, ул. Катартал, 60",
      uz: "Chilonzor tumani, Qatortol ko'chasi, 60",
      en: "60 Katartal St, Chilanzar District",
    },
    description: {
      ru: "Стадион с натуральным газоном и беговыми дорожками, трибуны на 2000 зрителей.",
      uz: "Tabiiy qoplamali va yugurish yo'lakchali stadion, 2000 tomoshabinlik tribuna.",
      en: "Stadium with natural grass and a running track, stands for 2,000 spectators.",
    },
    amenities: [A.showers, A.lockers, A.parking, A.lights, A.stands, A.cafe],
    pricePerHour: "600000.00",
    images: img("dustlik-stadium", 3),
    openingTime: "09:00",
    closingTime: "22:00",
  },
  {
    name: { ru: "Волейбольный зал «Учтепа»", uz: "«Uchtepa» voleybol zali", en: "Uchtepa Volleyball Hall" },
    address: { ru: "Учтепинский район, ул. Лутфий, 14", uz: "Uchtepa tumani, Lutfiy ko'chasi, 14", en: "14 Lutfiy St, Uchtepa District" },
    description: {
      ru: "Зал с сеткой олимпийской высоты и мягким покрытием, подходит для бадминтона.",
      uz: "Olimpiya balandligidagi to'r va yumshoq qoplamali zal, badminton uchun ham mos.",
      en: "Hall with an Olympic-height net and a soft floor; works for badminton too.",
    },
    amenities: [A.lockers, A.aircon, A.water, A.wifi],
    pricePerHour: "130000.00",
    images: img("uchtepa-volley", 2),
  },
  {
    name: { ru: "Падел-корт «Сити Падел»", uz: "«City Padel» padel korti", en: "City Padel Court" },
    address: { ru: "Мирабадский район, ул. Ойбека, 36", uz: "Mirobod tumani, Oybek ko'chasi, 36", en: "36 Oybek St, Mirabad District" },
    description: {
      ru: "Стеклянный корт для падела, ракетки и мячи включены в стоимость.",
      uz: "Padel uchun shisha kort, raketka va to'plar narxga kiritilgan.",
      en: "Glass padel court; rackets and balls included in the price.",
    },
    amenities: [A.rackets, A.balls, A.aircon, A.cafe],
    pricePerHour: "275000.00",
    images: img("city-padel", 2),
    openingTime: "07:00",
    closingTime: "23:00",
  },
  {
    name: { ru: "Тренажёрный зал «Атлет»", uz: "«Atlet» trenajyor zali", en: "Atlet Open Gym" },
    address: { ru: "Мирабадский район, ул. Нукус, 78", uz: "Mirobod tumani, Nukus ko'chasi, 78", en: "78 Nukus St, Mirabad District" },
    description: {
      ru: "Открытый тренажёрный зал на 30 человек: без абонемента, оплата за место на час.",
      uz: "30 kishilik ochiq trenajyor zali: obunasiz, bir soatlik joy uchun to'lov.",
      en: "Open gym for 30 people: no membership, pay for a place by the hour.",
    },
    amenities: [A.showers, A.lockers, A.aircon, A.water],
    pricePerHour: "30000.00",
    images: img("atlet-gym", 2),
    openingTime: "06:00",
    closingTime: "23:00",
    units: [
      { name: { ru: "Свободное посещение", uz: "Erkin tashrif", en: "Open gym" }, kind: "gym", capacity: 30, pricePerHour: "30000.00" },
    ],
  },
];
