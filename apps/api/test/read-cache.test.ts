import { randomBytes } from "node:crypto";
import { addDays } from "@venue-booking/core";
import type { Venue } from "@venue-booking/db";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { redisState } from "../src/deps.ts";
import { localBus, redisBus } from "../src/infra/bus.ts";
import type { InvalidationBus } from "../src/infra/bus.ts";
import { ReadCache } from "../src/infra/read-cache.ts";
import { startTcpProxy } from "./tcp-proxy.ts";
import type { TcpProxy } from "./tcp-proxy.ts";

const venue = (id: number, price: string) => ({ id, pricePerHour: price }) as unknown as Venue;

/** Availability bodies are kept as the UTF-8 a response sends. */
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** A promise and the function that settles it, for loads a test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

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

  it("keeps a free-at page while the clock leaves it true, on its day, until a booking near its date or a venue changes", async () => {
    const cache = new ReadCache(localBus);
    let renders = 0;
    const render = async () => ({ body: `page ${++renders}`, holdsThrough: "2026-12-01 17:30" });
    const page = (localNow: string, date = "2026-12-04") => cache.freeAtPage("k", date, localNow, render);
    expect(await page("2026-12-01 15:00")).toBe("page 1");
    expect(await page("2026-12-01 17:30")).toBe("page 1");
    // past the notice of a venue it found
    expect(await page("2026-12-01 17:31")).toBe("page 2");
    // another day: horizons moved on
    expect(await page("2026-12-02 09:00")).toBe("page 3");
    expect(await page("2026-12-01 09:00")).toBe("page 4");
    expect(await page("2026-12-01 09:01")).toBe("page 4");
    // a booking days away from the date searched leaves it; one that night, the night before or the day itself does not
    cache.busyChanged(99, "2026-12-07");
    cache.busyChanged(99, "2026-12-01");
    expect(await page("2026-12-01 09:02")).toBe("page 4");
    cache.busyChanged(99, "2026-12-05");
    expect(await page("2026-12-01 09:03")).toBe("page 5");
    cache.busyChanged(99, "2026-12-03");
    expect(await page("2026-12-01 09:04")).toBe("page 6");
    cache.busyChanged(99, "2026-12-04");
    expect(await page("2026-12-01 09:05")).toBe("page 7");
    cache.venueChanged(5);
    expect(await page("2026-12-01 09:06")).toBe("page 8");
    cache.allBusyChanged();
    expect(await page("2026-12-01 09:07")).toBe("page 9");
    expect(await page("2026-12-01 09:07")).toBe("page 9");
  });

  it("does not serve a free-at page again when a booking of its date changed while it was searched", async () => {
    const cache = new ReadCache(localBus);
    let renders = 0;
    const slow = cache.freeAtPage("k", "2026-12-04", "2026-12-01 09:00", async () => {
      cache.busyChanged(1, "2026-12-04");
      return { body: `page ${++renders}`, holdsThrough: "2026-12-01 20:00" };
    });
    expect(await slow).toBe("page 1");
    const render = async () => ({ body: `page ${++renders}`, holdsThrough: "2026-12-01 20:00" });
    expect(await cache.freeAtPage("k", "2026-12-04", "2026-12-01 09:00", render)).toBe("page 2");
    expect(await cache.freeAtPage("k", "2026-12-04", "2026-12-01 09:00", render)).toBe("page 2");
  });

  it("drops every free-at page at once when more than a thousand dates changed", async () => {
    const cache = new ReadCache(localBus);
    let renders = 0;
    const render = async () => ({ body: `page ${++renders}`, holdsThrough: "2026-12-01 20:00" });
    expect(await cache.freeAtPage("k", "2026-12-04", "2026-12-01 09:00", render)).toBe("page 1");
    // dates far from it, enough to pass the bound of dates kept
    for (let i = 0; i < 400; i++) cache.busyChanged(1, addDays("2027-01-01", 3 * i));
    expect(await cache.freeAtPage("k", "2026-12-04", "2026-12-01 09:00", render)).toBe("page 2");
    cache.busyChanged(1, "2030-01-01");
    expect(await cache.freeAtPage("k", "2026-12-04", "2026-12-01 09:00", render)).toBe("page 2");
  });

  it("does not keep a value that was loading while a write happened", async () => {
    const cache = new ReadCache(localBus);
    let release!: () => void;
    const slow = cache.busy(
      7,
      "2026-12-01",
      () =>
        new Promise((r) => (release = () => r({ holds: [{ unitId: 1, places: 1, start: 540, end: 600 }], closures: [], sessions: [] }))),
    );
    cache.busyChanged(7, "2026-12-01");
    release();
    expect(await slow).toEqual({ holds: [{ unitId: 1, places: 1, start: 540, end: 600 }], closures: [], sessions: [] });
    expect(await cache.busy(7, "2026-12-01", async () => ({ holds: [], closures: [], sessions: [] }))).toEqual({
      holds: [],
      closures: [],
      sessions: [],
    });
  });

  it("a reader arriving after a write does not share the load that started before it", async () => {
    const cache = new ReadCache(localBus);
    const before = deferred<Venue>();
    const old = cache.venue(4, () => before.promise);
    cache.venueChanged(4);
    const fresh = cache.venue(4, async () => venue(4, "20.00"));
    before.resolve(venue(4, "10.00"));
    expect((await old)?.pricePerHour).toBe("10.00");
    expect((await fresh)?.pricePerHour).toBe("20.00");
    // The late, older load did not overwrite the fresh copy either.
    expect((await cache.venue(4, async () => venue(4, "30.00")))?.pricePerHour).toBe("20.00");
  });

  it("when full, drops the least recently used copies only", async () => {
    const cache = new ReadCache(localBus);
    for (let id = 1; id <= 5_000; id++) await cache.venue(id, async () => venue(id, "10.00"));
    await cache.venue(1, async () => venue(1, "never loaded"));
    await cache.venue(5_001, async () => venue(5_001, "10.00"));
    expect((await cache.venue(1, async () => venue(1, "reloaded")))?.pricePerHour).toBe("10.00");
    expect((await cache.venue(3, async () => venue(3, "reloaded")))?.pricePerHour).toBe("10.00");
    expect((await cache.venue(2, async () => venue(2, "reloaded")))?.pricePerHour).toBe("reloaded");
  });

  it("copies age with the clock it is given", async () => {
    let now = new Date("2026-11-21T05:00:00Z");
    const cache = new ReadCache(localBus, { clock: () => now });
    await cache.venue(1, async () => venue(1, "10.00"));
    now = new Date(now.getTime() + 10_000);
    expect((await cache.venue(1, async () => venue(1, "20.00")))?.pricePerHour).toBe("10.00");
    now = new Date(now.getTime() + 1);
    expect((await cache.venue(1, async () => venue(1, "20.00")))?.pricePerHour).toBe("20.00");
  });

  it("re-renders a day's availability each minute and after a booking change", async () => {
    const cache = new ReadCache(localBus);
    let n = 0;
    const render = async () => bytes(`body ${++n}`);
    const day = async (at: string) => text(await cache.availability(3, "2026-12-01", "ru", new Date(at), render));
    expect(await day("2026-11-21T05:00:10Z")).toBe("body 1");
    expect(await day("2026-11-21T05:00:50Z")).toBe("body 1");
    expect(await day("2026-11-21T05:01:00Z")).toBe("body 2");
    cache.busyChanged(3, "2026-12-01");
    expect(await day("2026-11-21T05:01:00Z")).toBe("body 3");
    cache.allBusyChanged();
    expect(await day("2026-11-21T05:01:00Z")).toBe("body 4");
  });

  it("does not keep a day rendered while a booking of it changed", async () => {
    const cache = new ReadCache(localBus);
    const t = new Date("2026-11-21T05:00:10Z");
    const slow = deferred<Uint8Array<ArrayBuffer>>();
    const first = cache.availability(3, "2026-12-01", "ru", t, () => slow.promise);
    cache.busyChanged(3, "2026-12-01");
    slow.resolve(bytes("before the booking"));
    expect(text(await first)).toBe("before the booking");
    expect(text(await cache.availability(3, "2026-12-01", "ru", t, async () => bytes("after the booking")))).toBe("after the booking");
  });
});

