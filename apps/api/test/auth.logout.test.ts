// Ending a session: POST /api/auth/logout/ revokes every refresh token of the sign-in, reusing a
// spent refresh token after the grace window does the same (a stolen copy is in use), and no token
// answer is cached. Retries and races within the window: auth.refresh.test.ts.
import { randomUUID } from "node:crypto";
import { sign } from "hono/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokensSchema } from "@venue-booking/contract";
import { testBackends, TEST_JWT_SECRET } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, json, newPhone, patch, problem, signIn } from "./helpers.ts";

const claims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

describe.each(testBackends())("signing out on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
  });
  afterAll(async () => h.close());

  const refresh = (token: string) => h.request("/api/auth/refresh/", json({ refresh: token }));
  const logout = (token: string) => h.request("/api/auth/logout/", json({ refresh: token }));
  const me = (access: string) => h.request("/api/auth/me/", bearer(access));

  it("ends the sign-in with a refresh token alone: no refresh of it works again, and saying it twice is 204 too", async () => {
    const s = await signIn(h);
    const second = TokensSchema.parse(await (await refresh(s.refresh)).json());
    const out = await logout(second.refresh);
    expect(out.status).toBe(204);
    expect(await out.text()).toBe("");
    expect(out.headers.get("cache-control")).toBe("no-store");
    const refused = await refresh(second.refresh);
    expect(refused.status).toBe(401);
    expect((await problem(refused)).code).toBe("UNAUTHORIZED");
    expect((await logout(second.refresh)).status).toBe(204);
    // The access token lives out its 15 minutes: it is not checked against the store.
    expect((await me(second.access)).status).toBe(200);
  });

  it("any refresh token of the sign-in ends all of it, even one spent long ago", async () => {
    const s = await signIn(h);
    const second = TokensSchema.parse(await (await refresh(s.refresh)).json());
    const third = TokensSchema.parse(await (await refresh(second.refresh)).json());
    expect(claims(third.refresh).fam).toBe(claims(s.refresh).fam);
    expect((await logout(s.refresh)).status).toBe(204);
    expect((await refresh(third.refresh)).status).toBe(401);
  });

  it("ends only that sign-in: the same user's other sign-in keeps refreshing", async () => {
    const phone = newPhone();
    const laptop = await signIn(h, phone);
    const phoneApp = await signIn(h, phone);
    expect(claims(laptop.refresh).fam).not.toBe(claims(phoneApp.refresh).fam);
    expect((await logout(laptop.refresh)).status).toBe(204);
    expect((await refresh(laptop.refresh)).status).toBe(401);
    expect((await refresh(phoneApp.refresh)).status).toBe(200);
  });

  it("takes an expired refresh token of ours, but not a forged one, an access token or an empty body", async () => {
    const s = await signIn(h);
    const { sub, fam } = claims(s.refresh);
    const past = Math.floor(Date.now() / 1000) - 8 * 24 * 3600;
    const expired = await sign(
      { sub, type: "refresh", jti: randomUUID(), fam, iat: past, exp: past + 7 * 24 * 3600 },
      TEST_JWT_SECRET,
      "HS256",
    );
    expect((await refresh(expired)).status).toBe(401);
    expect((await logout(expired)).status).toBe(204);
    expect((await refresh(s.refresh)).status).toBe(401);

    const t = await signIn(h);
    const forged = await sign({ ...claims(t.refresh) }, "another-secret-another-secret-another!", "HS256");
    const refusedForged = await logout(forged);
    expect(refusedForged.status).toBe(401);
    expect((await problem(refusedForged)).code).toBe("UNAUTHORIZED");
    expect((await logout(t.access)).status).toBe(401);
    expect((await h.request("/api/auth/logout/", json({}))).status).toBe(400);
    // None of these touched the sign-in.
    expect((await refresh(t.refresh)).status).toBe(200);
  });

  it("a spent refresh token presented again after the grace window ends the sign-in: the thief's and the owner's newest token both stop", async () => {
    const s = await signIn(h);
    const owner = TokensSchema.parse(await (await refresh(s.refresh)).json());
    h.setNow(new Date(Date.now() + 31_000));
    try {
      expect((await refresh(s.refresh)).status).toBe(401);
    } finally {
      h.setNow(undefined);
    }
    expect((await refresh(owner.refresh)).status).toBe(401);
  });

  it("racing refreshes with one token all get the same pair (no reuse within the grace window), and it refreshes on", async () => {
    const s = await signIn(h);
    const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(s.refresh)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const pairs = await Promise.all(answers.map(async (r) => TokensSchema.parse(await r.json())));
    expect(new Set(pairs.map((p) => p.refresh)).size).toBe(1);
    expect((await refresh(pairs[0]!.refresh)).status).toBe(200);
  });

  it("a logout racing a refresh leaves no refresh of the sign-in working", async () => {
    for (let i = 0; i < 5; i++) {
      const s = await signIn(h);
      const [refreshed, out] = await Promise.all([refresh(s.refresh), logout(s.refresh)]);
      expect(out.status).toBe(204);
      if (refreshed.status === 200) {
        const pair = TokensSchema.parse(await refreshed.json());
        expect((await refresh(pair.refresh)).status).toBe(401);
      } else {
        expect(refreshed.status).toBe(401);
      }
    }
  });

  it("no answer carrying a token or a profile may be cached, errors included", async () => {
    const phone = newPhone();
    expect((await h.request("/api/auth/send-otp/", json({ phone }))).headers.get("cache-control")).toBe("no-store");
    const verified = await h.request("/api/auth/verify-otp/", json({ phone, code: h.sms.lastCode(phone) }));
    expect(verified.status).toBe(200);
    expect(verified.headers.get("cache-control")).toBe("no-store");
    const tokens = TokensSchema.parse(await verified.json());
    const refreshed = await refresh(tokens.refresh);
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get("cache-control")).toBe("no-store");
    const { access } = TokensSchema.parse(await refreshed.json());
    const profile = await me(access);
    expect(profile.status).toBe(200);
    expect(profile.headers.get("cache-control")).toBe("no-store");
    const renamed = await h.request("/api/auth/me/", {
      ...patch({ name: "Aziz" }),
      ...bearer(access, { "content-type": "application/json" }),
    });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get("cache-control")).toBe("no-store");
    const refused = await refresh(access);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect((await me("nonsense")).headers.get("cache-control")).toBe("no-store");
  });
});

describe("signing out in the OpenAPI document", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await testBackends()[0]!.start();
  });
  afterAll(async () => h.close());

  it("documents POST /api/auth/logout/ (204, 401, no bearer) and no-store on token answers", async () => {
    type Op = { security?: unknown; responses: Record<string, { headers?: Record<string, unknown> }> };
    const doc = (await (await h.request("/openapi.json")).json()) as { paths: Record<string, Record<string, Op>> };
    const op = doc.paths["/api/auth/logout/"]!.post!;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["204", "400", "401"]));
    expect(op.security).toBeUndefined();
    expect(JSON.stringify(doc.paths["/api/auth/logout/"])).toContain("LogoutRequest");
    for (const [path, method] of [
      ["/api/auth/verify-otp/", "post"],
      ["/api/auth/refresh/", "post"],
      ["/api/auth/me/", "get"],
    ] as const) {
      expect(doc.paths[path]![method]!.responses["200"]!.headers, path).toHaveProperty("Cache-Control");
    }
  });
});
