// What the front desk tests share: the days they book on, amounts as a terminal shows them, and a
// venue of two courts open 08:00-23:00, dearer from 19:00.
import { VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime, weekdayOf } from "@venue-booking/core";
import type { CliHarness } from "./harness.ts";

export const TODAY = localDateTime(new Date()).date;

/** The first date at least two days ahead that falls on `weekday` (1 = Monday). */
export const next = (weekday: number) => {
  let d = addDays(TODAY, 2);
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return d;
};

/** "150000" as a terminal shows it: "150 000.00 UZS". */
export const UZS = (amount: string) => `${amount.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")}.00\u00a0UZS`;

/** A venue open 08:00-23:00 with two courts, dearer from 19:00; its id and the courts' ids. */
export async function deskVenue(t: CliHarness): Promise<{ id: number; c1: number; c2: number }> {
  const v = await t.context().ctx.api.post(
    "/api/venues/",
    {
      name: { ru: "Ресепшн", en: "Desk Arena" },
      address: { ru: "ул. 7" },
      price_per_hour: "100000",
      opening_time: "08:00",
      closing_time: "23:00",
      units: [
        { name: { ru: "Корт 1", en: "Court 1" }, kind: "court" },
        { name: { ru: "Корт 2", en: "Court 2" }, kind: "court" },
      ],
      price_rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start_time: "19:00", end_time: "23:00", price_per_hour: "150000" }],
    },
    VenueSchema,
  );
  const [c1, c2] = v.units.map((u) => u.id) as [number, number];
  return { id: v.id, c1, c2 };
}
