// Refresh-token rotation under retries, races and outages: a refresh whose answer was lost, or two
// tabs refreshing at once, must not sign the user out; a spent token presented after the 30-second
// grace window still ends the sign-in (auth.logout.test.ts covers signing out itself).
import { openTestPostgres } from "@venue-booking/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TokensSchema } from "@venue-booking/contract";
import type { Tokens } from "@venue-booking/contract";
import { MemoryStore } from "../src/infra/kv.ts";
import type { KeyValueStore } from "../src/infra/kv.ts";
import { HttpError } from "../src/lib/errors.ts";
import { TokenService } from "../src/services/tokens.ts";
import { startHarness, testBackends, testRedisState, TEST_JWT_SECRET } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { bearer, json, problem, signIn } from "./helpers.ts";
import { startTcpProxy } from "./tcp-proxy.ts";
import type { TcpProxy } from "./tcp-proxy.ts";

const GRACE_MS = 30_000;

/**
 * The store, except that once armed, the next spend of a refresh token (whichever call does it) runs
 * and then fails as a Redis command timing out does: the write happened, the answer never came.
 */
function losingNextAnswer(kv: KeyValueStore): { kv: KeyValueStore; arm(): void } {
  let armed = false;
  const lose = async <T>(call: () => Promise<T>, spendsRefresh: boolean): Promise<T> => {
    const result = await call();
    if (armed && spendsRefresh) {
      armed = false;
      throw new HttpError("SERVICE_UNAVAILABLE", { seconds: 5 }, { cause: new Error("Command timed out") });
    }
    return result;
  };
  const wrapped = Object.create(kv) as Record<string, unknown>;
  wrapped.del = (key: string) => lose(() => kv.del(key), key.startsWith("refresh:"));
  wrapped.rotate = (r: Parameters<KeyValueStore["rotate"]>[0]) => lose(() => kv.rotate(r), r.key.startsWith("refresh:"));
  return {
    kv: wrapped as unknown as KeyValueStore,
    arm: () => {
      armed = true;
    },
  };
}

describe.each(testBackends())("refreshing on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
  });
  afterAll(async () => h.close());
  afterEach(() => h.setNow(undefined));

  const refresh = (token: string) => h.request("/api/auth/refresh/", json({ refresh: token }));
  const pairOf = async (res: Response): Promise<Tokens> => {
    expect(res.status).toBe(200);
    return TokensSchema.parse(await res.json());
  };
  const later = (ms: number) => h.setNow(new Date(Date.now() + ms));

  it("a refresh whose answer was lost after the spend is answered by its retry, with the same pair, and the sign-in goes on", async () => {
    const s = await signIn(h);
    const tokens = h.deps.tokens;
    const flaky = losingNextAnswer(h.deps.kv);
    h.deps.tokens = new TokenService(TEST_JWT_SECRET, flaky.kv, () => h.deps.clock());
    try {
      flaky.arm();
      const lost = await refresh(s.refresh);
      expect(lost.status).toBe(503);
      expect(lost.headers.get("retry-after")).toBe("5");
      expect((await problem(lost)).code).toBe("SERVICE_UNAVAILABLE");

      later(GRACE_MS - 5_000);
      const retried = await pairOf(await refresh(s.refresh));
      // What the lost answer carried: asking again (still within the window) gives the same bytes.
      expect(await pairOf(await refresh(s.refresh))).toEqual(retried);
      expect((await h.request("/api/auth/me/", bearer(retried.access))).status).toBe(200);
      const next = await pairOf(await refresh(retried.refresh));
      expect((await refresh(next.refresh)).status).toBe(200);
    } finally {
      h.deps.tokens = tokens;
    }
  });

  it("racing refreshes with one token (two tabs) all get the same pair, which refreshes once more", async () => {
    const s = await signIn(h);
    const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(s.refresh)));
    const pairs = await Promise.all(answers.map(pairOf));
    for (const pair of pairs) expect(pair).toEqual(pairs[0]);
    expect(pairs[0]!.refresh).not.toBe(s.refresh);
    expect((await refresh(pairs[0]!.refresh)).status).toBe(200);
  });

  it("a spent token presented again after the grace window ends the sign-in: the newest token stops too", async () => {
    const s = await signIn(h);
    const owner = await pairOf(await refresh(s.refresh));
    later(GRACE_MS + 1_000);
    const reused = await refresh(s.refresh);
    expect(reused.status).toBe(401);
    expect((await problem(reused)).code).toBe("UNAUTHORIZED");
    h.setNow(undefined);
    expect((await refresh(owner.refresh)).status).toBe(401);
  });

  it("within the window, a token whose successor was spent too is refused, without ending the sign-in", async () => {
    const s = await signIn(h);
    const second = await pairOf(await refresh(s.refresh));
    const third = await pairOf(await refresh(second.refresh));
    expect((await refresh(s.refresh)).status).toBe(401);
    expect((await refresh(second.refresh)).status).toBe(200);
    expect((await refresh(third.refresh)).status).toBe(200);
  });

  it("signing out within the window leaves the spent token nothing to get", async () => {
    const s = await signIn(h);
    const second = await pairOf(await refresh(s.refresh));
    expect((await h.request("/api/auth/logout/", json({ refresh: second.refresh }))).status).toBe(204);
    expect((await refresh(s.refresh)).status).toBe(401);
    expect((await refresh(second.refresh)).status).toBe(401);
  });
});

