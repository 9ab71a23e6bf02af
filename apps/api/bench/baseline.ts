// The baseline of `pnpm bench`: a bare Hono app on @hono/node-server answering a constant JSON
// body as large as the venue detail. Whatever the API does beyond this is its own cost.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const size = Number(process.env.BODY_SIZE ?? 1000);
const body = JSON.stringify({ padding: "x".repeat(Math.max(0, size - 14)) });
const app = new Hono();
app.get("/", (c) => c.body(body, 200, { "content-type": "application/json" }));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`listening on ${info.port}\n`);
});
