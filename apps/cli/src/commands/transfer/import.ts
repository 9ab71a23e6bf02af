// import venues <file.json|file.csv> [--dry-run] [--atomic]: create or update venues through the API.
// A row updates the venue with its id, else the one with its slug, else creates one, so a file (or
// an export) imported twice changes nothing the second time. The report lists the problem rows.
import { VenueImportResultSchema, VenueImportRowSchema } from "@venue-booking/contract";
import type { VenueImportResult, VenueImportRow } from "@venue-booking/contract";
import { Command } from "commander";
import type { CliContext } from "../../context.ts";
import { CliError, describeIssues, UsageError } from "../../errors.ts";
import { EXIT } from "../../exit-codes.ts";
import { t } from "../../i18n.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";
import { callerDir, callerPath } from "./paths.ts";
import { readRows } from "./read-rows.ts";
import type { FileRow } from "./read-rows.ts";

type ImportResult = "created" | "updated" | "unchanged" | "failed" | "invalid" | "skipped";
/** One row of the file: `row` counts its records from 1, `line` is where it starts in the file. */
export type ImportRow = { row: number; line: number; name: string; result: ImportResult; id?: number; message?: string };
export type ImportOptions = {
  dryRun?: boolean;
  atomic?: boolean;
  /** The directory a relative file name is read from (the caller's). */
  cwd?: string;
  /** Aborted (Ctrl-C): no further rows are sent, and the report says how far it got. */
  signal?: AbortSignal;
};

/** Rows per request without --atomic: a Ctrl-C waits for at most this many. */
const CHUNK_ROWS = 25;
/** The API reads bodies up to 1 MB. */
const MAX_BODY_BYTES = 1_000_000;
const MAX_ATOMIC_ROWS = 1000;

type Pending = { at: number; body: VenueImportRow };

function nameOf(r: FileRow): string {
  const name = "data" in r ? r.data.name : undefined;
  const ru = name !== null && typeof name === "object" ? (name as { ru?: unknown }).ru : undefined;
  return typeof ru === "string" ? ru : "";
}

