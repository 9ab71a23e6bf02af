// import venues and export venues: bulk seeding and its round trip.
import { Command } from "commander";
import type { Runner } from "../../runner.ts";
import { exportVenuesCommand } from "./export.ts";
import { importVenuesCommand } from "./import.ts";

export function importCommand(run: Runner): Command {
  return new Command("import")
    .description("bulk-create venues")
    .addHelpText("after", "\nExample:\n  venue-admin import venues venues.csv --dry-run")
    .addCommand(importVenuesCommand(run));
}

export function exportCommand(run: Runner): Command {
  return new Command("export")
    .description("export data")
    .addHelpText("after", "\nExample:\n  venue-admin export venues --format csv --output venues.csv")
    .addCommand(exportVenuesCommand(run));
}
