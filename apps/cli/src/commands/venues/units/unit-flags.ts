// The flags of `venues units add` and `venues units update`, and the request body they make; the
// name's languages are merged with the unit as it is, so one can change without losing the others.
import type { UnitAllLanguages } from "@venue-booking/contract";
import { LANGS } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Command } from "commander";
import { parseIds, parseInteger } from "../../../args.ts";
import { mergeText } from "../venue-flags.ts";

export type UnitFlags = {
  nameRu?: string;
  nameUz?: string;
  nameEn?: string;
  /** false (`--no-kind`): no kind. */
  kind?: string | false;
  capacity?: string;
  /** false (`--no-price`): the venue's price. */
  price?: string | false;
  /** Comma-separated unit ids; false (`--no-contains`): not combined. */
  contains?: string | false;
  sortOrder?: string;
  active?: boolean;
};

/** The flags of both commands; `update` adds the ones that clear a value or switch the unit on or off. */
export function unitOptions(cmd: Command, opts: { update: boolean }): Command {
  for (const l of LANGS) cmd.option(`--name-${l} <text>`, `name in ${l}`);
  cmd
    .option("--kind <text>", "what it is: court, lane, half, desk...")
    .option("--capacity <n>", "places: 1 = one booking at a time (default), more = places sold one by one")
    .option("--price <amount>", "price per hour (of one place when pooled); default: the venue's")
    .option("--contains <ids>", "ids of the venue's units this one combines, comma-separated (a full pitch of two halves)")
    .option("--sort-order <n>", "position among the venue's units");
  if (opts.update) {
    cmd
      .option("--no-kind", "no kind")
      .option("--no-price", "the venue's price")
      .option("--no-contains", "not made of other units")
      .option("--active", "active: offered for booking again")
      .option("--no-active", "inactive: no longer offered (as `venues units remove`)");
  }
  return cmd.option("--json", "print JSON");
}

/** The fields the flags set, the name merged into `current`; checked by the caller with the contract's schema. */
export function unitBody(f: UnitFlags, lang: Lang, current?: UnitAllLanguages): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) b[k] = v;
  };
  set("name", mergeText(current?.name, f.nameRu, f.nameUz, f.nameEn));
  set("kind", f.kind === false ? null : f.kind);
  set("capacity", parseInteger(f.capacity, "--capacity", lang));
  set("price_per_hour", f.price === false ? null : f.price);
  set("contains", f.contains === false ? [] : parseIds(f.contains, "--contains", lang));
  set("sort_order", parseInteger(f.sortOrder, "--sort-order", lang));
  set("is_active", f.active);
  return b;
}

/** Whether any field flag was given (`--json` aside). */
export function anyUnitFlag(f: UnitFlags): boolean {
  return Object.entries(f).some(([k, v]) => k !== "json" && v !== undefined);
}
