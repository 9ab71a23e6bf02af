// Input a hostile or careless client sends: text the database cannot store, prices whose bookings
// would not fit the total column, and numbers spelled in ways other than decimal digits.
import { BookingSchema, MAX_PRICE_PER_HOUR } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../src/testing.ts";
import type { Harness } from "../src/testing.ts";
import { authed, createVenue, json, patch, problem, signIn, signInAdmin, venueBody } from "./helpers.ts";

type Who = "nobody" | "player" | "admin";
type BodyCase = {
  name: string;
  method: "POST" | "PATCH";
  path: () => string;
  who: Who;
  body: () => Record<string, unknown>;
  fields: string[];
};
type QueryCase = { name: string; path: () => string; who: Who; fields: string[] };

/** A copy of `body` with the value at the dotted `path` ("name.ru", "images.0") spoiled. */
function spoiled(body: Record<string, unknown>, path: string, spoil: (valid: string) => string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  let cur: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) cur = cur[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  cur[last] = spoil(String(cur[last]));
  return copy;
}

// Each spoils a valid value, so the field's other rules pass and this one alone must refuse it.
// (Phones, codes, dates, times and amounts have formats of their own that refuse these too.)
const UNSTORABLE = [
  ["a NUL character", (v: string) => `${v}\u0000`],
  ["a lone high surrogate", (v: string) => `${v}\uD800`],
  ["a terminal escape sequence", (v: string) => `${v}\u001b[2J\u001b]0;title\u0007`],
  ["a C1 control character", (v: string) => `${v}\u009b31m`],
  ["a lone low surrogate", (v: string) => `${v}\uDC00`],
] as const;

const TRANSLATED = ["ru", "uz", "en"];
const VENUE_FIELDS = [
  ...["name", "address", "description"].flatMap((f) => TRANSLATED.map((l) => `${f}.${l}`)),
  ...TRANSLATED.map((l) => `amenities.0.${l}`),
  "images.0",
];

