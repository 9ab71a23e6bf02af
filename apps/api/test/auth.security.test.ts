import { sign } from "hono/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends, TEST_JWT_SECRET } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, createVenue, json, newPhone, patch, problem, signIn, signInAdmin } from "./helpers.ts";

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

// The OWASP REST Security Cheat Sheet's headers, on every JSON answer.
const REST_HEADERS = {
  "content-security-policy": "frame-ancestors 'none'",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

// An HTML page's headers, on /docs only: HSTS and nosniff stay, framing is allowed to this origin.
const DOCS_HEADERS = {
  "content-security-policy": "frame-ancestors 'self'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};

const SECURITY_HEADER_NAMES = new Set(Object.keys(DOCS_HEADERS));

/** The security headers a response carries, so a test sees one missing and one too many alike. */
function securityHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => SECURITY_HEADER_NAMES.has(name)));
}

describe.each(testBackends())("auth security on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start({ corsOrigins: ["https://app.example.uz"] });
  });
  afterAll(async () => h.close());

  const me = (token: string) => h.request("/api/auth/me/", bearer(token));

  it("a refresh token cannot stand in for an access token, nor the reverse", async () => {
    const s = await signIn(h);
    expect((await me(s.refresh)).status).toBe(401);
    const r = await h.request("/api/auth/refresh/", json({ refresh: s.access }));
    expect(r.status).toBe(401);
    expect((await problem(r)).code).toBe("UNAUTHORIZED");
    // the refresh token was not spent by the failed attempt above
    expect((await h.request("/api/auth/refresh/", json({ refresh: s.refresh }))).status).toBe(200);
  });

  it("refuses alg:none, another secret, and expired tokens", async () => {
    const s = await signIn(h);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: String(s.user.id), type: "access", iat: now, exp: now + 900 };
    const none = `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`;
    expect((await me(none)).status).toBe(401);
    const forged = await sign(claims, "some-other-secret-some-other-secret", "HS256");
    expect((await me(forged)).status).toBe(401);
    const hs512 = await sign(claims, TEST_JWT_SECRET, "HS512");
    expect((await me(hs512)).status).toBe(401);
    const expired = await sign({ ...claims, iat: now - 1000, exp: now - 100 }, TEST_JWT_SECRET, "HS256");
    const res = await me(expired);
    expect(res.status).toBe(401);
    expect((await problem(res)).detail).not.toMatch(/jwt|exp|stack/i);
    const valid = await sign(claims, TEST_JWT_SECRET, "HS256");
    expect((await me(valid)).status).toBe(200);
    const noType = await sign({ sub: String(s.user.id), iat: now, exp: now + 900 }, TEST_JWT_SECRET, "HS256");
    expect((await me(noType)).status).toBe(401);
    const ghost = await sign({ ...claims, sub: "999999" }, TEST_JWT_SECRET, "HS256");
    expect((await me(ghost)).status).toBe(401);
  });

  it("a deactivated user is refused at once, with either token, and cannot sign in again", async () => {
    const admin = await signInAdmin(h);
    const u = await signIn(h);
    const off = await h.request(`/api/admin/users/${u.user.id}/`, {
      ...patch({ is_active: false }),
      ...bearer(admin.access, { "content-type": "application/json" }),
    });
    expect(off.status).toBe(200);
    const meRes = await me(u.access);
    expect(meRes.status).toBe(401);
    expect((await problem(meRes)).code).toBe("USER_INACTIVE");
    expect((await h.request("/api/auth/refresh/", json({ refresh: u.refresh }))).status).toBe(401);
    await h.request("/api/auth/send-otp/", json({ phone: u.phone }));
    const v = await h.request("/api/auth/verify-otp/", json({ phone: u.phone, code: h.sms.lastCode(u.phone) }));
    expect(v.status).toBe(401);
  });

  it("at most 3 codes per phone per 10 minutes: the 4th is 429 with Retry-After", async () => {
    const phone = newPhone();
    for (let i = 0; i < 3; i++) expect((await h.request("/api/auth/send-otp/", json({ phone }))).status).toBe(200);
    const res = await h.request("/api/auth/send-otp/", json({ phone }, { "accept-language": "en" }));
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(500);
    expect(retry).toBeLessThanOrEqual(600);
    expect(await problem(res)).toMatchObject({ code: "RATE_LIMITED", detail: `Too many requests. Try again in ${retry} s.` });
    // another phone is not affected
    expect((await h.request("/api/auth/send-otp/", json({ phone: newPhone() }))).status).toBe(200);
  });

  it("parallel sends for one phone still stop at 3 (atomic counter)", async () => {
    const phone = newPhone();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => h.request("/api/auth/send-otp/", json({ phone })).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("five wrong guesses burn the code: the right one fails afterwards", async () => {
    const phone = newPhone();
    await h.request("/api/auth/send-otp/", json({ phone }));
    const code = h.sms.lastCode(phone)!;
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, "0");
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await problem(await h.request("/api/auth/verify-otp/", json({ phone, code: wrong })))).code);
    expect(codes).toEqual(["OTP_INVALID", "OTP_INVALID", "OTP_INVALID", "OTP_INVALID", "OTP_TOO_MANY_ATTEMPTS"]);
    const right = await h.request("/api/auth/verify-otp/", json({ phone, code }));
    expect(right.status).toBe(400);
    expect((await problem(right)).code).toBe("OTP_INVALID");
  });

  it("a code works once, even when two verifications race", async () => {
    const phone = newPhone();
    await h.request("/api/auth/send-otp/", json({ phone }));
    const code = h.sms.lastCode(phone)!;
    const statuses = await Promise.all(
      [0, 1, 2].map(() => h.request("/api/auth/verify-otp/", json({ phone, code })).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([200, 400, 400]);
    expect((await h.request("/api/auth/verify-otp/", json({ phone, code }))).status).toBe(400);
  });

  it("a new code replaces the old one", async () => {
    const phone = newPhone();
    await h.request("/api/auth/send-otp/", json({ phone }));
    const old = h.sms.lastCode(phone)!;
    await h.request("/api/auth/send-otp/", json({ phone }));
    const fresh = h.sms.lastCode(phone)!;
    if (old !== fresh) expect((await h.request("/api/auth/verify-otp/", json({ phone, code: old }))).status).toBe(400);
    expect((await h.request("/api/auth/verify-otp/", json({ phone, code: fresh }))).status).toBe(200);
  });

  it("a spent refresh token never yields a second pair: within 30 s it gets the same one, later nothing", async () => {
    const s = await signIn(h);
    const first = await h.request("/api/auth/refresh/", json({ refresh: s.refresh }));
    expect(first.status).toBe(200);
    const pair = await first.text();
    const retry = await h.request("/api/auth/refresh/", json({ refresh: s.refresh }));
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe(pair);
    h.setNow(new Date(Date.now() + 31_000));
    try {
      const reuse = await h.request("/api/auth/refresh/", json({ refresh: s.refresh }));
      expect(reuse.status).toBe(401);
    } finally {
      h.setNow(undefined);
    }
    // Racing refreshes of a fresh sign-in: one spend, so one pair for all of them.
    const { refresh } = await signIn(h);
    const answers = await Promise.all([0, 1, 2, 3].map(() => h.request("/api/auth/refresh/", json({ refresh }))));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(await Promise.all(answers.map((r) => r.text()))).size).toBe(1);
  });

  it("PATCH /me refuses every field but name and applies none of them", async () => {
    const s = await signIn(h);
    for (const body of [
      { is_admin: true },
      { name: "Ok", is_admin: true },
      { phone: "+998000000001" },
      { is_active: false, is_verified: false },
    ]) {
      const res = await h.request("/api/auth/me/", { ...patch(body), ...bearer(s.access, { "content-type": "application/json" }) });
      expect(res.status).toBe(400);
    }
    expect(await (await me(s.access)).json()).toMatchObject({ name: "", is_admin: false, is_active: true, phone: s.phone });
  });

  it("CORS answers only the configured origins", async () => {
    const preflight = (origin: string) =>
      h.request("/api/auth/send-otp/", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    const ok = await preflight("https://app.example.uz");
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.uz");
    const evil = await preflight("https://evil.example.com");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const simple = await h.request("/health", { headers: { origin: "https://evil.example.com" } });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends secure headers and a request id", async () => {
    const res = await h.request("/health");
    expect(securityHeaders(res)).toEqual(REST_HEADERS);
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
  });

  it("a JSON answer carries the OWASP REST set and none of the HTML page's headers", async () => {
    const admin = await signInAdmin(h);
    const id = await createVenue(h, admin.access);
    for (const path of ["/api/venues/", `/api/venues/${id}/`, `/api/venues/${id}/availability/?date=2026-11-25`, "/api/nowhere/"]) {
      const res = await h.request(path);
      expect(securityHeaders(res), path).toEqual(REST_HEADERS);
      // public reads say nothing about caching, as before; only sensitive answers say no-store
      expect(res.headers.get("cache-control"), path).toBeNull();
    }
  });

  it("answers to a request with credentials, and every /api/auth/ answer, are never stored", async () => {
    const s = await signIn(h);
    const answers: [string, Response][] = [
      ["own bookings", await h.request("/api/bookings/", bearer(s.access))],
      ["a public read with a token", await h.request("/api/venues/", bearer(s.access))],
      ["a refused token", await h.request("/api/bookings/", bearer("nonsense"))],
      ["send-otp", await h.request("/api/auth/send-otp/", json({ phone: newPhone() }))],
      ["a refused refresh", await h.request("/api/auth/refresh/", json({ refresh: "nonsense" }))],
      ["an unknown /api/auth/ path", await h.request("/api/auth/nowhere/")],
    ];
    for (const [what, res] of answers) {
      expect(res.headers.get("cache-control"), what).toBe("no-store");
      expect(securityHeaders(res), what).toEqual(REST_HEADERS);
    }
  });

  it("Swagger UI's page and files carry the HTML page's headers, and the files keep their own caching", async () => {
    const page = await h.request("/docs");
    expect(page.status).toBe(200);
    expect(securityHeaders(page)).toEqual(DOCS_HEADERS);
    const js = await h.request("/docs/assets/swagger-ui-dist/swagger-ui-bundle.js", bearer("anything"));
    expect(js.status).toBe(200);
    expect(securityHeaders(js)).toEqual(DOCS_HEADERS);
    expect(js.headers.get("cache-control")).toBe("public, max-age=86400");
  });
});

