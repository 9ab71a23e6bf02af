// Small builders for the data-layer tests.
import type { SQL } from "drizzle-orm";
import type { Database, Repositories, VenueInput } from "../src/index.ts";

/** Every booking in these tests is on this day. */
export const DAY = "2026-11-25";

export function venueInput(over: Partial<VenueInput> = {}): VenueInput {
  return {
    name: { ru: "Стадион Пахтакор", uz: "Paxtakor stadioni", en: "Pakhtakor Stadium" },
    address: { ru: "ул. Навои, 1", uz: "Navoiy ko'chasi, 1", en: "1 Navoi St" },
    description: { ru: "Футбольное поле", uz: "Futbol maydoni", en: "Football pitch" },
    amenities: [{ ru: "Душ", uz: "Dush", en: "Shower" }],
    pricePerHour: "150000.00",
    images: ["https://example.com/a.jpg"],
    ...over,
  };
}

let phoneSeq = 100_000_000;
export function nextPhone(): string {
  phoneSeq += 1;
  return `+998${String(phoneSeq).padStart(9, "0")}`;
}

export async function newUser(repos: Repositories, admin = false) {
  return (await repos.users.signIn(nextPhone(), { admin })).user;
}

/** What insertWithEvent echoes back unread; the fixtures read the booking again instead. */
export const UNREAD = { venueName: { ru: "-" }, unitName: { ru: "-" }, userPhone: "" };

/** A pending booking written straight through the repository (the API's service checks the rules first). */
export async function insertBooking(
  repos: Repositories,
  b: { userId: number; venueId: number; unitId?: number; places?: number; date?: string; start: string; end: string; totalPrice?: string },
) {
  const unitId = b.unitId ?? (await repos.units.listByVenue(b.venueId))[0]?.id;
  if (unitId === undefined) throw new Error(`venue ${b.venueId} has no unit`);
  const { id } = await repos.bookings.insertWithEvent(
    {
      userId: b.userId,
      venueId: b.venueId,
      unitId,
      places: b.places ?? 1,
      bookingDate: b.date ?? DAY,
      startTime: b.start,
      endTime: b.end,
      totalPrice: b.totalPrice ?? "100.00",
    },
    { actor: "user", actorUserId: b.userId },
    UNREAD,
  );
  // read back as the API reads it, names and phone included
  const booking = await repos.bookings.get(id);
  if (!booking) throw new Error(`booking ${id} was not found after its insert`);
  return booking;
}

/** The rows of a raw query, on either driver (both answer with `rows`). */
export async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** The error `p` rejects with; fails the test when it resolves. */
export async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure, but it succeeded");
}
