// sessions show <id>: one session, and for a seated one the map of its seats.
import type { SessionJson } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import { Command } from "commander";
import { parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import type { MessageKey } from "../../i18n.ts";
import { formatLocal, formatMoney } from "../../output.ts";
import type { Output } from "../../output.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getSession, placesLeftText, sessionPlaces, sessionStatusText, sessionWhen } from "./get-session.ts";
import { printSeatMap } from "./seats.ts";

function printSession(out: Output, s: SessionJson, lang: Lang): void {
  const rows: [MessageKey, string][] = [
    ["session.status", sessionStatusText(out, s, lang)],
    ["session.venue", `#${s.venue_id}`],
    ["session.unit", `#${s.unit.id} ${s.unit.name}`],
    ["session.when", sessionWhen(s)],
    ["session.price", t(lang, "session.perPlace", { price: formatMoney(s.price_per_place) })],
    ["session.places", `${sessionPlaces(s, lang)}, ${placesLeftText(out, s, lang)}`],
    ["session.changed", `${formatLocal(s.updated_at, out.timeZone)} (${out.timeZone})`],
  ];
  const width = Math.max(...rows.map(([k]) => t(lang, k).length)) + 2;
  out.line(out.color.bold(t(lang, "session.heading", { id: s.id, title: s.title })));
  for (const [k, v] of rows) out.line(`${t(lang, k).padEnd(width)}${v}`);
  if (s.seats?.length) {
    out.line("");
    printSeatMap(out, s.seats, lang);
  }
}

export async function showSessionAction(ctx: CliContext, idArg: string): Promise<Outcome<SessionJson>> {
  const s = await getSession(ctx, parseId(idArg, ctx.lang));
  return outcome(s, (out) => printSession(out, s, ctx.lang));
}

export function showCommand(run: Runner): Command {
  return new Command("show")
    .argument("<id>")
    .description("one session: when, where, price, places left, and the map of its seats when it has them")
    .addHelpText("after", "\nExamples:\n  venue-admin sessions show 7\n  venue-admin sessions show 7 --json")
    .option("--json", "print JSON")
    .action((id: string, o: { json?: boolean }) => run((ctx) => showSessionAction(ctx, id), o));
}
