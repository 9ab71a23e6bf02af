// A TCP proxy in front of a real PostgreSQL or Redis that tests can break on purpose: `freeze()`
// keeps every connection open but passes no bytes (a stalled server or a dead network path),
// `refuse()` drops every connection and every new one at once (a server that is down), `heal()` goes back
// to forwarding. The services themselves stay untouched, so other tests running alongside are not
// disturbed.
import { createServer, connect } from "node:net";
import type { Server, Socket } from "node:net";

export type TcpProxy = {
  /** host:port clients connect to. */
  readonly port: number;
  /** The target URL with its host and port replaced by the proxy's. */
  url(target: string): string;
  freeze(): void;
  refuse(): Promise<void>;
  heal(): Promise<void>;
  close(): Promise<void>;
};

type Pair = { client: Socket; upstream: Socket | undefined };

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: "open" | "frozen" | "refused" = "open";
  const pairs = new Set<Pair>();

  const wire = (pair: Pair) => {
    const upstream = connect(targetPort, targetHost);
    pair.upstream = upstream;
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    upstream.on("error", () => pair.client.destroy());
    upstream.on("close", () => pair.client.destroy());
  };

  const onConnection = (client: Socket) => {
    if (mode === "refused") {
      client.destroy();
      return;
    }
    const pair: Pair = { client, upstream: undefined };
    pairs.add(pair);
    client.on("error", () => pair.upstream?.destroy());
    client.on("close", () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (mode === "frozen") client.pause();
    else wire(pair);
  };

  // The listener stays open while "refused" (each new connection is dropped at once): giving the
  // port up could let another test running alongside take it.
  const server: Server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    url(target) {
      const u = new URL(target);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    freeze() {
      mode = "frozen";
      for (const { client, upstream } of pairs) {
        client.pause();
        upstream?.pause();
      }
    },
    refuse() {
      mode = "refused";
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream?.destroy();
      }
      return Promise.resolve();
    },
    heal() {
      mode = "open";
      for (const pair of pairs) {
        if (!pair.upstream) wire(pair);
        pair.client.resume();
        pair.upstream?.resume();
      }
      return Promise.resolve();
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
