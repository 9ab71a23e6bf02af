// The day of a venue's units side by side: a row for each slot, a column for each unit; an
// exclusive unit's cell says what its slot is, a pooled unit's how many of its places are free.
// Where the units' prices differ in a slot, each cell that can still be sold says its unit's price.
import type { Lang } from "@venue-booking/core";
import { t } from "../../i18n.ts";
import { formatMoney } from "../../output.ts";
import type { Output } from "../../output.ts";
import { GLYPHS } from "./slot-states.ts";
import type { SlotState } from "./slot-states.ts";

type GridSlot = { start_time: string; end_time: string; state: SlotState; places_left?: number | undefined; price_per_hour?: string };

type GridUnit = { id: number; name: string; capacity: number; slots: GridSlot[] };

export function printUnitGrid(out: Output, units: readonly GridUnit[], lang: Lang): void {
  const cell = (u: GridUnit, i: number, priced: boolean): string => {
    const s = u.slots[i];
    if (!s) return "";
    const price = priced && s.price_per_hour !== undefined ? ` ${formatMoney(s.price_per_hour)}` : "";
    // Places left mean something only while the slot can still be sold.
    if (u.capacity > 1 && s.state !== "past" && s.state !== "closed") {
      const left = s.places_left ?? 0;
      return (left > 0 ? out.color.green : out.color.red)(
        `${t(lang, "avail.placesLeft", { left, capacity: u.capacity })}${left > 0 ? price : ""}`,
      );
    }
    return out.color[GLYPHS[s.state].paint](`${t(lang, `slot.${s.state}`)}${s.state === "free" ? price : ""}`);
  };
  const times = units[0]?.slots ?? [];
  out.table(
    [t(lang, "col.time"), ...units.map((u) => `#${u.id} ${u.name}`)],
    times.map((s, i) => {
      const priced = new Set(units.map((u) => u.slots[i]?.price_per_hour)).size > 1;
      return [`${s.start_time}-${s.end_time}`, ...units.map((u) => cell(u, i, priced))];
    }),
  );
}
