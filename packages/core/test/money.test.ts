import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../src/errors.ts";
import { addMoney, compareMoney, fromMinor, isMoney, normalizeMoney, parsePrice, price, toMinor } from "../src/money.ts";

describe("money", () => {
  it("prices exactly, with no binary-float drift", () => {
    expect(price("99.99", 180)).toBe("299.97");
    expect(price("150000.00", 60)).toBe("150000.00");
    expect(price("150000", 90)).toBe("225000.00");
    expect(price("0.10", 180)).toBe("0.30");
    expect(price("9999999999.99", 60)).toBe("9999999999.99");
  });

  it("rounds half up to the hundredth", () => {
    // 0.01 for 30 minutes is 0.005 -> 0.01; 0.01 for 29 minutes is 0.00483 -> 0.00
    expect(price("0.01", 30)).toBe("0.01");
    expect(price("0.01", 29)).toBe("0.00");
    expect(price("100.01", 90)).toBe("150.02"); // 150.015
    expect(price("100.01", 0)).toBe("0.00");
  });

  it("refuses a negative or fractional duration", () => {
    expect(() => price("10.00", -60)).toThrow(RangeError);
    expect(() => price("10.00", 1.5)).toThrow(RangeError);
  });

  it("parses and formats amounts", () => {
    expect(toMinor("150000")).toBe(15_000_000n);
    expect(toMinor("1.5")).toBe(150n);
    expect(fromMinor(5n)).toBe("0.05");
    expect(fromMinor(-150n)).toBe("-1.50");
    expect(normalizeMoney("99.9")).toBe("99.90");
    expect(isMoney("1.234")).toBe(false);
    expect(isMoney("12")).toBe(true);
  });

  it.each(["", "-1", "1.234", "1e5", "abc", " 1", "1,00", "12345678901", "0x10", "١٢"])("rejects %j as INVALID_MONEY", (bad) => {
    let caught: unknown;
    try {
      toMinor(bad, "price_per_hour");
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught, "INVALID_MONEY")).toBe(true);
    expect((caught as { field?: string }).field).toBe("price_per_hour");
  });

  it("accepts only prices above zero", () => {
    expect(parsePrice("0.01")).toBe("0.01");
    expect(() => parsePrice("0.00")).toThrow(expect.objectContaining({ code: "INVALID_PRICE" }));
    expect(() => parsePrice("0", "price")).toThrow(expect.objectContaining({ code: "INVALID_PRICE", field: "price" }));
  });

  it("adds and compares", () => {
    expect(addMoney("0.10", "0.20")).toBe("0.30");
    expect(addMoney()).toBe("0.00");
    expect(compareMoney("10.00", "9.99")).toBe(1);
    expect(compareMoney("9.99", "10")).toBe(-1);
    expect(compareMoney("10", "10.00")).toBe(0);
  });

  it("is additive over consecutive whole hours (property)", () => {
    const amount = fc.bigInt({ min: 1n, max: 99_999_999_99n }).map(fromMinor);
    fc.assert(
      fc.property(amount, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), (hourly, hours) => {
        const whole = price(hourly, hours.reduce((a, b) => a + b, 0) * 60);
        const parts = addMoney(...hours.map((h) => price(hourly, h * 60)));
        expect(whole).toBe(parts);
      }),
    );
  });

  it("round-trips any amount (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_99n }), (minor) => {
        expect(toMinor(fromMinor(minor))).toBe(minor);
      }),
    );
  });
});
