// One weekly series as the series commands read it, and the few ways they word it: its weekly
// hours, its customer, its dates and the table of its bookings.
import { SeriesDetailSchema } from "@venue-booking/contract";
import type { AdminBooking, Series, SeriesDetail, SkippedDate } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay, money } from "../../output.ts";
import type { Output } from "../../output.ts";
import { statusText } from "../bookings/status-text.ts";
import { unitText } from "../bookings/unit-text.ts";
import { dayName } from "../venues/calendar-text.ts";

export function getSeries(ctx: CliContext, id: number): Promise<SeriesDetail> {
  return ctx.api.get(`/api/admin/series/${id}/`, SeriesDetailSchema);
}

/** "every Tue 20:00-22:00" */
export const weeklyText = (s: Series, lang: Lang) =>
  t(lang, "series.weekly", { day: dayName(s.weekday, lang), from: s.start_time, to: s.end_time });

/** "+998907654321 FC Chilonzor" */
export const customerText = (s: Series) => `${s.customer.phone}${s.customer.name ? ` ${s.customer.name}` : ""}`;

/** "Tue 2026-12-01 - Tue 2027-02-16" */
export const datesText = (s: Series) => `${formatDay(s.first_date)} - ${formatDay(s.last_date)}`;

/** The series' bookings, by date, with the reference each customer is told. */
export function printSeriesBookings(out: Output, bookings: readonly AdminBooking[], lang: Lang): void {
  const l = (k: MessageKey) => t(lang, k);
  out.table(
    ["ID", l("col.reference"), l("col.date"), l("col.time"), l("col.unit"), l("col.total"), l("col.status")],
    bookings.map((b) => [
      b.id,
      b.reference,
      formatDay(b.booking_date),
      `${b.start_time}-${b.end_time}`,
      unitText(b, lang),
      money(b.total_price),
      statusText(out, b.status),
    ]),
    { empty: l("list.noSeriesBookings") },
  );
}

/** Each date a series could not book, and why: "Tue 2026-12-15  This time is already booked.  SLOT_TAKEN". */
export function printDates(out: Output, dates: readonly SkippedDate[], lang: Lang): void {
  const l = (k: MessageKey) => t(lang, k);
  out.table(
    [l("col.date"), l("col.reason"), l("col.code")],
    dates.map((d) => [formatDay(d.date), d.message, d.code]),
  );
}
