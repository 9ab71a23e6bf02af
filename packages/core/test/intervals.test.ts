import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Interval } from "../src/intervals.ts";
import { duration, mergeIntervals, overlaps, overlapsAny } from "../src/intervals.ts";

const iv = (start: number, end: number): Interval => ({ start, end });
const interval = fc
  .tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 1, max: 600 }))
  .map(([start, len]) => iv(start, Math.min(1440 + 600, start + len)));

describe("half-open intervals", () => {
  it("touching intervals do not overlap", () => {
    expect(overlaps(iv(600, 720), iv(720, 780))).toBe(false);
    expect(overlaps(iv(720, 780), iv(600, 720))).toBe(false);
  });

  it("sharing one minute is an overlap; containment too", () => {
    expect(overlaps(iv(600, 721), iv(720, 780))).toBe(true);
    expect(overlaps(iv(600, 900), iv(700, 720))).toBe(true);
    expect(overlaps(iv(600, 660), iv(600, 660))).toBe(true);
    expect(overlapsAny(iv(600, 660), [iv(0, 600), iv(660, 700)])).toBe(false);
    expect(overlapsAny(iv(600, 661), [iv(0, 600), iv(660, 700)])).toBe(true);
  });

  it("merges touching and overlapping intervals and drops empty ones", () => {
    expect(mergeIntervals([iv(720, 780), iv(540, 600), iv(600, 660), iv(900, 900), iv(650, 700)])).toEqual([iv(540, 700), iv(720, 780)]);
    expect(mergeIntervals([])).toEqual([]);
    expect(duration(iv(540, 600))).toBe(60);
  });

  it("overlap is symmetric and equals sharing a minute (property)", () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        let shared = false;
        for (let m = a.start; m < a.end && !shared; m++) shared = m >= b.start && m < b.end;
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });

  it("any set accepted one by one never holds an overlapping pair (property)", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 40 }), (requests) => {
        const accepted: Interval[] = [];
        for (const r of requests) if (!overlapsAny(r, accepted)) accepted.push(r);
        for (let i = 0; i < accepted.length; i++) {
          for (let j = i + 1; j < accepted.length; j++) expect(overlaps(accepted[i]!, accepted[j]!)).toBe(false);
        }
        // and the merge covers exactly the accepted minutes
        const total = accepted.reduce((s, a) => s + duration(a), 0);
        expect(mergeIntervals(accepted).reduce((s, a) => s + duration(a), 0)).toBe(total);
      }),
    );
  });

  it("merged intervals are sorted, disjoint and not touching (property)", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (xs) => {
        const merged = mergeIntervals(xs);
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end);
        for (const x of xs) expect(merged.some((m) => m.start <= x.start && x.end <= m.end)).toBe(true);
      }),
    );
  });
});
