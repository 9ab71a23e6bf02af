// The user as the API shows it, to its owner and to admins.
import { z } from "@hono/zod-openapi";
import type { User } from "@venue-booking/db";
import { PhoneSchema, TimestampSchema } from "../lib/schemas.ts";

export const UserSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    phone: PhoneSchema,
    name: z.string().openapi({ example: "Aziz" }),
    is_active: z.boolean(),
    is_verified: z.boolean(),
    is_admin: z.boolean(),
    created_at: TimestampSchema,
  })
  .openapi("User");

export function toUserJson(u: User): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    phone: u.phone,
    name: u.name,
    is_active: u.isActive,
    is_verified: u.isVerified,
    is_admin: u.isAdmin,
    created_at: u.createdAt.toISOString(),
  };
}

export const NameSchema = z.string().trim().min(1).max(100).openapi({ example: "Aziz" });
