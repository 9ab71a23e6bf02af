// What the CLI prints: tables for people, exact JSON for scripts; colour only on a TTY without NO_COLOR.
import Table from "cli-table3";

export type Output = {
  json: (value: unknown) => void;
  line: (text: string) => void;
  table: (head: string[], rows: (string | number)[][]) => void;
  /** Progress for long operations, on stderr and only on a TTY. */
  progress: (text: string) => void;
  color: Colors;
};

type Colors = { green: (s: string) => string; red: (s: string) => string; dim: (s: string) => string; bold: (s: string) => string };

function colors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { green: wrap(32, 39), red: wrap(31, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export function createOutput(opts: {
  write: (s: string) => void;
  writeErr: (s: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}): Output {
  const colorOn = opts.isTTY && !("NO_COLOR" in opts.env && opts.env.NO_COLOR !== undefined);
  const c = colors(colorOn);
  return {
    json: (value) => opts.write(`${JSON.stringify(value, null, 2)}\n`),
    line: (text) => opts.write(`${text}\n`),
    table: (head, rows) => {
      const t = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] } });
      t.push(...rows.map((r) => r.map(String)));
      opts.write(`${t.toString()}\n`);
    },
    progress: (text) => {
      if (opts.isTTY) opts.writeErr(`\r\x1b[K${text}`);
    },
    color: c,
  };
}