describe.each(testBackends())("hostile input on $name", (backend) => {
  let h: Harness;
  let admin: string;
  let player: { access: string; user: { id: number } };
  let venueId: number;
  let bookingId: number;
  beforeAll(async () => {
    h = await backend.start();
    h.setNow(new Date("2026-11-21T05:00:00Z"));
    admin = (await signInAdmin(h)).access;
    player = await signIn(h);
    venueId = await createVenue(h, admin);
    const booked = await h.request(
      "/api/bookings/",
      authed(player.access, json({ venue_id: venueId, booking_date: "2026-11-25", start_time: "10:00", end_time: "11:00" })),
    );
    expect(booked.status).toBe(201);
    bookingId = BookingSchema.parse(await booked.json()).id;
  });
  afterAll(async () => h.close());

  const as = (who: Who, init: RequestInit = {}) => (who === "nobody" ? init : authed(who === "admin" ? admin : player.access, init));

  const bodyCases: BodyCase[] = [
    {
      name: "refresh",
      method: "POST",
      path: () => "/api/auth/refresh/",
      who: "nobody",
      body: () => ({ refresh: "x" }),
      fields: ["refresh"],
    },
    { name: "me", method: "PATCH", path: () => "/api/auth/me/", who: "player", body: () => ({ name: "Aziz" }), fields: ["name"] },
    {
      name: "admin user",
      method: "PATCH",
      path: () => `/api/admin/users/${player.user.id}/`,
      who: "admin",
      body: () => ({ name: "Aziz" }),
      fields: ["name"],
    },
    { name: "venue create", method: "POST", path: () => "/api/venues/", who: "admin", body: () => venueBody(), fields: VENUE_FIELDS },
    {
      name: "venue update",
      method: "PATCH",
      path: () => `/api/venues/${venueId}/`,
      who: "admin",
      body: () => venueBody(),
      fields: VENUE_FIELDS,
    },
    {
      name: "booking status",
      method: "PATCH",
      path: () => `/api/admin/bookings/${bookingId}/`,
      who: "admin",
      body: () => ({ status: "confirmed", reason: "paid" }),
      fields: ["reason"],
    },
  ];

  const cases = bodyCases.flatMap((c) => c.fields.flatMap((field) => UNSTORABLE.map(([what, spoil]) => ({ ...c, field, what, spoil }))));

  it.each(cases)("$method $name: $what in $field is 400 VALIDATION_FAILED", async ({ method, path, who, body, field, spoil }) => {
    const spoilt = spoiled(body(), field, spoil);
    const init = method === "POST" ? json(spoilt) : patch(spoilt);
    const res = await h.request(path(), as(who, init));
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe("VALIDATION_FAILED");
    expect(p.errors?.map((e) => e.field)).toContain(field);
  });

  // A query string is UTF-8 once decoded, so only NUL can arrive there (an undecodable sequence
  // stays as its percent-escapes).
  const queryCases: QueryCase[] = [
    { name: "venue list", path: () => "/api/venues/", who: "nobody", fields: ["search"] },
    { name: "user list", path: () => "/api/admin/users/", who: "admin", fields: ["search"] },
  ];

  it.each(queryCases.flatMap((c) => c.fields.map((field) => ({ ...c, field }))))(
    "GET $name: NUL in ?$field is 400 VALIDATION_FAILED",
    async ({ path, who, field }) => {
      const res = await h.request(`${path()}?${field}=1%00`, as(who));
      expect(res.status).toBe(400);
      const p = await problem(res);
      expect(p.code).toBe("VALIDATION_FAILED");
      expect(p.errors?.map((e) => e.field)).toContain(field);
    },
  );

  it("says which character is wrong, in the caller's language", async () => {
    const res = await h.request("/api/auth/me/", authed(player.access, patch({ name: "a\u0000" }), "en"));
    expect((await problem(res)).errors).toEqual([
      { field: "name", message: "The text contains a character that cannot be stored (a control character or an unpaired surrogate)." },
    ]);
  });

  it("a venue at the highest price books a whole day; a higher price is 400", async () => {
    const hours = { opening_time: "00:00", closing_time: "24:00" };
    const id = await createVenue(h, admin, { price_per_hour: MAX_PRICE_PER_HOUR, ...hours });
    const res = await h.request(
      "/api/bookings/",
      authed(player.access, json({ venue_id: id, booking_date: "2026-11-27", start_time: "00:00", end_time: "24:00" })),
    );
    expect(res.status).toBe(201);
    expect(BookingSchema.parse(await res.json()).total_price).toBe("240000000.00");

    for (const price of ["10000000.01", "9999999999.99"]) {
      const created = await h.request("/api/venues/", authed(admin, json(venueBody({ price_per_hour: price, ...hours }))));
      expect(created.status).toBe(400);
      const p = await problem(created);
      expect(p.code).toBe("VALIDATION_FAILED");
      expect(p.errors?.map((e) => e.field)).toEqual(["price_per_hour"]);
      const updated = await h.request(`/api/venues/${id}/`, authed(admin, patch({ price_per_hour: price }), "en"));
      expect(updated.status).toBe(400);
      expect((await problem(updated)).errors).toEqual([
        { field: "price_per_hour", message: `The price per hour must be at most ${MAX_PRICE_PER_HOUR}.` },
      ]);
    }
  });

  // "+1" is written %2B1 in a query string, where "+" means a space.
  const NOT_DIGITS = ["0x10", "1e0", "+1", "0b1", "1.", "1.0", "01", "%201", "1%20"];

  it.each(NOT_DIGITS)("an id written %s is 400", async (id) => {
    const res = await h.request(`/api/venues/${id}/`);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe("VALIDATION_FAILED");
    expect(p.errors?.map((e) => e.field)).toEqual(["id"]);
  });

  it.each(NOT_DIGITS.map((p) => (p === "+1" ? "%2B1" : p)))("?page=%s is 400", async (page) => {
    const res = await h.request(`/api/venues/?page=${page}`);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe("VALIDATION_FAILED");
    expect(p.errors?.map((e) => e.field)).toEqual(["page"]);
  });

  it("ids and pages in decimal digits still work, up to the largest id", async () => {
    expect((await h.request(`/api/venues/${venueId}/`)).status).toBe(200);
    expect((await problem(await h.request("/api/venues/2147483647/"))).code).toBe("VENUE_NOT_FOUND");
    expect((await h.request("/api/venues/?page=1")).status).toBe(200);
    expect((await problem(await h.request("/api/venues/?page=1000000"))).code).toBe("PAGE_NOT_FOUND");
    expect((await h.request(`/api/admin/bookings/?venue_id=${venueId}`, as("admin"))).status).toBe(200);
    expect((await h.request("/api/admin/bookings/?venue_id=0x1", as("admin"))).status).toBe(400);
  });
});
