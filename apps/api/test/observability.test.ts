import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/infra/logger.ts";
import { runLifecycleOnce } from "../src/services/lifecycle.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, newPhone, patch, signIn, signInAdmin } from "./helpers.ts";

describe.each(testBackends())("observability and the lifecycle job on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start({ metricsToken: "scrape-me" });
  });
  afterAll(async () => h.close());

  const scrape = async () => {
    const res = await h.request("/metrics", { headers: { authorization: "Bearer scrape-me" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    return res.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.split(" ")[1]) : 0;
  };

  it("/metrics needs the token when METRICS_TOKEN is set", async () => {
    expect((await h.request("/metrics")).status).toBe(401);
    expect((await h.request("/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect(await scrape()).toContain("# TYPE http_requests_total counter");
  });

  it("counts requests by route (not raw path), bookings, conflicts, cancellations and OTP", async () => {
    const before = await scrape();
    h.setNow(new Date("2026-11-21T05:00:00Z"));
    const admin = await signInAdmin(h);
    const player = await signIn(h);
    const venueId = await createVenue(h, admin.access);
    const body = { venue_id: venueId, booking_date: "2026-11-25", start_time: "10:00", end_time: "11:00" };
    const b = (await (await h.request("/api/bookings/", authed(player.access, json(body)))).json()) as { id: number };
    expect((await h.request("/api/bookings/", authed(player.access, json(body)))).status).toBe(409);
    await h.request(`/api/bookings/${b.id}/cancel/`, authed(player.access, { method: "PATCH" }));
    const phone = newPhone();
    for (let i = 0; i < 4; i++) await h.request("/api/auth/send-otp/", json({ phone }));
    await h.request(`/api/venues/${venueId}/`);
    await h.request("/api/nowhere");

    const after = await scrape();
    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta("bookings_created_total")).toBe(1);
    expect(delta("booking_conflicts_total")).toBe(1);
    expect(delta('booking_cancellations_total{by="user"}')).toBe(1);
    expect(delta("otp_sent_total")).toBe(5); // 2 sign-ins + 3 of the 4 sends
    expect(delta('otp_rate_limited_total{limit="phone"}')).toBe(1);
    expect(delta("otp_verified_total")).toBe(2);
    expect(value(after, 'http_requests_total{method="GET",route="/api/venues/:id",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('http_requests_total{method="GET",route="unmatched",status="404"}');
    expect(after).not.toContain(`/api/venues/${venueId}"`);
    expect(after).toMatch(/http_request_duration_seconds_bucket\{le="0\.05",method="POST",route="\/api\/bookings",status="201"\} \d+/);
    expect(after).toMatch(/db_pool_max_connections \d+/);
    expect(after).toContain("process_resident_memory_bytes");
  });

  it("logs one structured line per request with method, path, status, duration, request id and user id", async () => {
    const lines: string[] = [];
    const original = h.deps.logger;
    h.deps.logger = createLogger({ level: "info", pretty: false, write: (l) => lines.push(l) });
    try {
      const player = await signIn(h);
      await h.request("/api/auth/me/", authed(player.access));
    } finally {
      h.deps.logger = original;
    }
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const me = entries.find((e) => e.path === "/api/auth/me/")!;
    expect(me).toMatchObject({ level: "info", msg: "request", method: "GET", status: 200, user_id: expect.any(Number) });
    expect(me.request_id).toMatch(/^[\w-]{8,}$/);
    expect(typeof me.duration_ms).toBe("number");
    expect(new Date(me.time as string).toISOString()).toBe(me.time);
    expect(entries.find((e) => e.path === "/api/auth/send-otp/")).toMatchObject({ user_id: null, status: 200 });
  });

  it("the lifecycle job completes and expires bookings, and admins see who moved them", async () => {
    h.setNow(new Date("2026-11-21T05:00:00Z"));
    const admin = await signInAdmin(h);
    const player = await signIn(h);
    const venueId = await createVenue(h, admin.access);
    const book = async (start: string, end: string) =>
      (
        (await (
          await h.request(
            "/api/bookings/",
            authed(player.access, json({ venue_id: venueId, booking_date: "2026-11-26", start_time: start, end_time: end })),
          )
        ).json()) as { id: number }
      ).id;
    const confirmed = await book("09:00", "10:00");
    const pending = await book("11:00", "12:00");
    await h.request(`/api/admin/bookings/${confirmed}/`, authed(admin.access, patch({ status: "confirmed" })));

    // 12:30 in Tashkent on the 26th
    h.setNow(new Date("2026-11-26T07:30:00Z"));
    const result = await runLifecycleOnce(h.deps);
    expect(result).toMatchObject({ completed: 1, expired: 1 });
    const detail = async (id: number) =>
      (await (await h.request(`/api/admin/bookings/${id}/`, authed(admin.access))).json()) as {
        status: string;
        history: { to_status: string; actor: string; reason: string | null }[];
      };
    const c = await detail(confirmed);
    expect(c.status).toBe("completed");
    expect(c.history.at(-1)).toMatchObject({ to_status: "completed", actor: "system", reason: "ended" });
    const p = await detail(pending);
    expect(p.status).toBe("cancelled");
    expect(p.history.at(-1)).toMatchObject({ to_status: "cancelled", actor: "system", reason: "expired" });
    expect(await runLifecycleOnce(h.deps)).toMatchObject({ completed: 0, expired: 0 });
  });
});
