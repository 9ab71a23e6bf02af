// venues close <id> --date: closes the venue (or one unit) for a day or part of it. Bookings or
// sessions in the way are listed, with who holds them; --cancel-bookings (or, on a terminal, a yes)
// cancels them in the same step.
import { ClosureConflictSchema, ClosureCreateSchema, ClosureSchema } from "@venue-booking/contract";
import type { Closure, ClosureConflict } from "@venue-booking/contract";
import { pickTranslation } from "@venue-booking/core";
import { Command } from "commander";
import { check, dateAnswer, parseDate, parseId, parseOptionalId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { ApiError, CliError, UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import type { Cell, Output } from "../../output.ts";
import { confirmed, maybe, need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getSession } from "../sessions/get-session.ts";
import { liveBookings } from "./availability.ts";
import { parseClock, parseSpan } from "./calendar-text.ts";
import { closureWhen } from "./closures/closure-text.ts";
import { getVenue } from "./get-venue.ts";
import { mergeText } from "./venue-flags.ts";

export type CloseFlags = {
  date?: string;
  from?: string;
  to?: string;
  unit?: string;
  reason?: string;
  reasonUz?: string;
  reasonEn?: string;
  cancelBookings?: boolean;
};

export type CloseResult = Closure | { conflicts: ClosureConflict[] };

const ConflictsSchema = ClosureConflictSchema.array();

/** The conflicts a CLOSURE_CONFLICTS answer lists; undefined for any other failure. */
function conflictsOf(e: unknown): ClosureConflict[] | undefined {
  if (!(e instanceof ApiError) || e.problem?.code !== "CLOSURE_CONFLICTS") return undefined;
  const listed = typeof e.body === "object" && e.body !== null && "conflicts" in e.body ? e.body.conflicts : undefined;
  const r = ConflictsSchema.safeParse(listed);
  return r.success ? r.data : [];
}

/** A row for each conflict, naming the unit and who holds it (a player's phone, a session's title). */
async function conflictRows(ctx: CliContext, venueId: number, conflicts: ClosureConflict[]): Promise<Cell[][]> {
  const dates = [...new Set(conflicts.filter((c) => c.kind === "booking").map((c) => c.booking_date))];
  // Names and holders make the list easier to act on; without them it still says what is in the way.
  const [venue, bookings, sessions] = await Promise.all([
    getVenue(ctx, venueId).catch(() => undefined),
    Promise.all(dates.map((d) => liveBookings(ctx, venueId, d).catch(() => undefined))).then((pages) => pages.flatMap((p) => p ?? [])),
    Promise.all(conflicts.filter((c) => c.kind === "session").map((c) => getSession(ctx, c.id).catch(() => undefined))),
  ]);
  return conflicts.map((c) => {
    const unit = venue?.units.find((u) => u.id === c.unit_id);
    const who =
      c.kind === "booking" ? (bookings.find((b) => b.id === c.id)?.user.phone ?? "") : (sessions.find((s) => s?.id === c.id)?.title ?? "");
    return [
      t(ctx.lang, c.kind === "booking" ? "kind.booking" : "kind.session"),
      c.id,
      `#${c.unit_id}${unit ? ` ${unit.name}` : ""}`,
      formatDay(c.booking_date),
      `${c.start_time}-${c.end_time}`,
      who,
    ];
  });
}

function printConflicts(out: Output, rows: Cell[][], lang: CliContext["lang"]): void {
  const l = (k: MessageKey) => t(lang, k);
  out.table([l("col.kind"), "ID", l("col.unit"), l("col.date"), l("col.time"), l("col.who")], rows);
}

type Asked = { span?: { from: string; to: string } | undefined; unit?: number | undefined; reason?: string | undefined };

/** On a terminal with no --date: the part of the day, the unit and the reason too, unless flags gave them. */
async function askDetails(ctx: CliContext, venueId: number, given: Asked): Promise<Asked> {
  const l = ctx.lang;
  const spanAnswer = (v: string) => {
    if (v.trim() === "") return true;
    try {
      parseSpan(v, "", l);
      return true;
    } catch {
      return t(l, "answer.span");
    }
  };
  const hours = given.span ? undefined : await maybe(ctx, undefined, t(l, "ask.closeHours"), spanAnswer);
  let unit = given.unit;
  const venue = unit === undefined ? await getVenue(ctx, venueId) : undefined;
  if (venue && venue.units.length > 1) {
    const choices = [
      { value: "", name: t(l, "cal.wholeVenue") },
      ...venue.units.map((u) => ({ value: String(u.id), name: `#${u.id} ${u.name}` })),
    ];
    const chosen = await ctx.prompter.select({ message: t(l, "ask.closeUnit"), choices });
    unit = chosen ? Number(chosen) : undefined;
  }
  const reason = given.reason ?? (await maybe(ctx, undefined, t(l, "ask.closeReason")));
  return { span: given.span ?? (hours?.trim() ? parseSpan(hours, "", l) : undefined), unit, reason };
}

export async function closeVenueAction(ctx: CliContext, idArg: string, f: CloseFlags): Promise<Outcome<CloseResult>> {
  const l = ctx.lang;
  const id = parseId(idArg, l);
  const flagUnit = parseOptionalId(f.unit, "--unit", l);
  if ((f.from === undefined) !== (f.to === undefined)) throw new UsageError(t(l, "usage.missing", { flag: f.from ? "--to" : "--from" }));
  const flagSpan =
    f.from === undefined || f.to === undefined ? undefined : { from: parseClock(f.from, "--from", l), to: parseClock(f.to, "--to", l) };
  if ((f.reasonUz !== undefined || f.reasonEn !== undefined) && f.reason === undefined) throw new UsageError(t(l, "usage.reasonRu"));
  const asking = ctx.interactive && f.date === undefined;
  const date = parseDate(await need(ctx, f.date, "--date", t(l, "ask.date"), dateAnswer(l)), l);
  const flags: Asked = { span: flagSpan, unit: flagUnit, reason: f.reason };
  const asked = asking ? await askDetails(ctx, id, flags) : flags;
  const reason = asked.reason === undefined ? undefined : mergeText(undefined, asked.reason, f.reasonUz, f.reasonEn);
  const body = {
    date,
    ...(asked.span ? { start_time: asked.span.from, end_time: asked.span.to } : {}),
    ...(asked.unit === undefined ? {} : { unit_id: asked.unit }),
    ...(reason ? { reason } : {}),
    ...(f.cancelBookings ? { cancel_bookings: true } : {}),
  };
  const payload = check(ClosureCreateSchema, body, "closure", l);
  const post = (cancel: boolean) =>
    ctx.api.post(`/api/venues/${id}/closures/`, cancel ? { ...payload, cancel_bookings: true } : payload, ClosureSchema);
  let closure: Closure;
  try {
    closure = await post(false);
  } catch (e) {
    const conflicts = conflictsOf(e);
    if (!conflicts) throw e;
    // Refused with nothing listed: what holds the time is no booking or session (another closure).
    if (!conflicts.length) throw new CliError(t(l, "fail.closureHeld", { id }));
    const rows = await conflictRows(ctx, id, conflicts);
    const n = conflicts.length;
    if (!ctx.interactive)
      return outcome({ conflicts }, (out) => printConflicts(out, rows, l), new CliError(t(l, "fail.closureConflicts", { n })));
    printConflicts(ctx.out, rows, l);
    if (!(await confirmed(ctx, t(l, "confirm.cancelForClosure", { n })))) {
      return outcome({ conflicts }, (out) => out.line(t(l, "done.notClosed", { id })));
    }
    closure = await post(true);
  }
  return outcome(closure, (out) => {
    const unit = closure.unit_id === null ? "" : `, ${t(l, "closure.unit", { unit: closure.unit_id })}`;
    const why = closure.reason ? `: ${pickTranslation(closure.reason, l)}` : "";
    out.line(t(l, "done.closed", { id, when: closureWhen(closure, l), unit, why, closure: closure.id }));
    const ids = (list: number[]) => list.map((x) => `#${x}`).join(", ");
    if (closure.cancelled_bookings?.length) out.line(t(l, "done.cancelledBookings", { list: ids(closure.cancelled_bookings) }));
    if (closure.cancelled_sessions?.length) out.line(t(l, "done.cancelledSessions", { list: ids(closure.cancelled_sessions) }));
  });
}

export function closeCommand(run: Runner): Command {
  return new Command("close")
    .argument("<id>")
    .description(
      "close the venue (or one unit) for a day or part of it; bookings in the way are listed, or cancelled with --cancel-bookings",
    )
    .option("--date <YYYY-MM-DD>", "the day (its business day: 01:00 of a night open past midnight is that night's)")
    .option("--from <HH:MM>", "from (with --to; without both: the whole day)")
    .option("--to <HH:MM>", "to (at or before --from: after midnight)")
    .option("--unit <id>", "only this unit, and the units sharing a part with it (see venues units list)")
    .option("--reason <text>", "why, in Russian (shown to players)")
    .option("--reason-uz <text>", "why, in Uzbek")
    .option("--reason-en <text>", "why, in English")
    .option("--cancel-bookings", "cancel the bookings and sessions in the way (players' bookings are cancelled)")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  venue-admin venues close 15 --date 2026-12-31 --reason "Новый год" --reason-en "New Year"\n  venue-admin venues close 15 --date 2026-12-04 --from 12:00 --to 14:00 --unit 4 --reason "Ремонт"\n  venue-admin venues close 15 --date 2026-12-04 --cancel-bookings',
    )
    .action((id: string, o: CloseFlags & { json?: boolean }) => run((ctx) => closeVenueAction(ctx, id, o), o));
}
