// SQLSTATEs the data layer turns into domain errors. drizzle wraps driver errors, so the code
// sits on `cause` (node-postgres and PGlite alike); a bare driver error carries it itself.
export const EXCLUSION_VIOLATION = "23P01";
export const UNIQUE_VIOLATION = "23505";
export const CHECK_VIOLATION = "23514";
export const FOREIGN_KEY_VIOLATION = "23503";
export const SERIALIZATION_FAILURE = "40001";
export const DEADLOCK_DETECTED = "40P01";

export function sqlState(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function constraintName(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const name = (cur as { constraint?: unknown }).constraint;
    if (typeof name === "string") return name;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
