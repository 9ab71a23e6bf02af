// venues list|show|create|update|delete|translate|images|availability.
import { VenueCreateSchema, VenueUpdateSchema } from "@venue-booking/api/schemas";
import { compareMoney, isLang, isMoney, isValidDate, LANGS, parsePrice } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Command } from "commander";
import { query } from "../api-client.ts";
import type { CliContext } from "../context.ts";
import { check, need } from "../context.ts";
import { CliError } from "../errors.ts";
import type { Register } from "./types.ts";

export type Text = { ru: string; uz?: string | null; en?: string | null };
export type VenueAll = {
  id: number;
  name: Text;
  address: Text;
  description: Text;
  amenities: Text[];
  price_per_hour: string;
  images: string[];
  opening_time: string;
  closing_time: string;
  is_active: boolean;
  created_at: string;
  updated_at: string;
};
type VenueOne = Omit<VenueAll, "name" | "address" | "description" | "amenities"> & { name: string; address: string; description: string; amenities: string[] };
export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(",").map((s) => s.trim()).filter(Boolean));

export function parseId(value: string, what = "id"): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > 2_147_483_647) throw new CliError(`invalid ${what}: ${value}`, 2);
  return Number(value);
}

function parsePage(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseId(value, "--page");
}

export async function getVenueAll(ctx: CliContext, id: number): Promise<VenueAll> {
  return ctx.api.get<VenueAll>(`/api/venues/${id}/?translations=all`);
}

// ---- list / show

export type ListOptions = { search?: string; minPrice?: string; maxPrice?: string; inactive?: boolean; page?: string; json?: boolean };

export async function listVenuesAction(ctx: CliContext, o: ListOptions): Promise<Page<VenueOne>> {
  for (const [flag, v] of [["--min-price", o.minPrice], ["--max-price", o.maxPrice]] as const) {
    if (v !== undefined && !isMoney(v)) throw new CliError(`invalid ${flag}: expected a non-negative amount like 150000.00`, 2);
  }
  if (o.minPrice && o.maxPrice && compareMoney(o.minPrice, o.maxPrice) > 0) throw new CliError("--min-price must not be greater than --max-price", 2);
  const page = await ctx.api.get<Page<VenueOne>>(
    `/api/venues/${query({ search: o.search, min_price: o.minPrice, max_price: o.maxPrice, include_inactive: o.inactive ? "true" : undefined, page: parsePage(o.page) })}`,
  );
  if (o.json) {
    ctx.out.json(page);
    return page;
  }
  const c = ctx.out.color;
  ctx.out.table(
    ["ID", "Name", "Price/h", "Hours", "Active"],
    page.results.map((v) => [v.id, v.name, v.price_per_hour, `${v.opening_time}-${v.closing_time}`, v.is_active ? c.green("yes") : c.red("no")]),
  );
  const pages = Math.max(1, Math.ceil(page.count / 10));
  ctx.out.line(c.dim(`${page.count} venue(s), page ${o.page ?? 1} of ${pages}`));
  return page;
}

export async function showVenueAction(ctx: CliContext, idArg: string, o: { json?: boolean }): Promise<VenueAll> {
  const v = await getVenueAll(ctx, parseId(idArg));
  if (o.json) {
    ctx.out.json(v);
    return v;
  }
  const cell = (t: Text, l: Lang) => t[l] ?? "";
  const rows: string[][] = [
    ["name", ...LANGS.map((l) => cell(v.name, l))],
    ["address", ...LANGS.map((l) => cell(v.address, l))],
    ["description", ...LANGS.map((l) => cell(v.description, l))],
    ...v.amenities.map((a, i) => [`amenity ${i + 1}`, ...LANGS.map((l) => cell(a, l))]),
  ];
  ctx.out.line(ctx.out.color.bold(`Venue #${v.id}${v.is_active ? "" : " (inactive)"}`));
  ctx.out.table(["", "uz", "ru", "en"], rows);
  ctx.out.line(`price per hour: ${v.price_per_hour}   hours: ${v.opening_time}-${v.closing_time}   active: ${v.is_active ? "yes" : "no"}`);
  ctx.out.line(`images: ${v.images.length ? v.images.join(" ") : "none"}`);
  return v;
}

