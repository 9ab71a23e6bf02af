// The day of a venue's units side by side: a row for each slot, a column for each unit; an
// exclusive unit's cell says what its slot is, a pooled unit's how many of its places are free.
import type { Lang } from "@venue-booking/core";
import { t } from "../../i18n.ts";
import type { Output } from "../../output.ts";
import { GLYPHS } from "./slot-states.ts";
import type { SlotState } from "./slot-states.ts";

type GridUnit = {
  id: number;
  name: string;
  capacity: number;
  slots: { start_time: string; end_time: string; state: SlotState; places_left?: number | undefined }[];
};

export function printUnitGrid(out: Output, units: readonly GridUnit[], lang: Lang): void {
  const cell = (u: GridUnit, i: number): string => {
    const s = u.slots[i];
    if (!s) return "";
    // Places left mean something only while the slot can still be sold.
    if (u.capacity > 1 && s.state !== "past" && s.state !== "closed") {
      const left = s.places_left ?? 0;
      return (left > 0 ? out.color.green : out.color.red)(t(lang, "avail.placesLeft", { left, capacity: u.capacity }));
    }
    return out.color[GLYPHS[s.state].paint](t(lang, `slot.${s.state}`));
  };
  const times = units[0]?.slots ?? [];
  out.table(
    [t(lang, "col.time"), ...units.map((u) => `#${u.id} ${u.name}`)],
    times.map((s, i) => [`${s.start_time}-${s.end_time}`, ...units.map((u) => cell(u, i))]),
  );
}
