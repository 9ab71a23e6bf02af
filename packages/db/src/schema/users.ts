import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    phone: varchar({ length: 13 }).notNull().unique(),
    name: varchar({ length: 100 }).notNull().default(""),
    isActive: boolean().notNull().default(true),
    isVerified: boolean().notNull().default(false),
    isAdmin: boolean().notNull().default(false),
    // the language of the messages the user is sent (set at the first sign-in); null: Russian
    language: varchar({ length: 2 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_phone_format", sql`${t.phone} ~ '^\\+998[0-9]{9}$'`),
    check("users_language", sql`${t.language} in ('uz', 'ru', 'en')`),
    index("users_created_at_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);

export type UserRow = typeof users.$inferSelect;
