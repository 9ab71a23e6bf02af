// Bulk data for the benchmark: 1,000 venues and 50,000 bookings, inserted by set-based SQL.
import { addDays, localDateTime } from "@venue-booking/core";
import type pg from "pg";

export const VENUES = 1000;
export const USERS = 1000;
export const BUSY_DAYS = 10; // days 1..10 ahead carry the seeded bookings
export const BOOKINGS_PER_VENUE_DAY = 5;

export async function seedBench(client: pg.Client, timeZone: string): Promise<{ busyDay: string; firstFreeDay: number }> {
  const today = localDateTime(new Date(), timeZone).date;
  await client.query(`
    insert into users (phone, name, is_verified)
    select '+99899' || lpad(g::text, 7, '0'), 'Bench player ' || g, true
      from generate_series(1, ${USERS}) g`);
  // Every 7th venue has "arena" in its names, for the search case; prices spread 50,000-545,000.
  await client.query(`
    insert into venues (name, address, description, amenities, price_per_hour, images, opening_time, closing_time)
    select jsonb_build_object(
             'ru', case when g % 7 = 0 then 'Арена ' else 'Площадка ' end || g,
             'uz', case when g % 7 = 0 then 'Arena ' else 'Maydon ' end || g,
             'en', case when g % 7 = 0 then 'Arena ' else 'Pitch ' end || g),
           jsonb_build_object('ru', 'ул. Спортивная, ' || g, 'uz', 'Sport ko''chasi, ' || g, 'en', g || ' Sport St'),
           jsonb_build_object('ru', 'Поле для мини-футбола с искусственным газоном и освещением, раздевалки и душ.',
                              'uz', 'Sun''iy qoplamali va yoritilgan mini-futbol maydoni, kiyinish xonalari va dush.',
                              'en', 'Five-a-side pitch with artificial turf and floodlights, changing rooms and showers.'),
           '[{"ru":"Душ","uz":"Dush","en":"Showers"},{"ru":"Парковка","uz":"Avtoturargoh","en":"Parking"},{"ru":"Освещение","uz":"Yoritish","en":"Floodlights"}]'::jsonb,
           (50000 + (g % 100) * 5000)::numeric(12, 2),
           jsonb_build_array('https://picsum.photos/seed/bench-' || g || '-1/1200/800', 'https://picsum.photos/seed/bench-' || g || '-2/1200/800'),
           '09:00', '22:00'
      from generate_series(1, ${VENUES}) g`);
  // 5 bookings a day for 10 days at every venue: 09-10, 11-12, 13-15, 16-17, 19-21.
  await client.query(
    `
    insert into bookings (user_id, venue_id, booking_date, start_time, end_time, total_price, status)
    select 1 + (v * 31 + d * 7 + s) % ${USERS}, v, $1::date + d,
           (array['09:00','11:00','13:00','16:00','19:00'])[s]::time,
           (array['10:00','12:00','15:00','17:00','21:00'])[s]::time,
           100000, case when s % 2 = 0 then 'confirmed' else 'pending' end
      from generate_series(1, ${VENUES}) v, generate_series(1, ${BUSY_DAYS}) d, generate_series(1, ${BOOKINGS_PER_VENUE_DAY}) s`,
    [today],
  );
  await client.query("analyze");
  return { busyDay: addDays(today, 3), firstFreeDay: BUSY_DAYS + 5 };
}
