import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";

describe("OpenAPI document", () => {
  let h: Harness;
  let doc: Record<string, unknown> & { paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>> };
  beforeAll(async () => {
    h = await testBackends()[0]!.start();
    const res = await h.request("/openapi.json");
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => h.close());

  it("passes the OpenAPI 3.1 schema validator", async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("every pattern means the same to other clients: it compiles without flags and accepts its example", () => {
    const patterns: { pattern: string; example?: unknown }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (typeof o.pattern === "string") patterns.push({ pattern: o.pattern, example: o.example });
        Object.values(o).forEach(walk);
      }
    };
    walk(doc);
    expect(patterns.length).toBeGreaterThan(0);
    for (const { pattern, example } of patterns) {
      const re = new RegExp(pattern);
      if (typeof example === "string") expect(re.test(example), `${pattern} vs ${example}`).toBe(true);
    }
    const image = patterns.find((p) => p.pattern.includes("[hH][tT]"));
    expect(image).toBeDefined();
    const re = new RegExp(image!.pattern);
    expect(re.test("HTTPS://example.com:8443/a.jpg")).toBe(true);
    expect(re.test("https://example.com:99999/a.jpg")).toBe(false);
  });

  it("lists every contract path with its trailing slash, a bearer scheme and problem responses", () => {
    for (const path of [
      "/api/auth/send-otp/",
      "/api/auth/verify-otp/",
      "/api/auth/refresh/",
      "/api/auth/me/",
      "/api/admin/users/",
      "/api/admin/users/{id}/",
      "/api/venues/",
      "/api/venues/{id}/",
      "/api/venues/{id}/availability/",
      "/api/bookings/",
      "/api/bookings/{id}/",
      "/api/bookings/{id}/cancel/",
      "/api/admin/bookings/",
      "/api/admin/bookings/{id}/",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(JSON.stringify((doc as { components?: unknown }).components)).toContain('"scheme":"bearer"');
    expect(doc.paths["/api/auth/me/"]!.get!.security).toEqual([{ Bearer: [] }]);
    expect(Object.keys(doc.paths["/api/admin/users/"]!.get!.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "429", "500"]),
    );
    expect(JSON.stringify(doc.paths["/api/auth/send-otp/"])).toContain("application/problem+json");
    expect(Object.keys(doc.paths["/api/bookings/"]!.post!.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "404", "409", "422"]),
    );
    expect(JSON.stringify(doc.paths["/api/bookings/"]!.post)).toContain("idempotency-key");
  });

  it("serves Swagger UI and its assets from this server, not a CDN", async () => {
    const html = await (await h.request("/docs")).text();
    expect(html).toContain("/docs/assets/swagger-ui-dist/swagger-ui-bundle.js");
    expect(html).not.toMatch(/cdn\.|unpkg|jsdelivr/);
    const js = await h.request("/docs/assets/swagger-ui-dist/swagger-ui-bundle.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect((await h.request("/docs/assets/swagger-ui-dist/nope.js")).status).toBe(404);
  });
});
