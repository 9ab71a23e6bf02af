// Messages between replicas of the API (cache invalidations): Redis pub/sub when there is Redis,
// nothing to send when the process is alone.
import type { Redis } from "ioredis";

export interface InvalidationBus {
  /** Tells the other replicas; this process applies its own message itself. */
  publish(message: string): void;
  onMessage(handler: (message: string) => void): void;
  /**
   * Resolves once messages from other replicas are being received; rejects with the reason when
   * the latest attempt to listen failed (the bus keeps trying meanwhile).
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One process alone: nobody to tell. */
export const localBus: InvalidationBus = {
  publish() {},
  onMessage() {},
  ready: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

// How soon a failed SUBSCRIBE is asked for again when the connection did not drop (the command
// timed out on a stalled Redis, or Redis refused it): then no 'ready' event comes to retry on.
const RESUBSCRIBE_FIRST_MS = 200;
const RESUBSCRIBE_MAX_MS = 5_000;

export function redisBus(client: Redis, channel: string): InvalidationBus {
  const subscriber = client.duplicate();
  subscriber.on("error", () => {});
  // The SUBSCRIBE reply is the moment messages start arriving. ioredis renews a subscription it
  // once had after every reconnect by itself; one that failed is asked for again when the
  // connection comes back ('ready') or after a growing pause, whichever is first, until Redis says yes.
  let closed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscribed: Promise<void>;
  const subscribe = () => {
    clearTimeout(timer);
    subscriber.off("ready", subscribe);
    if (closed) return;
    const attempt = subscriber.subscribe(channel).then(() => undefined);
    subscribed = attempt;
    attempt.then(
      () => {
        failures = 0;
      },
      () => {
        if (closed || subscribed !== attempt) return;
        subscriber.once("ready", subscribe);
        timer = setTimeout(subscribe, Math.min(RESUBSCRIBE_FIRST_MS * 2 ** failures++, RESUBSCRIBE_MAX_MS));
        // A retry alone does not keep the process alive.
        timer.unref?.();
      },
    );
  };
  subscribe();
  // Redis hands a message to every subscriber, this process too, which applied it already: each
  // message carries its sender so that the echo (a second, late invalidation) is ignored.
  const sender = crypto.randomUUID();
  // The messages of one turn of the event loop (bookings answered together under load) go as one
  // PUBLISH, one per line: a write to Redis per booking cost the API more than the booking's own
  // statement did. A message never holds a line break.
  let pending: string[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    if (closed || batch.length === 0) return;
    void client.publish(channel, `${sender} ${batch.join("\n")}`).catch(() => {});
  };
  return {
    publish(message) {
      if (pending.push(message) === 1) setImmediate(flush);
    },
    onMessage(handler) {
      subscriber.on("message", (_channel: string, raw: string) => {
        const space = raw.indexOf(" ");
        if (space > 0 && raw.slice(0, space) === sender) return;
        for (const message of (space > 0 ? raw.slice(space + 1) : raw).split("\n")) handler(message);
      });
    },
    ready: () => subscribed,
    close() {
      // what this turn published still goes (the lifecycle job's last run publishes as it ends)
      flush();
      closed = true;
      clearTimeout(timer);
      subscriber.off("ready", subscribe);
      subscriber.disconnect();
      return Promise.resolve();
    },
  };
}
