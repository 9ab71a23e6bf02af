import type { Venue } from "@venue-booking/db";
import { describe, expect, it } from "vitest";
import { redisState } from "../src/deps.ts";
import { localBus } from "../src/infra/bus.ts";
import { ReadCache } from "../src/infra/read-cache.ts";

const venue = (id: number, price: string) => ({ id, pricePerHour: price }) as unknown as Venue;

describe("read cache", () => {
  it("loads once for concurrent readers and serves the copy until a write drops it", async () => {
    const cache = new ReadCache(localBus);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return venue(1, "10.00");
    };
    const got = await Promise.all([1, 2, 3].map(() => cache.venue(1, load)));
    expect(got.map((v) => v?.pricePerHour)).toEqual(["10.00", "10.00", "10.00"]);
    expect(loads).toBe(1);
    await cache.venue(1, load);
    expect(loads).toBe(1);
    cache.venueChanged(1);
    await cache.venue(1, load);
    expect(loads).toBe(2);
  });

  it("does not keep a value that was loading while a write happened", async () => {
    const cache = new ReadCache(localBus);
    let release!: () => void;
    const slow = cache.busy(7, "2026-12-01", () => new Promise((r) => (release = () => r([{ start: 540, end: 600 }]))));
    cache.busyChanged(7, "2026-12-01");
    release();
    expect(await slow).toEqual([{ start: 540, end: 600 }]);
    expect(await cache.busy(7, "2026-12-01", async () => [])).toEqual([]);
  });

  it("re-renders a day's availability each minute and after a booking change", async () => {
    const cache = new ReadCache(localBus);
    let n = 0;
    const render = async () => `body ${++n}`;
    const t = new Date("2026-11-21T05:00:10Z");
    expect(await cache.availability(3, "2026-12-01", t, render)).toBe("body 1");
    expect(await cache.availability(3, "2026-12-01", new Date("2026-11-21T05:00:50Z"), render)).toBe("body 1");
    expect(await cache.availability(3, "2026-12-01", new Date("2026-11-21T05:01:00Z"), render)).toBe("body 2");
    cache.busyChanged(3, "2026-12-01");
    expect(await cache.availability(3, "2026-12-01", new Date("2026-11-21T05:01:00Z"), render)).toBe("body 3");
    cache.allBusyChanged();
    expect(await cache.availability(3, "2026-12-01", new Date("2026-11-21T05:01:00Z"), render)).toBe("body 4");
  });
});

const redisUrl = process.env.REDIS_URL;
describe.each(redisUrl ? [redisUrl] : [])("read caches of two replicas on Redis %s", (url) => {
  it("a write in one drops the copy in the other", async () => {
    const prefix = `vb:test:cache:${Date.now()}:`;
    const states = [redisState(url, prefix), redisState(url, prefix)];
    const [a, b] = states.map((s) => new ReadCache(s.bus)) as [ReadCache, ReadCache];
    try {
      await Promise.all([a.ready(), b.ready()]);
      let price = "10.00";
      const load = async () => venue(9, price);
      expect((await b.venue(9, load))?.pricePerHour).toBe("10.00");
      price = "20.00";
      a.venueChanged(9);
      await expect.poll(async () => (await b.venue(9, load))?.pricePerHour, { timeout: 2000, interval: 10 }).toBe("20.00");
    } finally {
      await Promise.all(states.map((s) => s.close()));
    }
  });
});
