// The session: which credential a request goes with, what a refused one says, public reads without
// one, and one refresh at a time across commands sharing the stored sign-in.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserSchema } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whoamiAction } from "../src/commands/auth/whoami.ts";
import { listVenuesAction } from "../src/commands/venues/list.ts";
import { CredentialStore } from "../src/credentials.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const CLI_DIR = fileURLToPath(new URL("..", import.meta.url));
const EXPIRED = "expired.access.token";

/**
 * A pass-through to the API that holds its answers to requests made with the expired access token
 * until `n` of them are ready, so that every client learns of the expiry (and wants a refresh) at
 * the same moment. It counts the refreshes that reach the API.
 */
async function barrierProxy(target: string, n: number): Promise<{ url: string; refreshes: () => number; close: () => Promise<void> }> {
  const held: (() => void)[] = [];
  let refreshes = 0;
  const server = createServer((req, res) => {
    if (req.url === "/api/auth/refresh/") refreshes++;
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && k !== "host" && k !== "connection"),
      ) as Record<string, string>;
      const answer = await fetch(`${target}${req.url ?? "/"}`, {
        method: req.method ?? "GET",
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const reply = () => {
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
        res.end(body);
      };
      if (req.headers.authorization !== `Bearer ${EXPIRED}`) return reply();
      held.push(reply);
      if (held.length === n) for (const release of held.splice(0)) release();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refreshes: () => refreshes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("the session", () => {
  let t: CliHarness;
  const dirs: string[] = [];
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await t.close();
  });

  /** A config directory holding a sign-in of a new admin whose access token has expired. */
  async function expiredSignIn(apiUrl = t.baseUrl): Promise<{ dir: string; phone: string; store: CredentialStore }> {
    const dir = mkdtempSync(join(tmpdir(), "venue-admin-session-"));
    dirs.push(dir);
    const phone = nextPhone();
    t.api.deps.config.adminPhones.push(phone);
    const { refresh } = await t.api.tokensFor(phone, { admin: true });
    const store = new CredentialStore(dir);
    store.write({ apiUrl, access: EXPIRED, refresh, phone });
    return { dir, phone, store };
  }

  const refreshWorks = async (refresh: string) =>
    (
      await t.api.request("/api/auth/refresh/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh }),
      })
    ).status === 200;

  it("reads public data past a sign-in that has ended, and says to sign in again", async () => {
    const { dir, phone, store } = await expiredSignIn();
    // the sign-in is ended on the API (as `logout` elsewhere, or reuse detection, would)
    await t.api.request("/api/auth/logout/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh: store.read()!.refresh }),
    });
    const { ctx, notes } = t.context({ token: null, env: { VENUE_ADMIN_CONFIG_DIR: dir } });
    const page = await perform(ctx, listVenuesAction(ctx, {}));
    expect(page.count).toBeGreaterThanOrEqual(0);
    expect(notes.join("")).toContain(
      `note: the sign-in of ${phone} at ${t.baseUrl} has ended (signed out or expired): run \`venue-admin login\``,
    );

    await expect(whoamiAction(ctx)).rejects.toThrow(
      new RegExp(`^the sign-in of \\${phone} at .* has ended .*: run \`venue-admin login\` \\(Sign in to continue.*\\[UNAUTHORIZED\\]\\)$`),
    );
    // an admin-only listing cannot fall back to what anyone sees
    await expect(listVenuesAction(ctx, { inactive: true })).rejects.toThrow(/has ended.*run `venue-admin login`/);
  });

  it("names VENUE_API_TOKEN when the API refuses it, and reads public data without it", async () => {
    const { ctx, notes } = t.context({ token: "not.a.token" });
    await expect(whoamiAction(ctx)).rejects.toThrow(/refused VENUE_API_TOKEN: set a current access token, or unset it/);
    await perform(ctx, listVenuesAction(ctx, {}));
    expect(notes[0]).toMatch(/^note: the API at .* refused VENUE_API_TOKEN.*; showing what anyone may see\n$/);
  });

  it("says when the stored sign-in is for another API", async () => {
    const { dir, store } = await expiredSignIn();
    store.write({ ...store.read()!, apiUrl: "http://elsewhere.test" });
    const { ctx } = t.context({ token: null, env: { VENUE_ADMIN_CONFIG_DIR: dir } });
    await expect(whoamiAction(ctx)).rejects.toThrow(
      `not signed in at ${t.baseUrl} (the stored sign-in is for http://elsewhere.test): run \`venue-admin login\` or set VENUE_API_TOKEN`,
    );
  });

  it("refreshes once for many clients at the same moment: all succeed and the sign-in survives", async () => {
    const proxy = await barrierProxy(t.baseUrl, 6);
    const { dir, phone, store } = await expiredSignIn(proxy.url);
    const env = { VENUE_ADMIN_CONFIG_DIR: dir, VENUE_API_URL: proxy.url };
    const clients = Array.from({ length: 6 }, () => t.context({ token: null, env }).ctx);
    const users = await Promise.all(clients.map((ctx) => perform(ctx, whoamiAction(ctx), true))).finally(proxy.close);
    expect(users.map((u) => u.phone)).toEqual(Array(6).fill(phone));
    expect(proxy.refreshes()).toBe(1);
    // a second spend of one refresh token would have ended the whole sign-in (reuse detection)
    expect(await refreshWorks(store.read()!.refresh)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".lock"))).toEqual([]);
  });

  it("takes over the lock of a command that was killed mid-refresh, and an earlier version's lock file", async () => {
    for (const leftBehind of ["lock", "old lock file"]) {
      const { dir, phone, store } = await expiredSignIn();
      const lock = `${store.file}.lock`;
      // left by a venue-admin on another machine sharing this directory, or killed: not kept fresh for a minute
      if (leftBehind === "lock") mkdirSync(lock);
      else writeFileSync(lock, "4242\nelsewhere\n");
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(lock, minuteAgo, minuteAgo);
      const { ctx } = t.context({ token: null, env: { VENUE_ADMIN_CONFIG_DIR: dir } });
      expect((await perform(ctx, whoamiAction(ctx), true)).phone).toBe(phone);
      expect(store.read()!.access).not.toBe(EXPIRED);
      expect(existsSync(lock)).toBe(false);
    }
  });

  it("refreshes once for several venue-admin processes at the same moment", async () => {
    const proxy = await barrierProxy(t.baseUrl, 3);
    const { dir, phone, store } = await expiredSignIn(proxy.url);
    const env = { ...process.env, ...t.env, VENUE_API_TOKEN: "", VENUE_ADMIN_CONFIG_DIR: dir, VENUE_API_URL: proxy.url };
    const runs = await Promise.all(
      Array.from(
        { length: 3 },
        () =>
          new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
            execFile(
              process.execPath,
              ["--import", "tsx", "src/main.ts", "whoami", "--json"],
              { cwd: CLI_DIR, env, timeout: 60_000 },
              (e, stdout, stderr) => resolve({ code: e ? (typeof e.code === "number" ? e.code : 1) : 0, stdout, stderr }),
            );
          }),
      ),
    ).finally(proxy.close);
    for (const r of runs) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(UserSchema.parse(JSON.parse(r.stdout)).phone).toBe(phone);
    }
    expect(proxy.refreshes()).toBe(1);
    expect(await refreshWorks(store.read()!.refresh)).toBe(true);
    expect(existsSync(`${store.file}.lock`)).toBe(false);
  }, 60_000);
});
