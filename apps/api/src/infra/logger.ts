// A small structured logger: one JSON object a line in production, a readable line in development.
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

/**
 * Lines for stdout, written in batches: one write per turn of the event loop instead of one per
 * line (a write to a pipe or file is a blocking system call, a measurable cost per request).
 * Everything pending is written synchronously when the process exits.
 */
export function bufferedStdout(): (line: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = `${pending.join("\n")}\n`;
    pending = [];
    process.stdout.write(chunk);
  };
  process.on("exit", flush);
  return (line) => {
    pending.push(line);
    if (pending.length >= 512) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}

export function createLogger(opts: { level: LogLevel; pretty: boolean; write?: (line: string) => void }): Logger {
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log =
    (level: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < ORDER[opts.level]) return;
      if (opts.pretty) {
        const extra = Object.entries(fields)
          .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(" ");
        write(`${new Date().toISOString().slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${msg}${extra ? ` ${extra}` : ""}`);
      } else {
        write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
      }
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = createLogger({ level: "silent", pretty: true });
