// The unit a booking holds, and its places when more than one: "#4 Lanes (3 places)".
import type { AdminBooking } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { t } from "../../i18n.ts";

export function unitText(b: Pick<AdminBooking, "unit" | "places">, lang: Lang): string {
  return `#${b.unit.id} ${b.unit.name}${b.places > 1 ? ` (${t(lang, "cell.places", { n: b.places })})` : ""}`;
}
