import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { pageSchema, WebhookCreatedSchema, WebhookDeliverySchema, WebhookPingSchema, WebhookSchema } from "@venue-booking/contract";
import { sql } from "drizzle-orm";
import { dispatchOnce, isPublicAddress, retryAfter } from "../src/services/dispatcher.ts";
import { runLifecycleOnce } from "../src/services/lifecycle.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, problem, signInAdmin, sqlRows } from "./helpers.ts";

type Received = { headers: IncomingHttpHeaders; body: string; at: number };

/** A receiver on loopback that answers each request with the next of `answers` (then 200). */
async function receiver(answers: number[] = []): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body, at: Date.now() });
      res.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    got,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The documented scheme, by hand: base64 HMAC-SHA256 of "id.timestamp.body" keyed with the secret's base64 part. */
function expectedSignature(secret: string, h: IncomingHttpHeaders, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${String(h["webhook-id"])}.${String(h["webhook-timestamp"])}.${body}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
}

const TOMORROW = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe.each(testBackends())("outbox and webhooks on $name", (backend) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await backend.start({ webhookRetryBaseSeconds: 0.2, dispatchIntervalMs: 0 });
    admin = (await signInAdmin(h)).access;
  });
  afterAll(async () => h.close());

  const rows = <T>(query: ReturnType<typeof sql>) => sqlRows<T>(h, query);
  const register = async (url: string, events: string[] = ["*"]) => {
    const res = await h.request("/api/admin/webhooks/", authed(admin, json({ url, events })));
    expect(res.status).toBe(201);
    return WebhookCreatedSchema.parse(await res.json());
  };
  /** Dispatches until nothing is due now, or `rounds` runs out. */
  const drain = async (rounds = 50) => {
    for (let i = 0; i < rounds && (await dispatchOnce(h.deps)) > 0; i++);
  };
  const bookOne = async (venueId: number, start: string) => {
    const player = await h.tokensFor(newPhone());
    const res = await h.request(
      "/api/bookings/",
      authed(
        player.access,
        json({
          venue_id: venueId,
          booking_date: TOMORROW(),
          start_time: start,
          end_time: `${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}:00`,
        }),
      ),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };

  it("sends booked, confirmed and cancelled as three signed requests a receiver can verify", async () => {
    const r = await receiver();
    try {
      const hook = await register(r.url, ["booking.created", "booking.confirmed", "booking.cancelled"]);
      expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
      const id = await bookOne(venue, "10:00");
      expect((await h.request(`/api/admin/bookings/${id}/`, authed(admin, patch({ status: "confirmed" })))).status).toBe(200);
      expect((await h.request(`/api/admin/bookings/${id}/`, authed(admin, patch({ status: "cancelled", reason: "rain" })))).status).toBe(
        200,
      );
      await drain();
      expect(r.got.map((g) => (JSON.parse(g.body) as { type: string }).type)).toEqual([
        "booking.created",
        "booking.confirmed",
        "booking.cancelled",
      ]);
      for (const g of r.got) {
        expect(g.headers["content-type"]).toBe("application/json");
        expect(g.headers["webhook-signature"]).toBe(expectedSignature(hook.secret, g.headers, g.body));
        // and the reference library of the convention agrees
        const verified = new Webhook(hook.secret).verify(g.body, g.headers as Record<string, string>) as { id: string; data: unknown };
        expect(verified.id).toBe(g.headers["webhook-id"]);
      }
      const cancelled = JSON.parse(r.got[2]!.body) as { data: { booking: { id: number; status: string }; actor: string; reason: string } };
      expect(cancelled.data).toMatchObject({ booking: { id, status: "cancelled" }, actor: "admin", reason: "rain" });
      const log = pageSchema(WebhookDeliverySchema, "P").parse(
        await (await h.request(`/api/admin/webhooks/${hook.id}/deliveries/`, authed(admin))).json(),
      );
      expect(log.results.map((d) => [d.event_type, d.status, d.attempts, d.tries[0]?.status_code])).toEqual([
        ["booking.cancelled", "delivered", 1, 200],
        ["booking.confirmed", "delivered", 1, 200],
        ["booking.created", "delivered", 1, 200],
      ]);
    } finally {
      await r.close();
    }
  });

  it("writes an event with every change in the change's transaction, and none for a refused booking", async () => {
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
    const id = await bookOne(venue, "12:00");
    const player = await h.tokensFor(newPhone());
    const clash = await h.request(
      "/api/bookings/",
      authed(player.access, json({ venue_id: venue, booking_date: TOMORROW(), start_time: "12:00", end_time: "13:00" })),
    );
    expect(clash.status).toBe(409);
    expect((await h.request(`/api/admin/bookings/${id}/`, authed(admin, patch({ start_time: "14:00", end_time: "15:00" })))).status).toBe(
      200,
    );
    const [counts] = await rows<{ audit: number; events: number; types: string[] }>(sql`
      select (select count(*)::int from booking_events e join bookings b on b.id = e.booking_id where b.venue_id = ${venue}) as audit,
             (select count(*)::int from outbox_events o join bookings b on b.id = o.booking_id where b.venue_id = ${venue}) as events,
             (select array_agg(o.type order by o.created_at) from outbox_events o where o.booking_id = ${id}) as types`);
    expect(counts).toEqual({ audit: 2, events: 2, types: ["booking.created", "booking.rescheduled"] });
  });

  it("retries a receiver answering 500 twice with growing delays, and logs all three tries", async () => {
    const r = await receiver([500, 500]);
    try {
      const hook = await register(r.url, ["booking.created"]);
      const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
      await bookOne(venue, "16:00");
      const deadline = Date.now() + 10_000;
      while (r.got.length < 3 && Date.now() < deadline) {
        await dispatchOnce(h.deps);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(r.got).toHaveLength(3);
      // the same event each time
      expect(new Set(r.got.map((g) => g.headers["webhook-id"])).size).toBe(1);
      const gaps = [r.got[1]!.at - r.got[0]!.at, r.got[2]!.at - r.got[1]!.at];
      expect(gaps[0]).toBeGreaterThanOrEqual(180);
      expect(gaps[1]).toBeGreaterThanOrEqual(380);
      const [delivery] = pageSchema(WebhookDeliverySchema, "P").parse(
        await (await h.request(`/api/admin/webhooks/${hook.id}/deliveries/`, authed(admin))).json(),
      ).results;
      expect(delivery).toMatchObject({ status: "delivered", attempts: 3, last_status_code: 200 });
      expect(delivery!.tries.map((t) => t.status_code)).toEqual([500, 500, 200]);
      await h.request(`/api/admin/webhooks/${hook.id}/`, authed(admin, { method: "DELETE" }));
    } finally {
      await r.close();
    }
  });

  it("a receiver that is down does not hold up the others", async () => {
    const down = await receiver();
    await down.close();
    const up = await receiver();
    try {
      const dead = await register(down.url, ["booking.created"]);
      await register(up.url, ["booking.created"]);
      const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
      for (const start of ["09:00", "10:00", "11:00"]) await bookOne(venue, start);
      await drain(5);
      expect(up.got.length).toBeGreaterThanOrEqual(3);
      const log = pageSchema(WebhookDeliverySchema, "P").parse(
        await (await h.request(`/api/admin/webhooks/${dead.id}/deliveries/`, authed(admin))).json(),
      );
      expect(log.results.length).toBeGreaterThanOrEqual(3);
      for (const d of log.results) {
        expect(d).toMatchObject({ status: "pending", last_status_code: null });
        expect(d.last_error).toBeTruthy();
      }
      await h.request(`/api/admin/webhooks/${dead.id}/`, authed(admin, patch({ is_active: false })));
    } finally {
      await up.close();
    }
  });

  it("two dispatchers at once deliver each event once", async () => {
    const r = await receiver();
    try {
      await register(r.url, ["booking.created"]);
      const venue = await createVenue(h, admin, { opening_time: "00:00", closing_time: "00:00" });
      const hours = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}:00`);
      for (const start of hours) await bookOne(venue, start);
      await Promise.all([drain(), drain(), drain()]);
      const ids = r.got.map((g) => String(g.headers["webhook-id"]));
      expect(ids.length).toBeGreaterThanOrEqual(20);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await r.close();
    }
  });

  it("keeps a month of events, and any still waiting to be sent", async () => {
    const hook = await register("http://127.0.0.1:9/never", ["booking.created"]);
    const venue = await createVenue(h, admin, { opening_time: "08:00", closing_time: "23:00" });
    const sent = await bookOne(venue, "20:00");
    const waiting = await bookOne(venue, "21:00");
    const events = await rows<{ id: string; booking_id: number }>(
      sql`select id, booking_id from outbox_events where booking_id in (${sent}, ${waiting}) order by booking_id`,
    );
    expect(events).toHaveLength(2);
    await h.deps.database.db.execute(sql`
      update outbox_events set created_at = now() - interval '40 days' where booking_id in (${sent}, ${waiting})`);
    await h.deps.database.db.execute(sql`update webhook_deliveries set status = 'delivered' where event_id = ${events[0]!.id}`);
    await runLifecycleOnce(h.deps);
    const left = await rows<{ booking_id: number }>(sql`select booking_id from outbox_events where booking_id in (${sent}, ${waiting})`);
    expect(left).toEqual([{ booking_id: waiting }]);
    await h.request(`/api/admin/webhooks/${hook.id}/`, authed(admin, { method: "DELETE" }));
  });

  it("pings, lists, changes and removes a webhook; refuses bad input", async () => {
    const r = await receiver();
    try {
      const hook = await register(r.url, ["booking.confirmed"]);
      const ping = await h.request(`/api/admin/webhooks/${hook.id}/test/`, authed(admin, { method: "POST" }));
      expect(ping.status).toBe(202);
      WebhookPingSchema.parse(await ping.json());
      await drain();
      expect(r.got.map((g) => (JSON.parse(g.body) as { type: string }).type)).toContain("ping");
      const listed = pageSchema(WebhookSchema, "P").parse(await (await h.request("/api/admin/webhooks/", authed(admin))).json());
      expect(listed.results.map((w) => w.id)).toContain(hook.id);
      expect(JSON.stringify(listed)).not.toContain(hook.secret);
      const one = await h.request(`/api/admin/webhooks/${hook.id}/`, authed(admin));
      expect(WebhookSchema.parse(await one.json())).toMatchObject({
        id: hook.id,
        url: r.url,
        events: ["booking.confirmed"],
        is_active: true,
      });
      const changed = await h.request(`/api/admin/webhooks/${hook.id}/`, authed(admin, patch({ events: ["*"], is_active: false })));
      expect(WebhookSchema.parse(await changed.json())).toMatchObject({ events: ["*"], is_active: false });
      const upper = await h.request(
        "/api/admin/webhooks/",
        authed(admin, json({ url: r.url.replace("http://", "HTTP://"), events: ["*"] })),
      );
      expect(upper.status).toBe(201);
      const upperHook = WebhookCreatedSchema.parse(await upper.json());
      expect(upperHook.url).toBe(r.url);
      await h.request(`/api/admin/webhooks/${upperHook.id}/`, authed(admin, { method: "DELETE" }));
      for (const body of [
        { url: "ftp://x.example/", events: ["*"] },
        { url: r.url, events: [] },
        { url: r.url, events: ["booking.eaten"] },
      ]) {
        const res = await h.request("/api/admin/webhooks/", authed(admin, json(body)));
        expect(res.status).toBe(400);
        expect((await problem(res)).code).toBe("VALIDATION_FAILED");
      }
      expect((await h.request(`/api/admin/webhooks/${hook.id}/`, authed(admin, { method: "DELETE" }))).status).toBe(204);
      expect((await h.request(`/api/admin/webhooks/${hook.id}/`, authed(admin))).status).toBe(404);
      const player = await h.tokensFor(newPhone());
      expect((await h.request("/api/admin/webhooks/", authed(player.access))).status).toBe(403);
    } finally {
      await r.close();
    }
  });
});

describe("webhook addresses and retries", () => {
  it("takes only public unicast addresses when private ones are not allowed", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.1.1", "::1", "fc00::1", "0.0.0.0", "100.64.0.1"]) {
      expect(isPublicAddress(a)).toBe(false);
    }
    for (const a of ["8.8.8.8", "93.184.216.34", "2a00:1450:4001:80b::200e"]) expect(isPublicAddress(a)).toBe(true);
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
  });

  it("doubles the wait from the base, at most an hour, and stops a day after the event", () => {
    const first = new Date("2026-12-01T10:00:00Z");
    expect([1, 2, 3, 4].map((n) => retryAfter(n, 10, first, first))).toEqual([10, 20, 40, 80]);
    expect(retryAfter(20, 10, first, first)).toBe(3600);
    expect(retryAfter(3, 10, first, new Date("2026-12-02T09:59:00Z"))).toBe(40);
    expect(retryAfter(3, 10, first, new Date("2026-12-02T09:59:30Z"))).toBeNull();
  });

  it("refuses loopback and private webhook URLs in production unless allowed", async () => {
    const [embedded] = testBackends({});
    const h = await embedded!.start({ webhookAllowPrivate: false });
    try {
      const admin = (await signInAdmin(h)).access;
      for (const url of ["http://127.0.0.1:9/hook", "http://localhost/hook", "http://[::1]/x", "https://10.0.0.5/x"]) {
        const res = await h.request("/api/admin/webhooks/", authed(admin, json({ url, events: ["*"] }), "en"));
        expect(res.status).toBe(400);
        expect((await problem(res)).code).toBe("WEBHOOK_URL_NOT_ALLOWED");
      }
      expect(
        (await h.request("/api/admin/webhooks/", authed(admin, json({ url: "https://hooks.example.uz/x", events: ["*"] })))).status,
      ).toBe(201);
    } finally {
      await h.close();
    }
  });
});
