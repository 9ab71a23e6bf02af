// The user as the contract shows it.
import type { User as UserJson } from "@venue-booking/contract";
import type { User } from "@venue-booking/db";

export function toUserJson(u: User): UserJson {
  return {
    id: u.id,
    phone: u.phone,
    name: u.name,
    is_active: u.isActive,
    is_verified: u.isVerified,
    is_admin: u.isAdmin,
    language: (u.language as "uz" | "ru" | "en" | null) ?? null,
    created_at: u.createdAt.toISOString(),
  };
}
