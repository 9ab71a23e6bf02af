// venues, bookings and users lists: --all follows every page, --limit stops after n items, and
// --json keeps the one page shape whichever is given.
import { pageSchema, UserSchema, VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

const AnyPage = pageSchema(VenueSchema.pick({ id: true }).passthrough(), "AnyPage");

describe("lists longer than a page", () => {
  let t: CliHarness;
  const tag = `Страницы${Date.now()}`;
  beforeAll(async () => {
    t = await startCliHarness();
    const { ctx } = t.context();
    for (let i = 1; i <= 23; i++)
      await ctx.api.post("/api/venues/", { name: { ru: `${tag} ${i}` }, address: { ru: "ул. 7" }, price_per_hour: "1000" }, VenueSchema);
  });
  afterAll(async () => t.close());

  const json = async (argv: string[]) => {
    const r = await t.program([...argv, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return AnyPage.parse(JSON.parse(r.stdout));
  };

  it("venues list --all gives every match, once each, in the shape of a page", async () => {
    const page = await json(["venues", "list", "--search", tag, "--all"]);
    expect(page.count).toBe(23);
    expect(page.results).toHaveLength(23);
    expect(new Set(page.results.map((v) => v.id)).size).toBe(23);
    expect(page.next).toBeNull();
    expect(page.previous).toBeNull();
  });

  it("--limit takes as many pages as it needs, and no more items", async () => {
    const all = await json(["venues", "list", "--search", tag, "--all"]);
    const some = await json(["venues", "list", "--search", tag, "--limit", "15"]);
    expect(some.count).toBe(23);
    expect(some.results.map((v) => v.id)).toEqual(all.results.slice(0, 15).map((v) => v.id));
    const fromPage2 = await json(["venues", "list", "--search", tag, "--page", "2", "--limit", "3"]);
    expect(fromPage2.results.map((v) => v.id)).toEqual(all.results.slice(10, 13).map((v) => v.id));
    // without either flag: one page, with its links
    const one = await json(["venues", "list", "--search", tag]);
    expect(one.results).toHaveLength(10);
    expect(one.next).toMatch(/page=2/);
  });

  it("piped, --all prints every row", async () => {
    const r = await t.program(["venues", "list", "--search", tag, "--all"]);
    expect(r.stdout.split("\n").filter((l) => l.includes(tag))).toHaveLength(23);
  });

  it("refuses a bad --limit and --all with --page (exit code 2)", async () => {
    for (const argv of [
      ["venues", "list", "--limit", "0"],
      ["bookings", "list", "--limit", "x"],
      ["users", "list", "--all", "--page", "2"],
    ]) {
      const r = await t.program(argv);
      expect(r.code, argv.join(" ")).toBe(2);
    }
  });

  it("bookings list and users list follow pages too", async () => {
    const { ctx } = t.context();
    const venueId = (
      await ctx.api.post("/api/venues/", { name: { ru: `${tag} брони` }, address: { ru: "ул. 8" }, price_per_hour: "1000" }, VenueSchema)
    ).id;
    const day = addDays(localDateTime(new Date()).date, 3);
    for (let h = 9; h < 21; h++) {
      const { userId } = await t.api.tokensFor(nextPhone());
      await t.api.book(userId, {
        venue_id: venueId,
        booking_date: day,
        start_time: `${String(h).padStart(2, "0")}:00`,
        end_time: `${String(h + 1).padStart(2, "0")}:00`,
      });
    }
    const bookings = await json(["bookings", "list", "--venue", String(venueId), "--all"]);
    expect(bookings.count).toBe(12);
    expect(new Set(bookings.results.map((b) => b.id)).size).toBe(12);
    expect((await json(["bookings", "list", "--venue", String(venueId), "--limit", "11"])).results).toHaveLength(11);

    const users = await json(["users", "list", "--all"]);
    expect(users.count).toBeGreaterThan(10);
    expect(users.results).toHaveLength(users.count);
    expect(
      pageSchema(UserSchema, "U").parse(JSON.parse((await t.program(["users", "list", "--limit", "12", "--json"])).stdout)).results,
    ).toHaveLength(12);
  });
});