// ---- create / update

export type VenueFlags = {
  nameRu?: string;
  nameUz?: string;
  nameEn?: string;
  addressRu?: string;
  addressUz?: string;
  addressEn?: string;
  descriptionRu?: string;
  descriptionUz?: string;
  descriptionEn?: string;
  amenitiesRu?: string;
  amenitiesUz?: string;
  amenitiesEn?: string;
  price?: string;
  opening?: string;
  closing?: string;
  images?: string;
  active?: boolean;
  json?: boolean;
};

function text(base: Text | undefined, ru?: string, uz?: string, en?: string): Text | undefined {
  if (ru === undefined && uz === undefined && en === undefined) return undefined;
  const out: Text = { ...(base ?? { ru: "" }) };
  if (ru !== undefined) out.ru = ru;
  if (uz !== undefined) out.uz = uz;
  if (en !== undefined) out.en = en;
  return out;
}

/** Amenities from comma lists per language, matched by position. */
function amenities(base: Text[] | undefined, f: VenueFlags): Text[] | undefined {
  const by = { ru: list(f.amenitiesRu), uz: list(f.amenitiesUz), en: list(f.amenitiesEn) };
  if (!by.ru && !by.uz && !by.en) return undefined;
  const n = Math.max(by.ru?.length ?? 0, by.uz?.length ?? 0, by.en?.length ?? 0, by.ru ? 0 : (base?.length ?? 0));
  return Array.from({ length: n }, (_, i) => {
    const cur: Text = base?.[i] ?? { ru: "" };
    const t: Text = { ...cur };
    for (const l of LANGS) {
      const v = by[l]?.[i];
      if (v !== undefined) t[l] = v;
    }
    return t;
  }).filter((t) => t.ru !== "");
}

function body(f: VenueFlags, current?: VenueAll): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) b[k] = v;
  };
  set("name", text(current?.name, f.nameRu, f.nameUz, f.nameEn));
  set("address", text(current?.address, f.addressRu, f.addressUz, f.addressEn));
  set("description", text(current?.description, f.descriptionRu, f.descriptionUz, f.descriptionEn));
  set("amenities", amenities(current?.amenities, f));
  set("price_per_hour", f.price);
  set("opening_time", f.opening);
  set("closing_time", f.closing);
  set("images", list(f.images));
  set("is_active", f.active);
  return b;
}

export async function createVenueAction(ctx: CliContext, f: VenueFlags): Promise<VenueOne> {
  const flags = { ...f };
  flags.nameRu = await need(ctx, f.nameRu, "--name-ru", "Name (Russian):");
  if (ctx.interactive && f.nameUz === undefined) flags.nameUz = (await ctx.prompter.input({ message: "Name (Uzbek, optional):", default: "" })) || undefined;
  if (ctx.interactive && f.nameEn === undefined) flags.nameEn = (await ctx.prompter.input({ message: "Name (English, optional):", default: "" })) || undefined;
  flags.addressRu = await need(ctx, f.addressRu, "--address-ru", "Address (Russian):");
  flags.price = await need(ctx, f.price, "--price", "Price per hour (UZS, e.g. 150000.00):", (v) => {
    try {
      parsePrice(v);
      return true;
    } catch {
      return "a positive amount like 150000.00";
    }
  });
  const payload = check(VenueCreateSchema, body(flags), "venue");
  const v = await ctx.api.post<VenueOne>("/api/venues/", payload);
  if (f.json) ctx.out.json(v);
  else ctx.out.line(`created venue #${v.id} ${v.name}`);
  return v;
}

export async function updateVenueAction(ctx: CliContext, idArg: string, f: VenueFlags): Promise<VenueOne> {
  const id = parseId(idArg);
  const current = await getVenueAll(ctx, id);
  const payload = check(VenueUpdateSchema, body(f, current), "venue");
  if (Object.keys(payload).length === 0) throw new CliError("nothing to change: pass at least one flag (see --help)", 2);
  const v = await ctx.api.patch<VenueOne>(`/api/venues/${id}/`, payload);
  if (f.json) ctx.out.json(v);
  else ctx.out.line(`updated venue #${v.id} ${v.name}`);
  return v;
}

