// Every answer of the API is parsed with the contract's schema: a drifting API makes the command
// fail with a line naming the field, instead of printing `undefined`. No server here: a fake fetch.
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.ts";
import { runInProcess } from "./in-process.ts";

const venue = {
  id: 1,
  slug: "field-1",
  price_per_hour: "150000.00",
  images: [],
  opening_time: "09:00",
  closing_time: "22:00",
  is_active: true,
  weekly_hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opening_time: "09:00", closing_time: "22:00" })),
  slot_minutes: 60,
  min_duration_minutes: 60,
  max_duration_minutes: null,
  price_rules: [],
  policy: {
    min_notice_minutes: 0,
    horizon_days: 60,
    cancel_until_minutes: 120,
    hold_minutes: 30,
    max_live_bookings_per_user: 5,
    defaults: ["min_notice_minutes", "horizon_days", "cancel_until_minutes", "hold_minutes", "max_live_bookings_per_user"],
  },
  created_at: "2026-11-21T10:00:00.000Z",
  updated_at: "2026-11-21T10:00:00.000Z",
  name: { ru: "Поле", en: "Field" },
  address: { ru: "ул. 1" },
  description: { ru: "" },
  amenities: [],
  units: [{ id: 1, kind: null, capacity: 1, price_per_hour: null, contains: [], sort_order: 0, name: { ru: "Поле" }, is_active: true }],
};

const runAgainst = (argv: string[], status: number, body: string, contentType?: string) =>
  runInProcess(argv, { status, body, ...(contentType ? { contentType } : {}) });

describe("answers of the API", () => {
  it("prints a venue that matches the contract", async () => {
    const r = await runAgainst(["venues", "show", "1", "--json"], 200, JSON.stringify(venue));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.OK);
    expect(JSON.parse(r.stdout)).toEqual(venue);
  });

  it("fails loudly, naming the field, when a venue comes without updated_at", async () => {
    const { updated_at: _, ...drifted } = venue;
    for (const argv of [
      ["venues", "show", "1"],
      ["venues", "show", "1", "--json"],
    ]) {
      const r = await runAgainst(argv, 200, JSON.stringify(drifted));
      expect(r.code, argv.join(" ")).toBe(EXIT.FAILURE);
      expect(r.stdout, argv.join(" ")).toBe("");
      expect(r.stderr, argv.join(" ")).toMatch(
        /^error: unexpected answer from http:\/\/api\.test\/api\/venues\/1\/\?translations=all: updated_at: .+\n$/,
      );
    }
  });

  it("fails loudly on a wrongly typed field deep in a page", async () => {
    const page = {
      count: 1,
      next: null,
      previous: null,
      results: [{ ...venue, name: "Поле", address: "ул. 1", description: "", amenities: [], is_active: "yes" }],
    };
    const r = await runAgainst(["venues", "list"], 200, JSON.stringify(page));
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toMatch(/^error: unexpected answer from http:\/\/api\.test\/api\/venues\/: results\.0\.is_active: .+\n$/);
  });

  it("shows a problem+json error by its detail and code", async () => {
    const problem = {
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: "Venue not found.",
      code: "VENUE_NOT_FOUND",
      request_id: "r-1",
    };
    const r = await runAgainst(["venues", "show", "1"], 404, JSON.stringify(problem), "application/problem+json");
    expect(r.code).toBe(EXIT.FAILURE);
    expect(r.stderr).toBe("error: Venue not found. [VENUE_NOT_FOUND]\n");
  });

  it("falls back to the HTTP status when an error body is not a problem", async () => {
    const html = await runAgainst(["venues", "show", "1"], 502, "<html>Bad Gateway</html>", "text/html");
    expect(html.code).toBe(EXIT.FAILURE);
    expect(html.stderr).toBe("error: HTTP 502\n");
    const other = await runAgainst(["venues", "show", "1"], 500, JSON.stringify({ message: "boom" }));
    expect(other.stderr).toBe("error: HTTP 500\n");
  });
});
