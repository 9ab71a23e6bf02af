// The user as the API shows it, to its owner and to admins.
import { PageQuerySchema, PhoneSchema, TextSchema, TimestampSchema } from "./common.ts";
import { z } from "./zod.ts";

export const NameSchema = TextSchema.trim().min(1).max(100).openapi({ example: "Aziz" });

export const UserSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    phone: PhoneSchema,
    name: z.string().openapi({ example: "Aziz" }),
    is_active: z.boolean(),
    is_verified: z.boolean(),
    is_admin: z.boolean(),
    language: z.enum(["uz", "ru", "en"]).nullable().openapi({ description: "of the messages the user is sent (null: Russian)" }),
    created_at: TimestampSchema,
  })
  .openapi("User");

export const UserListQuerySchema = PageQuerySchema.extend({
  search: TextSchema.max(100)
    .optional()
    .openapi({ param: { name: "search", in: "query" }, example: "90123" }),
});

export const AdminUserUpdateSchema = z
  .strictObject({
    is_active: z.boolean().optional(),
    is_verified: z.boolean().optional(),
    is_admin: z.boolean().optional(),
    name: NameSchema.optional(),
  })
  .openapi("AdminUserUpdate", { example: { is_active: false } });

export const UpdateMeSchema = z
  .strictObject({
    name: NameSchema.optional(),
    language: z.enum(["uz", "ru", "en"]).optional().openapi({ description: "of the messages you are sent" }),
  })
  .refine((v) => v.name !== undefined || v.language !== undefined, { params: { code: "REQUIRED" } })
  .openapi("UpdateMeRequest");

export type User = z.infer<typeof UserSchema>;
export type AdminUserUpdate = z.infer<typeof AdminUserUpdateSchema>;
