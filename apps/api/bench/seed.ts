// Bulk data for the benchmark, inserted by set-based SQL: 1,000 venues of one unit each with 50,000
// bookings, and 50 venues of four courts each, whose first courts are taken in a pattern on every
// day the bench books or reads, so that a booking of any court has to look past them.
import { addDays, localDateTime } from "@venue-booking/core";
import type pg from "pg";

export const VENUES = 1000;
export const USERS = 1000;
export const BUSY_DAYS = 10; // days 1..10 ahead carry the seeded bookings
export const BOOKINGS_PER_VENUE_DAY = 5;
export const COURT_VENUES = 50;
export const COURTS = 4;
export const FREE_DAYS = 40; // the days booking cases book, from firstFreeDay on

export type BenchData = {
  busyDay: string;
  /** Days ahead from which the bench books; the single-unit venues have nothing booked there. */
  firstFreeDay: number;
  /** The venues of four courts. */
  courtVenues: number[];
  /** Bookings seeded in all. */
  bookings: number;
};

export async function seedBench(client: pg.Client, timeZone: string): Promise<BenchData> {
  const today = localDateTime(new Date(), timeZone).date;
  const firstFreeDay = BUSY_DAYS + 5;
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
  // One exclusive unit named after each, as every venue gets when created without units.
  await client.query(`insert into units (venue_id, name) select id, name from venues order by id`);
  // 5 bookings a day for 10 days at every venue: 09-10, 11-12, 13-15, 16-17, 19-21.
  await client.query(
    `
    insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price, status)
    select 1 + (u.venue_id * 31 + d * 7 + s) % ${USERS}, u.venue_id, u.id, $1::date + d,
           (array['09:00','11:00','13:00','16:00','19:00'])[s]::time,
           (array['10:00','12:00','15:00','17:00','21:00'])[s]::time,
           100000, case when s % 2 = 0 then 'confirmed' else 'pending' end
      from units u, generate_series(1, ${BUSY_DAYS}) d, generate_series(1, ${BOOKINGS_PER_VENUE_DAY}) s`,
    [today],
  );
  const { rows: courtRows } = await client.query<{ id: number }>(`
    insert into venues (name, address, description, amenities, price_per_hour, images, opening_time, closing_time)
    select jsonb_build_object('ru', 'Теннисный центр ' || g, 'uz', 'Tennis markazi ' || g, 'en', 'Tennis Centre ' || g),
           jsonb_build_object('ru', 'ул. Теннисная, ' || g, 'uz', 'Tennis ko''chasi, ' || g, 'en', g || ' Tennis St'),
           jsonb_build_object('ru', 'Четыре хардовых корта с освещением.', 'uz', 'To''rtta yoritilgan hard kort.', 'en', 'Four floodlit hard courts.'),
           '[{"ru":"Освещение","uz":"Yoritish","en":"Floodlights"}]'::jsonb,
           120000, jsonb_build_array('https://picsum.photos/seed/bench-tennis-' || g || '/1200/800'), '09:00', '22:00'
      from generate_series(1, ${COURT_VENUES}) g
     order by g
    returning id`);
  const courtVenues = courtRows.map((r) => r.id);
  await client.query(
    `
    insert into units (venue_id, name, kind, sort_order)
    select v, jsonb_build_object('ru', 'Корт ' || k, 'uz', k || '-kort', 'en', 'Court ' || k), 'court', k - 1
      from unnest($1::int[]) v, generate_series(1, ${COURTS}) k
     order by v, k`,
    [courtVenues],
  );
  // Every hour 09-22 of every day up to the last one booked: the first 0-3 courts taken (1.5 on average).
  await client.query(
    `
    insert into bookings (user_id, venue_id, unit_id, booking_date, start_time, end_time, total_price, status)
    select 1 + (u.id * 17 + d * 5 + h) % ${USERS}, u.venue_id, u.id, $1::date + d, make_time(h, 0, 0), make_time(h + 1, 0, 0),
           120000, case when (d + h) % 2 = 0 then 'confirmed' else 'pending' end
      from units u, generate_series(1, ${firstFreeDay + FREE_DAYS - 1}) d, generate_series(9, 21) h
     where u.venue_id = any($2::int[]) and u.sort_order < (u.venue_id + d + h) % ${COURTS}`,
    [today, courtVenues],
  );
  const { rows } = await client.query<{ n: string }>("select count(*) as n from bookings");
  await client.query("analyze");
  return { busyDay: addDays(today, 3), firstFreeDay, courtVenues, bookings: Number(rows[0]?.n ?? 0) };
}
