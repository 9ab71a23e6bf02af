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

export function redisBus(client: Redis, channel: string): InvalidationBus {
  const subscriber = client.duplicate();
  subscriber.on("error", () => {});
  const subscribe = () => subscriber.subscribe(channel).then(() => undefined);
  // The SUBSCRIBE reply is the moment messages start arriving. ioredis renews a subscription it
  // once had after every reconnect by itself; one refused at start (Redis down) is asked for again
  // each time the connection comes back, until Redis says yes.
  let subscribed = subscribe();
  const retryWhenBack = () => {
    subscriber.once("ready", () => {
      subscribed = subscribe();
      subscribed.catch(retryWhenBack);
    });
  };
  subscribed.catch(retryWhenBack);
  // Redis hands a message to every subscriber, this process too, which applied it already: each
  // message carries its sender so that the echo (a second, late invalidation) is ignored.
  const sender = crypto.randomUUID();
  return {
    publish(message) {
      void client.publish(channel, `${sender} ${message}`).catch(() => {});
    },
    onMessage(handler) {
      subscriber.on("message", (_channel: string, raw: string) => {
        const space = raw.indexOf(" ");
        if (space > 0 && raw.slice(0, space) === sender) return;
        handler(space > 0 ? raw.slice(space + 1) : raw);
      });
    },
    ready: () => subscribed,
    close() {
      subscriber.disconnect();
      return Promise.resolve();
    },
  };
}
