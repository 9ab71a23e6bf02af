import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, signIn } from "./helpers.ts";

describe.each(testBackends())("smoke on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
  });
  afterAll(async () => h.close());

  it("signs in and reads /me", async () => {
    const s = await signIn(h);
    const res = await h.request("/api/auth/me/", bearer(s.access));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ phone: s.phone });
  });
});