describe.each(testBackends())("per-IP limit on the auth endpoints on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start({ authIpLimitPerMinute: 5 });
  });
  afterAll(async () => h.close());

  it("counts per client IP and answers 429 with Retry-After past the limit", async () => {
    const ip = "203.0.113.7";
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.request("/api/auth/refresh/", { ...json({ refresh: "x" }), ip })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await h.request("/api/auth/send-otp/", { ...json({ phone: newPhone() }), ip });
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await problem(limited)).code).toBe("RATE_LIMITED");
    // another address is counted on its own; other endpoints are not limited
    expect((await h.request("/api/auth/send-otp/", { ...json({ phone: newPhone() }), ip: "203.0.113.8" })).status).toBe(200);
    expect((await h.request("/health", { ip })).status).toBe(200);
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY is set", async () => {
    const ip = "198.51.100.1";
    for (let i = 0; i < 5; i++)
      await h.request("/api/auth/refresh/", { ...json({ refresh: "x" }, { "x-forwarded-for": `192.0.2.${i}` }), ip });
    expect((await h.request("/api/auth/refresh/", { ...json({ refresh: "x" }, { "x-forwarded-for": "192.0.2.99" }), ip })).status).toBe(
      429,
    );
  });

  const refreshFrom = (ip: string, forwardedFor: string) =>
    h.request("/api/auth/refresh/", { ...json({ refresh: "x" }, { "x-forwarded-for": forwardedFor }), ip });

  it("with TRUST_PROXY=1 counts the hop the proxy added, not the hops the client wrote", async () => {
    h.deps.config.trustProxy = { hops: 1 };
    try {
      const proxy = "198.51.100.2";
      // a client behind the proxy that writes a new leftmost hop each time
      for (let i = 0; i < 5; i++) expect((await refreshFrom(proxy, `192.0.2.${i}, 203.0.113.50`)).status).toBe(401);
      expect((await refreshFrom(proxy, "192.0.2.99, 203.0.113.50")).status).toBe(429);
      // another client behind the same proxy is counted on its own
      expect((await refreshFrom(proxy, "192.0.2.99, 203.0.113.51")).status).toBe(401);
    } finally {
      h.deps.config.trustProxy = false;
    }
  });

  it("with TRUST_PROXY as CIDRs skips every trusted proxy and believes only them", async () => {
    h.deps.config.trustProxy = { addresses: ["198.51.100.0/24", "10.0.0.0/8"] };
    try {
      // client -> 10.1.1.1 (inner proxy) -> 198.51.100.3 (edge proxy) -> app
      for (let i = 0; i < 5; i++) expect((await refreshFrom("198.51.100.3", `192.0.2.${i}, 203.0.113.60, 10.1.1.1`)).status).toBe(401);
      expect((await refreshFrom("198.51.100.3", "203.0.113.60, 10.1.1.1")).status).toBe(429);
      // an address outside the list is not a proxy: its X-Forwarded-For is ignored
      expect((await refreshFrom("203.0.113.99", "203.0.113.61")).status).toBe(401);
      for (let i = 0; i < 4; i++) await refreshFrom("203.0.113.99", `203.0.113.${70 + i}`);
      expect((await refreshFrom("203.0.113.99", "203.0.113.62")).status).toBe(429);
    } finally {
      h.deps.config.trustProxy = false;
    }
  });
});
