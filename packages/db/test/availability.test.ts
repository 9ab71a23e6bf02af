// A venue's day as its availability reads it (and unit choice, through dayHolds): what holds its
// units and the date's sessions, the same for days asked for together (one statement) as for each alone.
import { addDays } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories } from "../src/index.ts";
import type { DatabaseHandle, DayBusy, Repositories } from "../src/index.ts";
import { testBackends } from "../src/testing.ts";
import { DAY, insertBooking, newUser, venueInput } from "./fixtures.ts";

/** Holds and closures in one order, whatever order a statement gave them in. */
const sorted = (busy: DayBusy) => ({
  holds: [...busy.holds].sort((a, b) => a.start - b.start || a.unitId - b.unitId),
  closures: [...busy.closures].sort((a, b) => a.start - b.start),
});

describe.each(testBackends())("a venue's day on $name", (backend) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await backend.open();
    repos = repositories(handle.db);
  });
  afterAll(async () => handle.close());

  it("reads each day asked for together as each alone, with what holds it and the sessions of that date in their order", async () => {
    const before = addDays(DAY, -1);
    const after = addDays(DAY, 1);
    const user = await newUser(repos);
    const venue = await repos.venues.create(venueInput());
    const other = await repos.venues.create(venueInput());
    const unitId = venue.units[0]!.id;
    await insertBooking(repos, { userId: user.id, venueId: venue.id, start: "09:00", end: "10:00" });
    await insertBooking(repos, { userId: user.id, venueId: venue.id, start: "12:00", end: "13:00" });
    // the night before, into this day
    await insertBooking(repos, { userId: user.id, venueId: venue.id, date: before, start: "23:00", end: "01:00" });
    await insertBooking(repos, { userId: user.id, venueId: other.id, start: "10:00", end: "11:00" });
    const closure = { unitId: null, afterMidnight: false, wholeDay: false, createdBy: null };
    await repos.closures.create({
      ...closure,
      venueId: venue.id,
      date: DAY,
      startTime: "15:00",
      endTime: "16:00",
      reason: { ru: "Турнир" },
    });
    await repos.closures.create({ ...closure, venueId: venue.id, date: after, startTime: "00:00", endTime: "01:00", reason: null });
    const session = { venueId: venue.id, unitId, title: { ru: "Игра" }, capacity: 4, pricePerPlace: "10000.00" };
    const late = await repos.sessions.create({ ...session, bookingDate: DAY, startTime: "20:00", endTime: "21:30" });
    const early = await repos.sessions.create({ ...session, bookingDate: DAY, startTime: "18:00", endTime: "19:00" });
    await repos.sessions.create({ ...session, bookingDate: before, startTime: "20:00", endTime: "21:00" });

    const asked = [
      [venue.id, DAY],
      [other.id, DAY],
      [venue.id, after],
      [venue.id, before],
    ] as const;
    const days = await Promise.all(asked.map(([id, date]) => repos.availability.day(id, date)));
    // in minutes from each date's midnight: that day's and the day before's bookings and sessions,
    // closures of the day before, the day and the day after
    const hold = (start: number, end: number, unit = unitId) => ({ start, end, unitId: unit, places: 1 });
    const tournament = { unitId: null, reason: { ru: "Турнир" } };
    const expected = [
      {
        holds: [hold(-240, -180), hold(-60, 60), hold(540, 600), hold(720, 780), hold(1080, 1140), hold(1200, 1290)],
        closures: [
          { start: 900, end: 960, ...tournament },
          { start: 1440, end: 1500, unitId: null, reason: null },
        ],
      },
      { holds: [hold(600, 660, other.units[0]!.id)], closures: [] },
      {
        holds: [hold(-900, -840), hold(-720, -660), hold(-360, -300), hold(-240, -150)],
        closures: [
          { start: -540, end: -480, ...tournament },
          { start: 0, end: 60, unitId: null, reason: null },
        ],
      },
      { holds: [hold(1200, 1260), hold(1380, 1500)], closures: [{ start: 2340, end: 2400, ...tournament }] },
    ];
    for (const [k, [id, date]] of asked.entries()) {
      expect(sorted(days[k]!)).toEqual(expected[k]);
      // one at a time, the same; and as unit choice reads it (dayHolds)
      expect(sorted(await repos.availability.day(id, date))).toEqual(sorted(days[k]!));
      expect(sorted(await repos.bookings.dayHolds(id, date))).toEqual(expected[k]);
    }
    const [day] = days;
    expect(day!.holds.map((h) => [h.start, h.end])).toContainEqual([-60, 60]);
    expect(day!.closures.map((c) => [c.start, c.end, c.reason])).toEqual([
      [900, 960, { ru: "Турнир" }],
      [1440, 1500, null],
    ]);
    expect(day!.sessions).toEqual([
      { id: early.id, unitId, title: { ru: "Игра" }, startTime: "18:00", endTime: "19:00", capacity: 4, placesSold: 0 },
      { id: late.id, unitId, title: { ru: "Игра" }, startTime: "20:00", endTime: "21:30", capacity: 4, placesSold: 0 },
    ]);
    expect(days[1]!.sessions).toEqual([]);
    expect(days[3]!.sessions.map((s) => s.startTime)).toEqual(["20:00"]);
  });
});
