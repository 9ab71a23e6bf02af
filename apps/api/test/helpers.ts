// Shared steps of the route tests.
import { ProblemSchema } from "@venue-booking/contract";
import type { Problem } from "@venue-booking/contract";
import { expect } from "vitest";
import type { Harness } from "../src/testing.ts";
import type { SQL } from "drizzle-orm";

let seq = 500_000_000;
export function newPhone(): string {
  seq += 1;
  return `+998${seq}`;
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const patch = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  ...json(body, headers),
  method: "PATCH",
});

export const bearer = (token: string, headers: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${token}`, ...headers },
});

/** Signs in through the real endpoints, reading the code from the SMS stand-in. */
export async function signIn(h: Harness, phone = newPhone()) {
  const sent = await h.request("/api/auth/send-otp/", json({ phone }));
  expect(sent.status).toBe(200);
  const code = h.sms.lastCode(phone);
  const res = await h.request("/api/auth/verify-otp/", json({ phone, code }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    access: string;
    refresh: string;
    user: { id: number; phone: string; is_admin: boolean };
    is_new_user: boolean;
  };
  return { ...body, phone };
}

/** Signs in a user that the admin list makes an admin. */
export async function signInAdmin(h: Harness) {
  const phone = newPhone();
  h.deps.config.adminPhones.push(phone);
  return signIn(h, phone);
}

/** The problem+json body, parsed with the contract's schema (so every error carries its request id). */
export async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return ProblemSchema.parse(await res.json());
}

export const authed = (token: string, init: RequestInit = {}, lang?: string): RequestInit => ({
  ...init,
  headers: {
    ...(init.headers as Record<string, string> | undefined),
    authorization: `Bearer ${token}`,
    ...(lang ? { "accept-language": lang } : {}),
  },
});

export const venueBody = (over: Record<string, unknown> = {}) => ({
  name: { ru: "Стадион Тест", uz: "Test stadioni", en: "Test Stadium" },
  address: { ru: "ул. Тестовая, 1", uz: "Test ko'chasi, 1", en: "1 Test St" },
  description: { ru: "Поле", uz: "Maydon", en: "Pitch" },
  amenities: [
    { ru: "Душ", uz: "Dush", en: "Shower" },
    { ru: "Парковка", en: "Parking" },
  ],
  price_per_hour: "150000.00",
  images: ["https://example.com/1.jpg"],
  ...over,
});

/** Creates a venue through the API as `admin` and returns its id. */
export async function createVenue(h: Harness, adminToken: string, over: Record<string, unknown> = {}): Promise<number> {
  const res = await h.request("/api/venues/", authed(adminToken, json(venueBody(over))));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** The rows a SQL statement answers on the harness's database (for invariants checked in SQL). */
export async function sqlRows<T>(h: Harness, query: SQL): Promise<T[]> {
  const result: unknown = await h.deps.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}