const { DATABASE_URL, REDIS_URL } = process.env;
const withPostgres = DATABASE_URL && REDIS_URL ? [{ name: "PostgreSQL behind a breakable proxy + Redis", DATABASE_URL, REDIS_URL }] : [];

describe.each(withPostgres)("refreshing on $name", (env) => {
  let proxy: TcpProxy;
  let h: Harness;
  beforeAll(async () => {
    const target = new URL(env.DATABASE_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    h = startHarness(await openTestPostgres(proxy.url(env.DATABASE_URL), 4), testRedisState(env.REDIS_URL));
  });
  afterAll(async () => {
    await proxy.heal();
    await h.close();
    await proxy.close();
  });

  it("a database down during a refresh leaves the refresh token unspent: it works once the database is back", async () => {
    const s = await signIn(h);
    await proxy.refuse();
    const failed = await h.request("/api/auth/refresh/", json({ refresh: s.refresh }));
    expect(failed.status).toBe(503);
    await proxy.heal();
    // Past the grace window: the first attempt must not have spent the token at all.
    h.setNow(new Date(Date.now() + GRACE_MS + 1_000));
    const res = await h.request("/api/auth/refresh/", json({ refresh: s.refresh }));
    h.setNow(undefined);
    expect(res.status).toBe(200);
    const pair = TokensSchema.parse(await res.json());
    expect((await h.request("/api/auth/refresh/", json({ refresh: pair.refresh }))).status).toBe(200);
  });
});

describe("access tokens checked once", () => {
  afterEach(() => vi.useRealTimers());

  it("a token whose signature was checked before is still refused once it expires, and a forged one never passes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-21T05:00:00Z"));
    const tokens = new TokenService(TEST_JWT_SECRET, new MemoryStore());
    const { access } = await tokens.issue(7);
    expect((await tokens.verify(access, "access")).userId).toBe(7);
    // the second use is the remembered check
    expect((await tokens.verify(access, "access")).userId).toBe(7);
    await expect(tokens.verify(access, "refresh")).rejects.toBeInstanceOf(HttpError);
    const [head, body] = access.split(".");
    await expect(tokens.verify(`${head}.${body}.${"A".repeat(43)}`, "access")).rejects.toBeInstanceOf(HttpError);
    vi.setSystemTime(new Date("2026-11-21T05:15:01Z"));
    await expect(tokens.verify(access, "access")).rejects.toBeInstanceOf(HttpError);
  });
});
