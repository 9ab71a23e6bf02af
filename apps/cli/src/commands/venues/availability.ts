// venues availability <id> --date: the day's slots as a row of free/taken cells.
import { AvailabilitySchema } from "@venue-booking/contract";
import type { Availability } from "@venue-booking/contract";
import { Command } from "commander";
import { dateAnswer, parseDate, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export async function availabilityAction(ctx: CliContext, idArg: string, o: { date?: string }): Promise<Outcome<Availability>> {
  const id = parseId(idArg);
  const date = parseDate(await need(ctx, o.date, "--date", "Date (YYYY-MM-DD):", dateAnswer));
  const day = await ctx.api.get(`/api/venues/${id}/availability/?date=${date}`, AvailabilitySchema);
  return outcome(day, (out) => {
    const c = out.color;
    out.line(`venue #${id} on ${date}`);
    out.line(day.slots.map((s) => s.start_time.slice(0, 2).padEnd(3)).join(""));
    out.line(day.slots.map((s) => (s.available ? c.green("░░ ") : c.red("██ "))).join(""));
    out.line(c.dim("░ free  █ taken or past"));
    out.line(`free: ${day.free_ranges.length ? day.free_ranges.map((r) => `${r.start_time}-${r.end_time}`).join(", ") : "none"}`);
  });
}

export function availabilityCommand(run: Runner): Command {
  return new Command("availability")
    .argument("<id>")
    .description("the day's slots as a row of free/taken cells")
    .option("--date <YYYY-MM-DD>")
    .option("--json", "print JSON")
    .action((id: string, o: { date?: string; json?: boolean }) => run((ctx) => availabilityAction(ctx, id, o), o));
}
