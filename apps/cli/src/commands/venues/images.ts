// venues images add|remove <id> <url...>: the venue's image URLs as a set.
import { VenueSchema, VenueUpdateSchema } from "@venue-booking/contract";
import { Command } from "commander";
import { check, parseId } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { getVenueAll } from "./get-venue.ts";

export type ImagesMode = "add" | "remove";

/** The venue's image URLs after the change. */
export async function imagesAction(ctx: CliContext, mode: ImagesMode, idArg: string, urls: string[]): Promise<Outcome<string[]>> {
  const id = parseId(idArg, ctx.lang);
  const current = await getVenueAll(ctx, id);
  const images = mode === "add" ? [...new Set([...current.images, ...urls])] : current.images.filter((u) => !urls.includes(u));
  check(VenueUpdateSchema, { images }, "imageUrl", ctx.lang);
  const v = await ctx.api.patch(`/api/venues/${id}/`, { images }, VenueSchema);
  return outcome(v.images, (out) =>
    out.line(
      t(ctx.lang, "done.venueImages", {
        id,
        n: v.images.length,
        list: v.images.length ? `:\n  ${v.images.join("\n  ")}` : "",
      }),
    ),
  );
}

function modeCommand(run: Runner, mode: ImagesMode): Command {
  return new Command(mode)
    .argument("<id>")
    .argument("<url...>")
    .addHelpText("after", `\nExample:\n  venue-admin venues images ${mode} 15 https://example.com/a.jpg`)
    .option("--json", "print JSON")
    .action((id: string, urls: string[], o: { json?: boolean }) => run((ctx) => imagesAction(ctx, mode, id, urls), o));
}

export function imagesCommand(run: Runner): Command {
  return new Command("images")
    .description("add or remove image URLs")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin venues images add 15 https://example.com/a.jpg\n  venue-admin venues images remove 15 https://example.com/a.jpg",
    )
    .addCommand(modeCommand(run, "add"))
    .addCommand(modeCommand(run, "remove"));
}
