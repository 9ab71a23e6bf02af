// "5 wrong guesses burn a code" must hold however many guesses arrive at once: each guess is
// compared and counted in one atomic step, so no code is ever compared more than 5 times.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../src/testing.ts";
import { testBackends } from "../src/testing.ts";
import { json, newPhone, problem } from "./helpers.ts";

const TRIALS = 5;
const GUESSES = 20;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** 19 distinct wrong codes in random order, and the right one at a random place after the 5th. */
function guesses(code: string): { codes: string[]; rightAt: number } {
  const wrong = new Set<string>();
  while (wrong.size < GUESSES - 1) {
    const w = String(randomInt(0, 1_000_000)).padStart(6, "0");
    if (w !== code) wrong.add(w);
  }
  const codes = shuffle([...wrong]);
  const rightAt = randomInt(5, GUESSES);
  codes.splice(rightAt, 0, code);
  return { codes, rightAt };
}

describe.each(testBackends())("parallel code guesses on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await backend.start();
  });
  afterAll(async () => {
    await h.close();
  });

  it("20 guesses at once, the right one after 5 wrong ones: no sign-in, the code is burned", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const phone = newPhone();
      expect((await h.request("/api/auth/send-otp/", json({ phone }))).status).toBe(200);
      const code = h.sms.lastCode(phone)!;
      const { codes, rightAt } = guesses(code);

      const answers = await Promise.all(codes.map((c) => h.request("/api/auth/verify-otp/", json({ phone, code: c }))));

      expect(
        answers.map((r) => r.status),
        `trial ${trial}, right code at ${rightAt}`,
      ).toEqual(Array(GUESSES).fill(400));
      const errors = await Promise.all(answers.map(async (r) => (await problem(r)).code));
      // The 5th comparison burned the code; every other guess was wrong or found no code.
      expect(errors.filter((e) => e === "OTP_TOO_MANY_ATTEMPTS")).toHaveLength(1);
      expect(errors.filter((e) => e === "OTP_INVALID")).toHaveLength(GUESSES - 1);
      expect((await h.request("/api/auth/verify-otp/", json({ phone, code }))).status).toBe(400);
    }
  });

  it("at most 5 comparisons per code, whatever the concurrency", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const key = `otp-race:${newPhone()}`;
      await h.deps.kv.putSecret(key, "right", 60_000);
      const order = shuffle([...Array<string>(GUESSES - 1).fill("wrong"), "right"]);

      const results = await Promise.all(order.map((guess) => h.deps.kv.guessSecret(key, guess, 5)));

      const compared = results.filter((r) => r !== "absent");
      expect(compared.length).toBe(order.indexOf("right") < 5 ? order.indexOf("right") + 1 : 5);
      expect(results.filter((r) => r === "match").length + results.filter((r) => r === "burned").length).toBe(1);
      expect(await h.deps.kv.guessSecret(key, "right", 5)).toBe("absent");
    }
  });
});