/** Requests of at most CHUNK_ROWS rows and MAX_BODY_BYTES each. */
function chunksOf(rows: Pending[]): Pending[][] {
  const out: Pending[][] = [];
  let cur: Pending[] = [];
  let size = 0;
  for (const r of rows) {
    const bytes = Buffer.byteLength(JSON.stringify(r.body)) + 1;
    if (cur.length && (cur.length >= CHUNK_ROWS || size + bytes > MAX_BODY_BYTES - 100)) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(r);
    size += bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

function send(ctx: CliContext, rows: Pending[], o: { atomic: boolean; dryRun: boolean }): Promise<VenueImportResult> {
  return ctx.api.post(
    "/api/admin/venues/import/",
    { rows: rows.map((r) => r.body), atomic: o.atomic, dry_run: o.dryRun },
    VenueImportResultSchema,
  );
}

/** The report of every row read; a failure when any row was invalid or refused, or the import was interrupted. */
export async function importVenuesAction(ctx: CliContext, file: string, o: ImportOptions): Promise<Outcome<ImportRow[]>> {
  const fileRows = readRows(callerPath(file, o.cwd), file);
  const dryRun = o.dryRun === true;
  const atomic = o.atomic === true;
  const report: (ImportRow | undefined)[] = fileRows.map(() => undefined);
  const at = (i: number, result: ImportResult, extra: { id?: number; message?: string } = {}) => {
    const r = fileRows[i];
    if (r) report[i] = { row: r.row, line: r.line, name: nameOf(r), result, ...extra };
  };

  const pending: Pending[] = [];
  for (const [i, r] of fileRows.entries()) {
    if ("problem" in r) {
      at(i, "invalid", { message: r.problem });
      continue;
    }
    const parsed = VenueImportRowSchema.safeParse(r.data);
    if (parsed.success) pending.push({ at: i, body: parsed.data });
    else at(i, "invalid", { message: describeIssues(parsed.error.issues, t(ctx.lang, "what.row"), ctx.lang, r.data) });
  }

  const record = (rows: Pending[], answer: VenueImportResult) => {
    for (const res of answer.results) {
      const p = rows[res.index];
      if (!p) continue;
      const message = res.message === undefined ? undefined : `${res.message} [${res.code ?? ""}]`;
      at(p.at, res.result, { ...(res.id === undefined ? {} : { id: res.id }), ...(message ? { message } : {}) });
    }
  };

  let notCommitted = false;
  /** The first row not sent after an interruption, and its line. */
  let stoppedAt: { at: number; line: number } | undefined;
  if (atomic) {
    const invalid = report.some((r) => r?.result === "invalid");
    if (pending.length > MAX_ATOMIC_ROWS)
      throw new UsageError(t(ctx.lang, "import.atomicTooMany", { max: MAX_ATOMIC_ROWS, n: pending.length }));
    if (invalid) {
      notCommitted = true;
      for (const p of pending) at(p.at, "skipped", { message: "not imported: other rows are invalid (--atomic)" });
    } else if (pending.length) {
      const body = JSON.stringify(pending.map((p) => p.body));
      if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw new UsageError(t(ctx.lang, "import.atomicTooLarge"));
      ctx.out.progress(t(ctx.lang, "import.progressAtomic", { n: pending.length }));
      const answer = await send(ctx, pending, { atomic: true, dryRun });
      record(pending, answer);
      if (!answer.committed && !dryRun) {
        notCommitted = true;
        for (const [i, r] of report.entries()) {
          if (r && r.result !== "failed" && r.result !== "invalid")
            at(i, "skipped", { message: "not imported: another row failed (--atomic)" });
        }
      }
    }
  } else {
    let done = 0;
    for (const chunk of chunksOf(pending)) {
      if (o.signal?.aborted) {
        const first = chunk[0]?.at ?? 0;
        stoppedAt = { at: first, line: fileRows[first]?.line ?? 0 };
        break;
      }
      ctx.out.progress(t(ctx.lang, "import.progress", { done, total: pending.length }));
      record(chunk, await send(ctx, chunk, { atomic: false, dryRun }));
      done += chunk.length;
    }
  }
  ctx.out.progress("");

  // After an interruption the rows from the first one not sent are left out: they were not read by the API.
  const rows = report.filter((r, i): r is ImportRow => r !== undefined && (stoppedAt === undefined || i < stoppedAt.at));
  const count = (result: ImportResult) => rows.filter((r) => r.result === result).length;
  const bad = count("invalid") + count("failed");
  const unkeyed = dryRun ? 0 : pending.filter((p) => p.body.id === undefined && !p.body.slug && report[p.at]?.result === "created").length;

  const summary = () => {
    const l = ctx.lang;
    const parts = [
      t(l, dryRun ? "import.wouldCreate" : "import.created", { n: count("created") }),
      t(l, dryRun ? "import.wouldUpdate" : "import.updated", { n: count("updated") }),
      t(l, dryRun ? "import.wouldStay" : "import.unchanged", { n: count("unchanged") }),
      t(l, "import.failed", { n: bad }),
    ];
    if (count("skipped")) parts.push(t(l, "import.skipped", { n: count("skipped") }));
    return t(l, "import.summary", { rows: rows.length, parts: parts.join(", ") });
  };
  let failure: CliError | undefined;
  if (stoppedAt !== undefined) {
    failure = new CliError(t(ctx.lang, "import.interrupted", { line: stoppedAt.line }), EXIT.INTERRUPTED);
  } else if (notCommitted) failure = new CliError(t(ctx.lang, "import.nothingImported"));
  else if (bad) failure = new CliError(t(ctx.lang, "import.notImported", { n: bad }));

  return outcome(
    rows,
    (out) => {
      const c = out.color;
      const problems = rows.filter((r) => r.result === "invalid" || r.result === "failed");
      if (problems.length) {
        out.table(
          [t(ctx.lang, "col.line"), t(ctx.lang, "col.venue"), t(ctx.lang, "col.result"), t(ctx.lang, "col.details")],
          problems.map((r) => [r.line, r.name, c.red(r.result), r.message ?? ""]),
        );
      }
      out.line(dryRun ? t(ctx.lang, "import.dryRun", { summary: summary() }) : summary());
      if (unkeyed) out.note(t(ctx.lang, "import.unkeyed", { n: unkeyed }));
    },
    failure,
  );
}

export function importVenuesCommand(run: Runner): Command {
  return new Command("venues")
    .argument("<file>", "a JSON array of venues (API create bodies, with id or slug to update) or a CSV file")
    .description("create or update venues from a file: by id, else by slug, else new; a report of the problem rows")
    .option("--dry-run", "say what would happen and write nothing")
    .option("--atomic", "import every row or, if any fails, none")
    .option("--json", "print the report of every row as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin import venues venues.csv --dry-run\n  venue-admin import venues export.json --atomic\n\n" +
        "CSV: a header row (any case) of id,slug,name_ru,…,is_active; cells separated by , or ;. Ctrl-C stops after the\n" +
        "rows in flight and reports what was done (exit code 130); import the file again to finish.",
    )
    .action((file: string, o: ImportOptions & { json?: boolean }) =>
      run(async (ctx) => {
        // The first Ctrl-C lets the rows in flight finish and reports; a second one leaves at once.
        const stop = new AbortController();
        const onInterrupt = () => {
          if (stop.signal.aborted) process.exit(EXIT.INTERRUPTED);
          stop.abort();
        };
        process.on("SIGINT", onInterrupt);
        try {
          return await importVenuesAction(ctx, file, { ...o, cwd: callerDir(process.env, process.cwd()), signal: stop.signal });
        } finally {
          process.off("SIGINT", onInterrupt);
        }
      }, o),
    );
}
