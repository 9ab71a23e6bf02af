// Uzbek mobile numbers in the one form the product stores: +998 and nine ASCII digits.
import { DomainError } from "./errors.ts";

const PHONE = /^\+998[0-9]{9}$/;

export function isPhone(value: string): boolean {
  return PHONE.test(value);
}

export function parsePhone(value: string, field = "phone"): string {
  if (!isPhone(value)) throw new DomainError("INVALID_PHONE", { field });
  return value;
}
