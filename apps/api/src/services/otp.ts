// One-time codes for phone sign-in: 6 digits from a CSPRNG, kept only as an HMAC in the store for
// 5 minutes, single use, burned after 5 wrong guesses (compared and counted in one atomic step of
// the store, so parallel guesses get no more than 5 comparisons), and at most 3 sends per phone
// per 10 minutes (an atomic counter, so replicas share it).
import { createHmac, randomInt } from "node:crypto";
import { DomainError } from "@venue-booking/core";
import { HttpError } from "../lib/errors.ts";
import type { KeyValueStore } from "../infra/kv.ts";
import type { SmsSender } from "../infra/sms.ts";

export const OTP_TTL_SECONDS = 300;
const OTP_MAX_ATTEMPTS = 5;
const OTP_SENDS_PER_WINDOW = 3;
const OTP_SEND_WINDOW_SECONDS = 600;

export class OtpService {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly sms: SmsSender,
    private readonly secret: string,
  ) {}

  #hash(phone: string, code: string): string {
    return createHmac("sha256", this.secret).update(`${phone}:${code}`).digest("hex");
  }

  /** Sends a new code (replacing any earlier one); RATE_LIMITED with retry seconds past the limit. */
  async send(phone: string): Promise<void> {
    const { count, ttlMs } = await this.kv.incr(`otp:sends:${phone}`, OTP_SEND_WINDOW_SECONDS * 1000);
    if (count > OTP_SENDS_PER_WINDOW) {
      throw new HttpError("RATE_LIMITED", { seconds: Math.max(1, Math.ceil(ttlMs / 1000)) });
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await this.kv.putSecret(`otp:secret:${phone}`, this.#hash(phone, code), OTP_TTL_SECONDS * 1000);
    await this.sms.send(phone, `venue-booking code: ${code} (valid ${OTP_TTL_SECONDS / 60} min)`);
  }

  /**
   * Puts back a code that was consumed by a sign-in that then failed (the database or the store did
   * not answer), so the player can try the same code again instead of asking for a new one.
   */
  async restore(phone: string, code: string): Promise<void> {
    await this.kv.putSecret(`otp:secret:${phone}`, this.#hash(phone, code), OTP_TTL_SECONDS * 1000);
  }

  /** Consumes the code if it is right; otherwise counts a wrong guess, the 5th of which burns the code. */
  async verify(phone: string, code: string): Promise<void> {
    const result = await this.kv.guessSecret(`otp:secret:${phone}`, this.#hash(phone, code), OTP_MAX_ATTEMPTS);
    if (result === "match") return;
    if (result === "burned") throw new DomainError("OTP_TOO_MANY_ATTEMPTS", { field: "code" });
    throw new DomainError("OTP_INVALID", { field: "code" });
  }
}
