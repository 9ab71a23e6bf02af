// The venue-admin entry: real terminal, real prompts, real exit code.
import { createOutput } from "./output.ts";
import { createProgram, runProgram } from "./program.ts";
import { inquirerPrompter } from "./prompts.ts";

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const io = {
  env: process.env,
  out: createOutput({
    write: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }),
  writeErr: (s: string) => process.stderr.write(s),
  prompter: inquirerPrompter,
  interactive,
  setExitCode: (code: number) => {
    process.exitCode = code;
  },
};
await runProgram(createProgram(io), process.argv.slice(2), io);
