// Wall-clock spans, shared by the tables that hold time (no table of their own: a module every schema
// file can import without a cycle).
import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

export const tsrange = customType<{ data: string }>({ dataType: () => "tsrange" });

/**
 * A business day's span from its date and times: an end at or before the start is the next day's,
 * and `after_midnight` puts the whole span a day on (01:00-02:00 of a day open 18:00-02:00).
 */
export const WALL_CLOCK_SPAN = sql`tsrange(booking_date + start_time + case when after_midnight then interval '1 day' else interval '0' end, booking_date + end_time + case when after_midnight then interval '1 day' else interval '0' end + case when end_time <= start_time then interval '1 day' else interval '0' end, '[)')`;
