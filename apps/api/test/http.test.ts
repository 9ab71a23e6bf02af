// Requests through a real socket (@hono/node-server), where the API reads bodies itself.
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { VenueAllLanguagesSchema, VenueSchema } from "@venue-booking/contract";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { createVenue, newPhone, signInAdmin } from "./helpers.ts";

describe("bodies over HTTP", () => {
  let h: Harness;
  let server: ReturnType<typeof serve>;
  let base: string;
  let admin: string;
  beforeAll(async () => {
    h = await testBackends()[0]!.start();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await h.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", "accept-language": "en", ...headers }, body });

  it("a valid body works, in any of the request's encodings of UTF-8", async () => {
    const phone = newPhone();
    const res = await post("/api/auth/send-otp/", JSON.stringify({ phone }));
    expect(res.status).toBe(200);
    expect(h.sms.lastCode(phone)).toMatch(/^\d{6}$/);
    const id = await createVenue(h, admin, { name: { ru: "Сокет «Ёлка» ✓" } });
    const venue = (await (await fetch(`${base}/api/venues/${id}/`)).json()) as { name: string };
    expect(venue.name).toBe("Сокет «Ёлка» ✓");
  });

  it("a body whose multi-byte characters arrive split across TCP packets is stored intact", async () => {
    const name = { ru: "Стадион «Ёлка» — ✓", uz: "Oʻzbekiston “Ғалаба” қўрғони 🏟" };
    const body = Buffer.from(JSON.stringify({ name, address: { ru: "ул. Ўрда, 1" }, price_per_hour: "100000" }));
    // Cut inside a two-byte (Ё), a three-byte (✓) and a four-byte (🏟) character.
    const cuts = ["Ё", "✓", "🏟"].map((ch) => body.indexOf(Buffer.from(ch)) + 1);
    const bounds = [0, ...cuts, body.length];
    const parts = bounds.slice(1).map((end, i) => body.subarray(bounds[i], end));
    // Each part on its own is broken UTF-8: decoding per packet would store U+FFFD.
    for (const part of parts) expect(part.toString("utf8")).toContain("\ufffd");

    const { port } = server.address() as AddressInfo;
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    let response = "";
    socket.setEncoding("utf8").on("data", (d: string) => (response += d));
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.setNoDelay(true);
    socket.write(
      "POST /api/venues/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
        `Authorization: Bearer ${admin}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    for (const part of parts) {
      socket.write(part);
      await delay(30); // the server reads each part on its own
    }
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 201 /);
    const created = VenueSchema.parse(JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4)));
    const stored = await fetch(`${base}/api/venues/${created.id}/?translations=all`, { headers: { authorization: `Bearer ${admin}` } });
    expect(VenueAllLanguagesSchema.parse(await stored.json()).name).toMatchObject(name);
  });

  it("bad JSON is 400 MALFORMED_JSON", async () => {
    const res = await post("/api/auth/send-otp/", "{bad");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "MALFORMED_JSON", detail: "The request body is not valid JSON." });
  });

  it("a body over 1 MB is 413, declared or not", async () => {
    const big = JSON.stringify({ phone: "+998901234567", pad: "x".repeat(2 * 1024 * 1024) });
    const declared = await post("/api/auth/send-otp/", big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const chunked = await fetch(`${base}/api/auth/send-otp/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(ctrl) {
          for (let i = 0; i < 4; i++) ctrl.enqueue(new TextEncoder().encode("x".repeat(512 * 1024)));
          ctrl.close();
        },
      }),
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
  });

  it("a body that is not JSON is 400, never 500", async () => {
    const res = await post("/api/auth/send-otp/", "phone=+998901234567", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(400);
  });
});
