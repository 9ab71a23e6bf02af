import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserSchema } from "@venue-booking/contract";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, json, newPhone, patch, signIn, signInAdmin } from "./helpers.ts";

describe.each(testBackends())("auth, happy paths, on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
  });
  afterAll(async () => h.close());

  it("send-otp answers in the caller's language and sends a 6-digit code", async () => {
    const phone = newPhone();
    const res = await h.request("/api/auth/send-otp/", json({ phone }, { "accept-language": "uz" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("uz");
    expect(await res.json()).toEqual({ detail: "Kod yuborildi.", expires_in: 300 });
    expect(h.sms.lastCode(phone)).toMatch(/^\d{6}$/);
  });

  it("verify-otp creates a verified user on first sign-in and finds it again later", async () => {
    const first = await signIn(h);
    expect(first.is_new_user).toBe(true);
    expect(UserSchema.parse(first.user)).toMatchObject({ phone: first.phone, is_verified: true, is_active: true, is_admin: false });
    const again = await signIn(h, first.phone);
    expect(again.is_new_user).toBe(false);
    expect(again.user.id).toBe(first.user.id);
  });

  it("works without the trailing slash too", async () => {
    const phone = newPhone();
    expect((await h.request("/api/auth/send-otp", json({ phone }))).status).toBe(200);
    const res = await h.request("/api/auth/verify-otp", json({ phone, code: h.sms.lastCode(phone) }));
    expect(res.status).toBe(200);
  });

  it("phones in ADMIN_PHONES become admins when they verify", async () => {
    const admin = await signInAdmin(h);
    expect(admin.user.is_admin).toBe(true);
  });

  it("GET /me returns the user; PATCH /me renames", async () => {
    const s = await signIn(h);
    const me = await h.request("/api/auth/me/", bearer(s.access));
    expect(me.status).toBe(200);
    const body = UserSchema.parse(await me.json());
    expect(body).toMatchObject({ id: s.user.id, phone: s.phone, name: "" });
    expect(new Date(body.created_at).toISOString()).toBe(body.created_at);
    const renamed = await h.request("/api/auth/me/", {
      ...patch({ name: "  Дилшод  " }),
      ...bearer(s.access, { "content-type": "application/json" }),
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "Дилшод" });
    expect(await (await h.request("/api/auth/me", bearer(s.access))).json()).toMatchObject({ name: "Дилшод" });
  });

  it("refresh rotates: a new pair, and the new refresh works once more", async () => {
    const s = await signIn(h);
    const r1 = await h.request("/api/auth/refresh/", json({ refresh: s.refresh }));
    expect(r1.status).toBe(200);
    const t1 = (await r1.json()) as { access: string; refresh: string };
    expect(t1.refresh).not.toBe(s.refresh);
    expect((await h.request("/api/auth/me/", bearer(t1.access))).status).toBe(200);
    const r2 = await h.request("/api/auth/refresh/", json({ refresh: t1.refresh }));
    expect(r2.status).toBe(200);
  });

  describe("admin users", () => {
    it("lists users newest first in pages of 10 with links, and searches phone and name", async () => {
      const admin = await signInAdmin(h);
      const made = [];
      for (let i = 0; i < 11; i++) made.push(await signIn(h));
      const rename = await h.request(`/api/admin/users/${made[3]!.user.id}/`, {
        ...patch({ name: "Шахзода_50%" }),
        ...bearer(admin.access, { "content-type": "application/json" }),
      });
      expect(rename.status).toBe(200);

      const page1 = await h.request("/api/admin/users/", bearer(admin.access));
      expect(page1.status).toBe(200);
      const p1 = (await page1.json()) as { count: number; next: string | null; previous: string | null; results: { id: number }[] };
      expect(p1.results).toHaveLength(10);
      expect(p1.results[0]!.id).toBe(made[10]!.user.id);
      expect(p1.previous).toBeNull();
      expect(p1.next).toBe("/api/admin/users/?page=2");
      expect(p1.count).toBeGreaterThanOrEqual(12);

      const p2 = (await (await h.request("/api/admin/users/?page=2", bearer(admin.access))).json()) as { previous: string | null };
      expect(p2.previous).toBe("/api/admin/users/");

      const byName = (await (
        await h.request(`/api/admin/users/?search=${encodeURIComponent("шахзода_50%")}`, bearer(admin.access))
      ).json()) as {
        count: number;
        results: { id: number }[];
      };
      expect(byName).toMatchObject({ count: 1, results: [{ id: made[3]!.user.id }] });
      const byPhone = (await (await h.request(`/api/admin/users/?search=${made[5]!.phone.slice(-7)}`, bearer(admin.access))).json()) as {
        results: { id: number }[];
      };
      expect(byPhone.results.map((u) => u.id)).toEqual([made[5]!.user.id]);
    });

    it("verifies, deactivates, reactivates, promotes and demotes", async () => {
      const admin = await signInAdmin(h);
      const u = await signIn(h);
      const send = (body: unknown) =>
        h.request(`/api/admin/users/${u.user.id}`, { ...patch(body), ...bearer(admin.access, { "content-type": "application/json" }) });
      expect(await (await send({ is_admin: true })).json()).toMatchObject({ is_admin: true });
      expect(await (await send({ is_admin: false, is_verified: false })).json()).toMatchObject({ is_admin: false, is_verified: false });
      expect(await (await send({ is_active: false })).json()).toMatchObject({ is_active: false });
      expect((await h.request("/api/auth/me/", bearer(u.access))).status).toBe(401);
      expect(await (await send({ is_active: true })).json()).toMatchObject({ is_active: true });
      expect((await h.request("/api/auth/me/", bearer(u.access))).status).toBe(200);
    });
  });
});
