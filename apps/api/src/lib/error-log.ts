// The fields an error log line carries, shared by request errors and background jobs.
/**
 * What the log says about an error: for a database error its code (SQLSTATE) and message, for a
 * network error its code and message, otherwise the stack. A failed query's own message holds the
 * SQL and every parameter value (phones, names), so it is never told.
 */
export function errorLogFields(err: Error): Record<string, unknown> {
  const chain: Error[] = [];
  for (let cur: unknown = err; cur instanceof Error && chain.length < 4; cur = cur.cause) chain.push(cur);
  for (const e of chain) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (!/^[0-9A-Z]{5}$/.test(code)) return { error_code: code, error: e.message };
    // Data exceptions (class 22) quote the offending value ('invalid input syntax for type integer:
    // "+998..."'), which may be a phone or a token: the quoted parts are left out of the log.
    return { db_code: code, db_message: code.startsWith("22") ? e.message.replace(/"[^"]*"|'[^']*'/g, '"…"') : e.message };
  }
  if (chain.some((e) => e.message.startsWith("Failed query:"))) return { error: "a query failed" };
  return { error: err.stack ?? err.message };
}
