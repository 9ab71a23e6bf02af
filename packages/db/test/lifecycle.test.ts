import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories, runLifecycle } from "../src/index.ts";
import type { DatabaseHandle, Repositories } from "../src/index.ts";
import { testBackends } from "../src/testing.ts";
import { DAY, insertBooking, newUser, venueInput } from "./fixtures.ts";

describe.each(testBackends())("booking lifecycle on $name", (backend) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await backend.open();
    repos = repositories(handle.db);
  });
  afterAll(async () => handle.close());

  it("completes ended confirmed bookings and expires started pending ones, once, with an audit row", async () => {
    const venueId = (await repos.venues.create(venueInput())).id;
    const userId = (await newUser(repos)).id;
    const make = (start: string, end: string) => insertBooking(repos, { userId, venueId, start, end });
    const confirmedEnded = await make("09:00", "10:00");
    const confirmedRunning = await make("10:00", "12:00");
    const pendingStarted = await make("12:00", "13:00");
    const pendingLater = await make("13:00", "14:00");
    const cancelled = await make("15:00", "16:00");
    for (const b of [confirmedEnded, confirmedRunning]) expect(await repos.bookings.setStatusIf(b.id, "pending", "confirmed")).toBe(true);
    expect(await repos.bookings.setStatusIf(cancelled.id, "pending", "cancelled")).toBe(true);

    // 12:00 on DAY, venue time: 09-10 has ended, 10-12 ends right now, 12-13 starts right now
    const first = await runLifecycle(handle.db, `${DAY} 12:00`);
    expect(first).toEqual({ completed: 2, expired: 1, holdsExpired: 0, freed: [{ venueId, date: DAY }] });
    const status = async (id: number) => (await repos.bookings.get(id))!.status;
    expect(await status(confirmedEnded.id)).toBe("completed");
    expect(await status(confirmedRunning.id)).toBe("completed");
    expect(await status(pendingStarted.id)).toBe("cancelled");
    expect(await status(pendingLater.id)).toBe("pending");
    expect(await status(cancelled.id)).toBe("cancelled");
    expect((await repos.bookings.history(pendingStarted.id)).at(-1)).toMatchObject({
      fromStatus: "pending",
      toStatus: "cancelled",
      actor: "system",
      actorUserId: null,
      reason: "expired",
    });
    expect((await repos.bookings.history(confirmedEnded.id)).at(-1)).toMatchObject({
      toStatus: "completed",
      actor: "system",
      reason: "ended",
    });

    // idempotent, also when replicas run it at the same moment
    const again = await Promise.all([0, 1, 2].map(() => runLifecycle(handle.db, `${DAY} 12:00`)));
    expect(again).toEqual([0, 1, 2].map(() => ({ completed: 0, expired: 0, holdsExpired: 0, freed: [] })));
    expect((await repos.bookings.history(confirmedEnded.id)).filter((e) => e.toStatus === "completed")).toHaveLength(1);

    // the expired booking no longer holds its slot
    expect((await repos.bookings.dayHolds(venueId, DAY)).holds.map((i) => i.start / 60)).toEqual([13]);
    expect((await make("12:00", "13:00")).status).toBe("pending");
  });
});