export async function deleteVenueAction(ctx: CliContext, idArg: string, o: { yes?: boolean }): Promise<boolean> {
  const id = parseId(idArg);
  if (!o.yes) {
    if (!ctx.interactive) throw new CliError("refusing to delete without --yes", 2);
    const v = await getVenueAll(ctx, id);
    if (!(await ctx.prompter.confirm({ message: `Deactivate venue #${id} ${v.name.ru}?`, default: false }))) {
      ctx.out.line("kept");
      return false;
    }
  }
  await ctx.api.delete(`/api/venues/${id}/`);
  ctx.out.line(`venue #${id} deactivated`);
  return true;
}

// ---- translate / images

export type TranslateOptions = { lang?: string; name?: string; address?: string; description?: string; amenities?: string; json?: boolean };

export async function translateVenueAction(ctx: CliContext, idArg: string, o: TranslateOptions): Promise<VenueAll> {
  const id = parseId(idArg);
  const lang = await need(ctx, o.lang, "--lang", "Language (uz, ru, en):", (v) => isLang(v) || "uz, ru or en");
  if (!isLang(lang)) throw new CliError("--lang must be uz, ru or en", 2);
  const current = await getVenueAll(ctx, id);
  const opts = { ...o };
  if (ctx.interactive && o.name === undefined && o.address === undefined && o.description === undefined && o.amenities === undefined) {
    opts.name = await ctx.prompter.input({ message: `Name (${lang}):`, default: current.name[lang] ?? "" });
    opts.address = await ctx.prompter.input({ message: `Address (${lang}):`, default: current.address[lang] ?? "" });
    opts.description = await ctx.prompter.input({ message: `Description (${lang}):`, default: current.description[lang] ?? "" });
    opts.amenities = await ctx.prompter.input({
      message: `Amenities (${lang}, comma-separated, in the order: ${current.amenities.map((a) => a.ru).join(", ")}):`,
      default: current.amenities.map((a) => a[lang] ?? "").join(", "),
    });
  }
  const suffix = lang === "ru" ? "Ru" : lang === "uz" ? "Uz" : "En";
  const flags: VenueFlags = {};
  const put = (field: "name" | "address" | "description" | "amenities", v: string | undefined) => {
    if (v !== undefined) (flags as Record<string, string>)[`${field}${suffix}`] = v;
  };
  put("name", opts.name);
  put("address", opts.address);
  put("description", opts.description);
  put("amenities", opts.amenities);
  const payload = check(VenueUpdateSchema, body(flags, current), "translation");
  if (Object.keys(payload).length === 0) throw new CliError("nothing to translate: pass --name, --address, --description or --amenities", 2);
  await ctx.api.patch(`/api/venues/${id}/`, payload);
  const after = await getVenueAll(ctx, id);
  if (o.json) ctx.out.json(after);
  else ctx.out.line(`venue #${id}: ${lang} translation saved (${Object.keys(payload).join(", ")})`);
  return after;
}

export async function imagesAction(ctx: CliContext, mode: "add" | "remove", idArg: string, urls: string[], o: { json?: boolean }): Promise<string[]> {
  const id = parseId(idArg);
  const current = await getVenueAll(ctx, id);
  const images = mode === "add" ? [...new Set([...current.images, ...urls])] : current.images.filter((u) => !urls.includes(u));
  check(VenueUpdateSchema, { images }, "image URL");
  const v = await ctx.api.patch<VenueOne>(`/api/venues/${id}/`, { images });
  if (o.json) ctx.out.json(v.images);
  else ctx.out.line(`venue #${id} has ${v.images.length} image(s)${v.images.length ? `:\n  ${v.images.join("\n  ")}` : ""}`);
  return v.images;
}

// ---- availability

type Day = { venue_id: number; date: string; slots: { start_time: string; end_time: string; available: boolean }[]; free_ranges: { start_time: string; end_time: string }[] };