/** Resolves with the next message `bus` hears. */
const nextMessage = (bus: InvalidationBus) => new Promise<string>((resolve) => bus.onMessage(resolve));

const redisUrl = process.env.REDIS_URL;
describe.each(redisUrl ? [redisUrl] : [])("read caches of replicas on Redis %s", (url) => {
  it("a write in one drops the copy in the other", async () => {
    const prefix = `vb:test:cache:${randomBytes(6).toString("hex")}:`;
    const states = [redisState(url, prefix), redisState(url, prefix)];
    const [a, b] = states.map((s) => new ReadCache(s.bus)) as [ReadCache, ReadCache];
    try {
      await Promise.all([a.ready(), b.ready()]);
      let price = "10.00";
      const load = async () => venue(9, price);
      expect((await b.venue(9, load))?.pricePerHour).toBe("10.00");
      price = "20.00";
      const heard = nextMessage(states[1]!.bus);
      a.venueChanged(9);
      expect(await heard).toBe("venue:9");
      expect((await b.venue(9, load))?.pricePerHour).toBe("20.00");
    } finally {
      await Promise.all(states.map((s) => s.close()));
    }
  });

  it("a replica does not hear its own messages back", async () => {
    const channel = `vb:test:bus:${randomBytes(6).toString("hex")}`;
    const clients = [new Redis(url), new Redis(url)];
    const [a, b] = clients.map((c) => redisBus(c, channel)) as [InvalidationBus, InvalidationBus];
    try {
      await Promise.all([a.ready(), b.ready()]);
      const heardByA: string[] = [];
      a.onMessage((m) => heardByA.push(m));
      const bHeard = nextMessage(b);
      a.publish("venue:1");
      // Redis has sent A's message to every subscriber once B has it; B's answer comes after it.
      expect(await bHeard).toBe("venue:1");
      const aHeard = nextMessage(a);
      b.publish("venue:2");
      expect(await aHeard).toBe("venue:2");
      expect(heardByA).toEqual(["venue:2"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      clients.forEach((c) => c.disconnect());
    }
  });

  it("sends the messages of one turn of the event loop as one PUBLISH, heard as each message in order", async () => {
    const channel = `vb:test:bus:${randomBytes(6).toString("hex")}`;
    const clients = [new Redis(url), new Redis(url)];
    const [a, b] = clients.map((c) => redisBus(c, channel)) as [InvalidationBus, InvalidationBus];
    const listener = new Redis(url);
    try {
      await Promise.all([a.ready(), b.ready(), listener.subscribe(channel)]);
      const raw: string[] = [];
      listener.on("message", (_c: string, m: string) => raw.push(m));
      const heardByB: string[] = [];
      b.onMessage((m) => heardByB.push(m));
      a.publish("busy:1:2026-12-04");
      a.publish("busy:2:2026-12-05");
      a.publish("user:7");
      await expect.poll(() => heardByB, { timeout: 5_000, interval: 10 }).toEqual(["busy:1:2026-12-04", "busy:2:2026-12-05", "user:7"]);
      expect(raw).toHaveLength(1);
      // a later turn is a PUBLISH of its own
      a.publish("venue:3");
      await expect.poll(() => heardByB.at(-1), { timeout: 5_000, interval: 10 }).toBe("venue:3");
      expect(raw).toHaveLength(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
      clients.forEach((c) => c.disconnect());
      listener.disconnect();
    }
  });

  it("a message published just before the bus closes still reaches the other replicas", async () => {
    const channel = `vb:test:bus:${randomBytes(6).toString("hex")}`;
    const clients = [new Redis(url), new Redis(url)];
    const [a, b] = clients.map((c) => redisBus(c, channel)) as [InvalidationBus, InvalidationBus];
    try {
      await Promise.all([a.ready(), b.ready()]);
      const heard = nextMessage(b);
      a.publish("busy:*");
      await a.close();
      expect(await heard).toBe("busy:*");
    } finally {
      await b.close();
      clients.forEach((c) => c.disconnect());
    }
  });

  /**
   * A bus whose client reaches Redis through a breakable proxy: `breakIt` breaks the way in before
   * subscribing, `expectedFailure` is what ready() then says; after healing, the bus must listen
   * again (by the means the caller's comment names) and hear a message.
   */
  async function recoversAfter(opts: {
    client: (proxy: TcpProxy) => Redis;
    breakIt: (proxy: TcpProxy) => Promise<void>;
    expectedFailure?: RegExp;
  }) {
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    await opts.breakIt(proxy);
    const client = opts.client(proxy);
    client.on("error", () => {});
    const publisher = new Redis(url);
    const channel = `vb:test:bus:${randomBytes(6).toString("hex")}`;
    const bus = redisBus(client, channel);
    try {
      if (opts.expectedFailure) await expect(bus.ready()).rejects.toThrow(opts.expectedFailure);
      else await expect(bus.ready()).rejects.toThrow();
      await proxy.heal();
      await expect.poll(() => bus.ready().then(() => "listening", String), { timeout: 5_000, interval: 20 }).toBe("listening");
      const heard = nextMessage(bus);
      await publisher.publish(channel, "busy:*");
      expect(await heard).toBe("busy:*");
    } finally {
      await bus.close();
      client.disconnect();
      publisher.disconnect();
      await proxy.close();
    }
  }

  it("ready() fails while Redis is unreachable, and the bus listens once Redis is back", async () => {
    // Reconnecting is up to the client's own retry timer.
    await recoversAfter({
      breakIt: (proxy) => proxy.refuse(),
      client: (proxy) => new Redis(proxy.url(url), { maxRetriesPerRequest: 0, retryStrategy: () => 20 }),
    });
  });

  it("a SUBSCRIBE that timed out on a stalled Redis, the connection staying up, is asked for again", async () => {
    // No reconnect happens, so no 'ready' event: only the bus's own retry brings it back.
    await recoversAfter({
      breakIt: () => Promise.resolve(),
      expectedFailure: /timed out/,
      client: (proxy) => {
        const client = new Redis(proxy.url(url), { commandTimeout: 300, maxRetriesPerRequest: 0 });
        // Redis stalls just as the bus's own connection is ready, before its SUBSCRIBE gets through.
        const duplicate = client.duplicate.bind(client);
        client.duplicate = (...args) => {
          const subscriber = duplicate(...args);
          subscriber.once("ready", () => proxy.freeze());
          return subscriber;
        };
        return client;
      },
    });
  });
});
