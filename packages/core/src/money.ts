// Exact money: decimal strings at the edges, integer tiyin (hundredths) as bigint inside.
import { DomainError } from "./errors.ts";

/** A decimal amount with two places, like "150000.00". */
export type Money = string;

// numeric(12,2) in the database: at most 10 digits before the point.
const MONEY = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/** Parses "150000", "150000.5" or "150000.50" into hundredths; anything else is INVALID_MONEY. */
export function toMinor(value: string, field?: string): bigint {
  const m = MONEY.exec(value);
  if (!m) throw new DomainError("INVALID_MONEY", field === undefined ? {} : { field });
  const [, whole = "0", frac = ""] = m;
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"));
}

export function fromMinor(minor: bigint): Money {
  const sign = minor < 0n ? "-" : "";
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Normalises a valid amount to two places: "99.9" -> "99.90". */
export function normalizeMoney(value: string, field?: string): Money {
  return fromMinor(toMinor(value, field));
}

/** A price per hour: a valid amount greater than zero. */
export function parsePrice(value: string, field?: string): Money {
  const minor = toMinor(value, field);
  if (minor <= 0n) throw new DomainError("INVALID_PRICE", field === undefined ? {} : { field });
  return fromMinor(minor);
}

export function isMoney(value: string): boolean {
  return MONEY.test(value);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const d = toMinor(a) - toMinor(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function addMoney(...amounts: Money[]): Money {
  return fromMinor(amounts.reduce((sum, a) => sum + toMinor(a), 0n));
}

/** `amount` times a whole number, exactly: places at a price per place. */
export function multiplyMoney(amount: Money, times: number): Money {
  if (!Number.isSafeInteger(times) || times < 0) throw new RangeError(`times must be a non-negative integer, got ${times}`);
  return fromMinor(toMinor(amount) * BigInt(times));
}

/**
 * The price of `durationMinutes` at `hourly` per hour for `places` places (one unless a pool's),
 * rounded half-up to the hundredth.
 */
export function price(hourly: Money, durationMinutes: number, places = 1): Money {
  return fromMinor(priceMinor(hourly, durationMinutes, places));
}

/** price() in hundredths: sums of prices stay exact at any size (the storable bound is checked once, on the total). */
export function priceMinor(hourly: Money, durationMinutes: number, places = 1): bigint {
  if (!Number.isSafeInteger(durationMinutes) || durationMinutes < 0) {
    throw new RangeError(`durationMinutes must be a non-negative integer, got ${durationMinutes}`);
  }
  if (!Number.isSafeInteger(places) || places < 1) throw new RangeError(`places must be a positive integer, got ${places}`);
  const numerator = toMinor(hourly) * BigInt(durationMinutes) * BigInt(places);
  return (numerator + 30n) / 60n;
}
