// Half-open intervals [start, end) of minutes: 10:00-12:00 and 12:00-13:00 do not overlap.
import type { Minutes } from "./calendar.ts";

export type Interval = { start: Minutes; end: Minutes };

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export function overlapsAny(a: Interval, others: readonly Interval[]): boolean {
  return others.some((b) => overlaps(a, b));
}

/** Sorted, non-overlapping, non-touching cover of the same minutes; empty intervals vanish. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) extendMerged(out, i);
  return out;
}

/**
 * Adds `i` to a cover built in order of start (as mergeIntervals builds it), joining it to the last
 * interval when they meet. For callers that produce intervals in order already (a day's slots).
 */
export function extendMerged(out: Interval[], i: Interval): void {
  const last = out[out.length - 1];
  if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
  else out.push({ start: i.start, end: i.end });
}

export function duration(i: Interval): Minutes {
  return i.end - i.start;
}
