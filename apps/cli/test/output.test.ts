// What a person sees on a terminal and what a pipe gets: colour per stream, tables that fit, money
// and times as staff read them. No server: the output alone.
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { createOutput, formatLocal, formatMoney, money } from "../src/output.ts";

function capture(opts: { isTTY: boolean; errIsTTY?: boolean; columns?: number; env?: Record<string, string | undefined> }) {
  const out: string[] = [];
  const err: string[] = [];
  const output = createOutput({ write: (s) => out.push(s), writeErr: (s) => err.push(s), env: {}, ...opts });
  return { output, stdout: () => out.join(""), stderr: () => err.join("") };
}

const ESC = "\u001b[";

describe("colour and progress", () => {
  it("follow the stream they are written to, not stdout", () => {
    const piped = capture({ isTTY: false, errIsTTY: true });
    expect(piped.output.color.red("x")).toBe("x");
    expect(piped.output.errColor.red("x")).toContain(ESC);
    piped.output.progress("importing 1/2");
    expect(piped.stderr()).toContain("importing 1/2");

    const errPiped = capture({ isTTY: true, errIsTTY: false });
    expect(errPiped.output.color.red("x")).toContain(ESC);
    expect(errPiped.output.errColor.red("x")).toBe("x");
    errPiped.output.progress("importing 1/2");
    expect(errPiped.stderr()).toBe("");
  });

  it("are off with a non-empty NO_COLOR and with TERM=dumb, and on with an empty NO_COLOR", () => {
    const on = (env: Record<string, string | undefined>) => capture({ isTTY: true, errIsTTY: true, env }).output;
    expect(on({}).color.green("x")).toContain(ESC);
    expect(on({ NO_COLOR: "" }).color.green("x")).toContain(ESC);
    expect(on({ NO_COLOR: "" }).errColor.green("x")).toContain(ESC);
    expect(on({ NO_COLOR: "1" }).color.green("x")).toBe("x");
    expect(on({ NO_COLOR: "1" }).errColor.green("x")).toBe("x");
    expect(on({ TERM: "dumb" }).color.green("x")).toBe("x");
    expect(on({ TERM: "dumb" }).errColor.green("x")).toBe("x");
    expect(on({ TERM: "xterm-256color" }).color.green("x")).toContain(ESC);
  });
});

describe("tables", () => {
  const head = ["ID", "Name", "Price/h"];
  const rows = [
    [7, "Стадион «Пахтакор» с очень длинным названием для проверки переноса строк", money("1500000")],
    [12, "Поле", money("99.5")],
  ];

  it("fit the terminal's width, wrapping long text, with money right-aligned, grouped and in UZS", () => {
    const { output, stdout } = capture({ isTTY: true, columns: 50, env: { NO_COLOR: "1" } });
    output.table(head, rows);
    const lines = stdout().trimEnd().split("\n");
    for (const l of lines) expect([...stripVTControlCharacters(l)].length, l).toBeLessThanOrEqual(50);
    const text = stdout();
    expect(text).toContain("1\u00a0500\u00a0000.00\u00a0UZS");
    expect(text).toContain("переноса");
    // right-aligned: the short amount ends where the long one does
    const priceEnd = (needle: string) => {
      const line = lines.find((l) => l.includes(needle))!;
      return line.indexOf(needle) + needle.length;
    };
    expect(priceEnd("99.50\u00a0UZS")).toBe(priceEnd("1\u00a0500\u00a0000.00\u00a0UZS"));
  });

  it("are plain tab-separated lines, amounts exact, when stdout is not a terminal", () => {
    const { output, stdout } = capture({ isTTY: false, columns: 20 });
    output.table(head, [...rows, [13, "Tab\there\nand a line", money("5")]]);
    expect(stdout()).toBe(
      "ID\tName\tPrice/h\n" +
        "7\tСтадион «Пахтакор» с очень длинным названием для проверки переноса строк\t1500000\n" +
        "12\tПоле\t99.5\n" +
        "13\tTab here and a line\t5\n",
    );
  });

  it("say so when there is nothing to show instead of drawing an empty frame", () => {
    const tty = capture({ isTTY: true, env: { NO_COLOR: "1" } });
    tty.output.table(head, [], { empty: "no venues match" });
    expect(tty.stdout()).toBe("no venues match\n");
    const piped = capture({ isTTY: false });
    piped.output.table(head, [], { empty: "no venues match" });
    expect(piped.stdout()).toBe("");
    expect(piped.stderr()).toBe("no venues match\n");
  });

  it("leave remarks such as page counts out of piped output", () => {
    const piped = capture({ isTTY: false });
    piped.output.note("3 venue(s), page 1 of 1");
    expect(piped.stdout()).toBe("");
    const tty = capture({ isTTY: true, env: { NO_COLOR: "1" } });
    tty.output.note("3 venue(s), page 1 of 1");
    expect(tty.stdout()).toBe("3 venue(s), page 1 of 1\n");
  });
});

describe("money and time", () => {
  it("groups thousands and names the currency", () => {
    expect(formatMoney("150000.00")).toBe("150\u00a0000.00\u00a0UZS");
    expect(formatMoney("999")).toBe("999.00\u00a0UZS");
    expect(formatMoney("10000000.5")).toBe("10\u00a0000\u00a0000.50\u00a0UZS");
  });

  it("shows an instant on the venue's clock (Tashkent), not in UTC", () => {
    expect(formatLocal("2026-11-21T22:06:27Z")).toBe("2026-11-22 03:06");
    expect(formatLocal("2026-11-21T22:06:27Z", "UTC")).toBe("2026-11-21 22:06");
  });
});
