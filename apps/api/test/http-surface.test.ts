// What every response shows of HTTP itself: methods and Allow, Vary, links and the OpenAPI
// server (never the client's Host), metrics labels, and what the logs say and leave out.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/infra/logger.ts";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { createVenue, newPhone, problem, signInAdmin } from "./helpers.ts";

type Page = { count: number; next: string | null; previous: string | null };

describe.each(testBackends())("the HTTP surface on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let lines: Record<string, unknown>[];
  beforeAll(async () => {
    h = await backend.start({ corsOrigins: ["https://app.example.uz"] });
    admin = (await signInAdmin(h)).access;
    // 11 venues make two pages of the list.
    for (let i = 0; i < 11; i++) await createVenue(h, admin);
    lines = [];
    h.deps.logger = createLogger({
      level: "debug",
      pretty: false,
      write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
  });
  afterAll(async () => h.close());

  it("a known path asked with another method is 405 with Allow; an unknown path stays 404", async () => {
    const res = await h.request("/api/venues/", { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    const p = await problem(res);
    expect(p.code).toBe("METHOD_NOT_ALLOWED");
    expect(p.status).toBe(405);

    const one = await h.request("/api/venues/1", { method: "POST", headers: { "accept-language": "en" } });
    expect(one.status).toBe(405);
    expect(one.headers.get("allow")).toBe("GET, HEAD, PATCH, DELETE, OPTIONS");
    expect((await problem(one)).detail).toBe("This address does not accept POST; it accepts GET, HEAD, PATCH, DELETE, OPTIONS.");

    const otp = await h.request("/api/auth/send-otp/", { method: "GET" });
    expect(otp.status).toBe(405);
    expect(otp.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await h.request("/health", { method: "DELETE" })).headers.get("allow")).toBe("GET, HEAD, OPTIONS");

    // A doubled slash is no path of the API, whatever the method: 404, not a 405 that names the method asked.
    for (const path of ["/api/venues//", "/api/bookings//"]) expect((await h.request(path)).status).toBe(404);

    const nowhere = await h.request("/api/nowhere/", { method: "PUT" });
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("allow")).toBeNull();
    expect((await problem(nowhere)).code).toBe("NOT_FOUND");
  });

  it("OPTIONS answers Allow, and a CORS preflight still works", async () => {
    const bare = await h.request("/api/bookings/", { method: "OPTIONS" });
    expect(bare.status).toBe(204);
    expect(bare.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");

    const preflight = await h.request("/api/bookings/", {
      method: "OPTIONS",
      headers: { origin: "https://app.example.uz", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example.uz");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("Vary names Accept-Language and Origin once each, with and without an Origin", async () => {
    expect((await h.request("/api/venues/")).headers.get("vary")).toBe("Accept-Language, Origin");
    const cors = await h.request("/api/venues/", { headers: { origin: "https://app.example.uz" } });
    expect(cors.headers.get("access-control-allow-origin")).toBe("https://app.example.uz");
    expect(cors.headers.get("vary")).toBe("Accept-Language, Origin");
    const other = await h.request("/api/venues/", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("vary")).toBe("Accept-Language, Origin");
  });

  it("a 404 inside a known route is counted under that route", async () => {
    await h.request("/api/venues/2147483647/");
    await h.request("/api/nowhere/");
    const metrics = await (await h.request("/metrics")).text();
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/venues\/:id",status="404"\} [1-9]/);
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/);
  });

  it("probes are counted but not logged; other requests are", async () => {
    lines.length = 0;
    expect((await h.request("/health")).status).toBe(200);
    await h.request("/ready");
    await h.request("/ready/");
    await h.request("/api/venues/");
    expect(lines.filter((l) => l.msg === "request").map((l) => l.path)).toEqual(["/api/venues/"]);
    const metrics = await (await h.request("/metrics")).text();
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/ready",status="(200|503)"\} [2-9]/);
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} [1-9]/);
  });

  it("a database error is logged with its code, message, request id and route, never the query's values", async () => {
    const phone = newPhone();
    const { users } = h.deps.repos;
    const list = users.list;
    // A real statement that fails in the database, with a phone among its parameters.
    users.list = async (query) => {
      await h.deps.database.db.execute(sql`select 1 / (length(${query.search ?? ""}) - length(${phone})) as boom`);
      return list(query);
    };
    lines.length = 0;
    try {
      const res = await h.request(`/api/admin/users/?search=${encodeURIComponent(phone)}`, {
        headers: { authorization: `Bearer ${admin}`, "x-request-id": "req-db-error-1" },
      });
      expect(res.status).toBe(500);
      expect((await problem(res)).request_id).toBe("req-db-error-1");
    } finally {
      users.list = list;
    }
    const errors = lines.filter((l) => l.level === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        msg: "unexpected error",
        db_code: "22012",
        db_message: "division by zero",
        request_id: "req-db-error-1",
        route: "/api/admin/users",
        method: "GET",
      }),
    ]);
    const text = JSON.stringify(errors);
    expect(text).not.toContain(phone.slice(4));
    expect(text).not.toMatch(/Failed query|params:|select 1/);
  });

  it("a database error that quotes the offending value logs the message without it", async () => {
    const phone = newPhone();
    const { users } = h.deps.repos;
    const list = users.list;
    // PostgreSQL's own message names the value: invalid input syntax for type uuid: "+998...".
    users.list = async (query) => {
      await h.deps.database.db.execute(sql`select (${phone}::text)::uuid as boom`);
      return list(query);
    };
    lines.length = 0;
    try {
      const res = await h.request("/api/admin/users/", { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status).toBe(500);
    } finally {
      users.list = list;
    }
    const errors = lines.filter((l) => l.level === "error");
    expect(errors).toEqual([expect.objectContaining({ db_code: "22P02", db_message: 'invalid input syntax for type uuid: "…"' })]);
    expect(JSON.stringify(errors)).not.toContain(phone.slice(4));
  });

  describe("links and the OpenAPI server", () => {
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const list = async (headers: Record<string, string>, ip?: string) => {
      const res = await h.request("/api/venues/?page=2&search=", { headers, ...(ip ? { ip } : {}) });
      expect(res.status).toBe(200);
      return (await res.json()) as Page;
    };
    const server = async (headers: Record<string, string>, ip?: string) => {
      const doc = (await (await h.request("/openapi.json", { headers, ...(ip ? { ip } : {}) })).json()) as { servers: { url: string }[] };
      return doc.servers.map((s) => s.url);
    };

    it("without PUBLIC_URL: relative links, whatever Host and X-Forwarded-* say", async () => {
      const page = await list(forged);
      // links name the known parameters only, each in one spelling: the empty search is dropped
      expect(page.previous).toBe("/api/venues/");
      expect(JSON.stringify(page)).not.toContain("evil");
      expect(await server(forged)).toEqual(["/"]);
      // The admin list is built apart from the public one's cache; it follows the same rule.
      const res = await h.request("/api/venues/?page=2&include_inactive=true", {
        headers: { ...forged, authorization: `Bearer ${admin}` },
      });
      expect(((await res.json()) as Page).previous).toBe("/api/venues/?include_inactive=true");
    });

    it("with PUBLIC_URL: links and the server are under it", async () => {
      h.deps.config.publicUrl = "https://api.example.uz/booking";
      try {
        const page = await list(forged);
        expect(page.previous).toBe("https://api.example.uz/booking/api/venues/");
        expect(await server(forged)).toEqual(["https://api.example.uz/booking"]);
      } finally {
        h.deps.config.publicUrl = undefined;
      }
    });

    it("behind a trusted proxy: X-Forwarded-Proto and X-Forwarded-Host, from the proxy only", async () => {
      h.deps.config.trustProxy = { addresses: ["10.0.0.0/8"] };
      try {
        const viaProxy = { host: "internal:3000", "x-forwarded-host": "booking.example.uz", "x-forwarded-proto": "https" };
        expect((await list(viaProxy, "10.1.2.3")).previous).toBe("https://booking.example.uz/api/venues/");
        expect(await server(viaProxy, "10.1.2.3")).toEqual(["https://booking.example.uz"]);
        // a client reaching the app directly is not a proxy
        expect((await list(viaProxy, "198.51.100.7")).previous).toBe("/api/venues/");
        // a host that is not a host name is ignored
        expect((await list({ "x-forwarded-host": "evil.example/x?", "x-forwarded-proto": "https" }, "10.1.2.3")).previous).toBe(
          "/api/venues/",
        );
      } finally {
        h.deps.config.trustProxy = false;
      }
    });
  });
});
