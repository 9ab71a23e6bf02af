// Swagger UI in a real headless Chromium, against a real server on a loopback port, offline.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("Swagger UI in a browser", () => {
  let h: Harness;
  let server: ReturnType<typeof serve> | undefined;
  let base: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    h = await testBackends()[0]!.start();
    const listening = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    server = listening;
    base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    // When start-up failed half-way there is no server to wait for.
    if (server) await new Promise((r) => server?.close(r));
    await h?.close();
  });

  it("shows the endpoints and runs 'Try it out' against the live API with no internet", async () => {
    if (!browser) throw new Error("the browser did not start");
    const page = await browser.newPage();
    const foreign: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    await page.goto(`${base}/docs`);
    const sendOtp = page.locator(".opblock-post").filter({ has: page.locator('.opblock-summary-path[data-path="/api/auth/send-otp/"]') });
    await sendOtp.waitFor({ timeout: 20_000 });
    expect(await page.locator(".opblock").count()).toBeGreaterThanOrEqual(7);
    await expect.poll(() => page.locator(".opblock-summary-path").allTextContents()).toContain("/api/auth/me/");

    await sendOtp.locator(".opblock-summary").click();
    await sendOtp.locator("button.try-out__btn").click();
    await sendOtp.locator("textarea.body-param__text").fill(JSON.stringify({ phone: "+998901112233" }));
    await sendOtp.locator("button.execute").click();
    const status = sendOtp.locator(".live-responses-table tbody .response-col_status").first();
    await status.waitFor({ timeout: 20_000 });
    expect((await status.textContent())?.trim()).toBe("200");
    expect(await sendOtp.locator(".live-responses-table .microlight").first().textContent()).toContain('"expires_in": 300');
    expect(h.sms.lastCode("+998901112233")).toMatch(/^\d{6}$/);
    expect(foreign).toEqual([]);
  });
});
