// bookings find <reference>: the booking a customer reads out on the phone, shown as `bookings show` shows it.
import type { AdminBookingDetail } from "@venue-booking/contract";
import { Command } from "commander";
import { query } from "../../api-client.ts";
import type { CliContext } from "../../context.ts";
import { CliError, UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { AdminBookingPageSchema } from "./list.ts";
import { getBooking, printBooking } from "./show.ts";

/** A reference as typed: letters and digits, in any case, spaces and dashes left out ("k7m2-qx9a"). */
function parseReference(value: string, lang: CliContext["lang"]): string {
  const code = value.replace(/[\s-]+/g, "").toUpperCase();
  if (!/^[0-9A-Z]{1,20}$/.test(code)) throw new UsageError(t(lang, "usage.invalid", { what: t(lang, "what.reference"), value }));
  return code;
}

export async function findBookingAction(ctx: CliContext, referenceArg: string): Promise<Outcome<AdminBookingDetail>> {
  const reference = parseReference(referenceArg, ctx.lang);
  const page = await ctx.api.get(`/api/admin/bookings/${query({ reference })}`, AdminBookingPageSchema);
  const [found] = page.results;
  if (!found) throw new CliError(t(ctx.lang, "fail.noSuchReference", { reference }));
  const b = await getBooking(ctx, found.id);
  return outcome(b, (out) => printBooking(out, b, ctx.lang));
}

export function findCommand(run: Runner): Command {
  return new Command("find")
    .argument("<reference>", "the booking's reference, e.g. K7M2QX9A (any case)")
    .description("find a booking by its reference and show it as `bookings show` does")
    .addHelpText("after", "\nExamples:\n  venue-admin bookings find K7M2QX9A\n  venue-admin bookings find k7m2qx9a --json")
    .option("--json", "print JSON")
    .action((reference: string, o: { json?: boolean }) => run((ctx) => findBookingAction(ctx, reference), o));
}
