// The venue-admin entry: real terminal, real prompts, real exit code.
import { createOutput } from "./output.ts";
import { createProgram, runProgram } from "./program.ts";
import { inquirerPrompter } from "./prompts.ts";
import { spinnerFor } from "./spinner.ts";

// A reader that stops early (`export venues | head -1`) closes the pipe: stop quietly, as cat does.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(0);
});

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const io = {
  env: process.env,
  out: createOutput({
    write: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns,
    env: process.env,
  }),
  writeErr: (s: string) => process.stderr.write(s),
  prompter: inquirerPrompter,
  interactive,
  spinner: spinnerFor({ isTTY: Boolean(process.stderr.isTTY), write: (s) => process.stderr.write(s) }, process.env),
  setExitCode: (code: number) => {
    process.exitCode = code;
  },
};
await runProgram(createProgram(io), process.argv.slice(2), io);
