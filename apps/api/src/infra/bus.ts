// Messages between replicas of the API (cache invalidations): Redis pub/sub when there is Redis,
// nothing to send when the process is alone.
import type { Redis } from "ioredis";

export interface InvalidationBus {
  /** Tells the other replicas; this process applies its own message itself. */
  publish(message: string): void;
  onMessage(handler: (message: string) => void): void;
  /** Resolves once messages from other replicas are being received. */
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
  const subscribed = subscriber.subscribe(channel).then(
    () => undefined,
    () => undefined,
  );
  return {
    publish(message) {
      void client.publish(channel, message).catch(() => {});
    },
    onMessage(handler) {
      subscriber.on("message", (_channel: string, message: string) => handler(message));
    },
    ready: () => subscribed,
    close() {
      subscriber.disconnect();
      return Promise.resolve();
    },
  };
}
