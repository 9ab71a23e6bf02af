import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, json, newPhone, patch, problem, signIn, signInAdmin } from "./helpers.ts";

describe.each(testBackends())("auth, error paths, on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
  });
  afterAll(async () => h.close());

  it.each([["998901234567"], ["+99890123456"], ["+998 90 123 45 67"], ["+7 900 000 00 00"], ["+998９01234567"], [12345], [null]])(
    "send-otp refuses phone %j with a field error in the caller's language",
    async (phone) => {
      const res = await h.request("/api/auth/send-otp/", json({ phone }, { "accept-language": "en-US,en;q=0.9" }));
      expect(res.status).toBe(400);
      expect(res.headers.get("content-language")).toBe("en");
      const p = await problem(res);
      expect(p).toMatchObject({ status: 400, code: "VALIDATION_FAILED", title: "Bad Request", detail: "The request is not valid." });
      expect(p.errors?.[0]?.field).toBe("phone");
    },
  );

  it("speaks Russian by default and Uzbek when asked", async () => {
    const ru = await problem(await h.request("/api/auth/send-otp/", json({ phone: "1" })));
    expect(ru.detail).toBe("Запрос содержит ошибки.");
    expect(ru.errors?.[0]?.message).toBe("Неверный номер телефона: ожидается +998 и 9 цифр.");
    const uz = await problem(await h.request("/api/auth/send-otp/", json({ phone: "1" }, { "accept-language": "fr, uz;q=0.5" })));
    expect(uz.errors?.[0]?.message).toMatch(/Telefon raqami noto'g'ri/);
  });

  it("a missing field is named; zod's own messages are translated too", async () => {
    const res = await h.request("/api/auth/verify-otp/", json({ phone: newPhone() }, { "accept-language": "ru" }));
    const p = await problem(res);
    expect(p.errors).toEqual([{ field: "code", message: expect.stringMatching(/Неверный ввод|ожидалось/i) }]);
  });

  it("bad JSON, a non-JSON body and an empty body are 400, never 500", async () => {
    const bad = await h.request("/api/auth/send-otp/", { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" });
    expect(bad.status).toBe(400);
    expect((await problem(bad)).code).toBe("MALFORMED_JSON");
    const text = await h.request("/api/auth/send-otp/", { method: "POST", headers: { "content-type": "text/plain" }, body: "phone" });
    expect(text.status).toBe(400);
    await problem(text);
    const empty = await h.request("/api/auth/send-otp/", { method: "POST" });
    expect(empty.status).toBe(400);
    const array = await h.request("/api/auth/send-otp/", json([1, 2]));
    expect(array.status).toBe(400);
  });

  it("a 2 MB body is 413", async () => {
    const res = await h.request("/api/auth/send-otp/", json({ phone: "+998901234567", pad: "x".repeat(2 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect((await problem(res)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a wrong code, a code for another phone, and a phone that asked for none are 400", async () => {
    const phone = newPhone();
    await h.request("/api/auth/send-otp/", json({ phone }));
    const code = h.sms.lastCode(phone)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const p = await problem(await h.request("/api/auth/verify-otp/", json({ phone, code: wrong })));
    expect(p).toMatchObject({ status: 400, code: "OTP_INVALID", errors: [{ field: "code" }] });
    expect((await problem(await h.request("/api/auth/verify-otp/", json({ phone: newPhone(), code })))).code).toBe("OTP_INVALID");
    expect((await h.request("/api/auth/verify-otp/", json({ phone, code: "12345" }))).status).toBe(400);
    expect((await h.request("/api/auth/verify-otp/", json({ phone, code }))).status).toBe(200);
  });

  it("a right code whose sign-in failed on the database stays usable", async () => {
    const phone = newPhone();
    await h.request("/api/auth/send-otp/", json({ phone }));
    const code = h.sms.lastCode(phone)!;
    const { users } = h.deps.repos;
    const signInUser = users.signIn;
    // The database refuses once, as a restarting server would.
    users.signIn = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    try {
      const failed = await h.request("/api/auth/verify-otp/", json({ phone, code }));
      expect(failed.status).toBe(503);
    } finally {
      users.signIn = signInUser;
    }
    const retry = await h.request("/api/auth/verify-otp/", json({ phone, code }));
    expect(retry.status).toBe(200);
  });

  it("a wrong-type value is named with its type in the message", async () => {
    const res = await h.request("/api/auth/send-otp/", json({ phone: 12345 }, { "accept-language": "en" }));
    expect((await problem(res)).errors).toEqual([{ field: "phone", message: "Invalid input: expected string, received number" }]);
  });

  it("a malformed, missing or unknown refresh token is 401 or 400", async () => {
    expect((await problem(await h.request("/api/auth/refresh/", json({ refresh: "abc" })))).code).toBe("UNAUTHORIZED");
    expect((await h.request("/api/auth/refresh/", json({}))).status).toBe(400);
  });

  it("/me without, with a malformed, or with a garbage token is 401", async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: "Token abc" },
      { authorization: "Bearer" },
      { authorization: "Bearer a.b.c" },
    ]) {
      const res = await h.request("/api/auth/me/", { headers });
      expect(res.status).toBe(401);
      expect((await problem(res)).code).toBe("UNAUTHORIZED");
    }
  });

  it("PATCH /me refuses an empty or too long name", async () => {
    const s = await signIn(h);
    for (const name of ["", "   ", "x".repeat(101), 5]) {
      const res = await h.request("/api/auth/me/", { ...patch({ name }), ...bearer(s.access, { "content-type": "application/json" }) });
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.[0]?.field).toBe("name");
    }
  });

  it("admin routes: 401 without a token, 403 for a player, 404 for an unknown user, 400 for a bad id or page", async () => {
    const player = await signIn(h);
    const admin = await signInAdmin(h);
    expect((await h.request("/api/admin/users/")).status).toBe(401);
    const forbidden = await h.request("/api/admin/users/", bearer(player.access));
    expect(forbidden.status).toBe(403);
    expect((await problem(forbidden)).code).toBe("FORBIDDEN");
    const missing = await h.request("/api/admin/users/999999/", {
      ...patch({ is_active: true }),
      ...bearer(admin.access, { "content-type": "application/json" }),
    });
    expect(missing.status).toBe(404);
    expect((await problem(missing)).code).toBe("USER_NOT_FOUND");
    expect(
      (await h.request("/api/admin/users/abc/", { ...patch({}), ...bearer(admin.access, { "content-type": "application/json" }) })).status,
    ).toBe(400);
    expect((await h.request("/api/admin/users/?page=0", bearer(admin.access))).status).toBe(400);
    expect((await h.request("/api/admin/users/?page=x", bearer(admin.access))).status).toBe(400);
    const past = await h.request("/api/admin/users/?page=9999", bearer(admin.access));
    expect(past.status).toBe(404);
    expect((await problem(past)).code).toBe("PAGE_NOT_FOUND");
    const unknownField = await h.request(`/api/admin/users/${player.user.id}/`, {
      ...patch({ phone: "+998000000000" }),
      ...bearer(admin.access, { "content-type": "application/json" }),
    });
    expect(unknownField.status).toBe(400);
    expect((await problem(unknownField)).errors).toEqual([{ field: "phone", message: expect.any(String) }]);
  });

  it("unknown paths are a 404 problem", async () => {
    const res = await h.request("/api/nope/", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(404);
    expect(await problem(res)).toMatchObject({ code: "NOT_FOUND", detail: "Not found." });
  });
});