export async function availabilityAction(ctx: CliContext, idArg: string, o: { date?: string; json?: boolean }): Promise<Day> {
  const id = parseId(idArg);
  const date = await need(ctx, o.date, "--date", "Date (YYYY-MM-DD):", (v) => isValidDate(v) || "YYYY-MM-DD, a real date");
  if (!isValidDate(date)) throw new CliError("invalid --date: expected a real date as YYYY-MM-DD", 2);
  const day = await ctx.api.get<Day>(`/api/venues/${id}/availability/?date=${date}`);
  if (o.json) {
    ctx.out.json(day);
    return day;
  }
  const c = ctx.out.color;
  const hours = day.slots.map((s) => s.start_time.slice(0, 2).padEnd(3));
  const cells = day.slots.map((s) => (s.available ? c.green("░░ ") : c.red("██ ")));
  ctx.out.line(`venue #${id} on ${date}`);
  ctx.out.line(hours.join(""));
  ctx.out.line(cells.join(""));
  ctx.out.line(c.dim("░ free  █ taken or past"));
  ctx.out.line(`free: ${day.free_ranges.length ? day.free_ranges.map((r) => `${r.start_time}-${r.end_time}`).join(", ") : "none"}`);
  return day;
}

// ---- registration

function venueOptions(cmd: Command): Command {
  for (const field of ["name", "address", "description"]) {
    for (const l of LANGS) cmd.option(`--${field}-${l} <text>`, `${field} in ${l}`);
  }
  for (const l of LANGS) cmd.option(`--amenities-${l} <list>`, `amenities in ${l}, comma-separated`);
  return cmd
    .option("--price <amount>", "price per hour, e.g. 150000.00")
    .option("--opening <HH:MM>", "opening time (default 09:00)")
    .option("--closing <HH:MM>", "closing time (default 22:00)")
    .option("--images <urls>", "image URLs, comma-separated")
    .option("--active", "active (default for new venues)")
    .option("--no-active", "inactive")
    .option("--json", "print JSON");
}

export const registerVenues: Register = (program, run) => {
  const venues = program.command("venues").description("venues, their translations and images");
  venues
    .command("list")
    .description("list venues")
    .option("--search <text>", "part of the name, any language")
    .option("--min-price <amount>")
    .option("--max-price <amount>")
    .option("--inactive", "include inactive venues")
    .option("--page <n>")
    .option("--json", "print JSON")
    .action((o) => run((ctx) => listVenuesAction(ctx, o)));
  venues
    .command("show <id>")
    .description("one venue, all three languages side by side")
    .option("--json", "print JSON")
    .action((id, o) => run((ctx) => showVenueAction(ctx, id, o)));
  venueOptions(venues.command("create").description("create a venue (asks for what is missing on a terminal)")).action((o) =>
    run((ctx) => createVenueAction(ctx, o)),
  );
  venueOptions(venues.command("update <id>").description("change the given fields of a venue")).action((id, o) =>
    run((ctx) => updateVenueAction(ctx, id, o)),
  );
  venues
    .command("delete <id>")
    .description("deactivate a venue (soft delete)")
    .option("--yes", "do not ask")
    .action((id, o) => run((ctx) => deleteVenueAction(ctx, id, o)));
  venues
    .command("translate <id>")
    .description("set one language's texts")
    .option("--lang <lang>", "uz, ru or en")
    .option("--name <text>")
    .option("--address <text>")
    .option("--description <text>")
    .option("--amenities <list>", "comma-separated, in the order of the Russian ones")
    .option("--json", "print JSON")
    .action((id, o) => run((ctx) => translateVenueAction(ctx, id, o)));
  const images = venues.command("images").description("add or remove image URLs");
  images
    .command("add <id> <url...>")
    .option("--json", "print JSON")
    .action((id, urls, o) => run((ctx) => imagesAction(ctx, "add", id, urls, o)));
  images
    .command("remove <id> <url...>")
    .option("--json", "print JSON")
    .action((id, urls, o) => run((ctx) => imagesAction(ctx, "remove", id, urls, o)));
  venues
    .command("availability <id>")
    .description("the day's slots as a row of free/taken cells")
    .option("--date <YYYY-MM-DD>")
    .option("--json", "print JSON")
    .action((id, o) => run((ctx) => availabilityAction(ctx, id, o)));
};
