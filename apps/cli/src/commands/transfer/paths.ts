// File paths typed by the person: relative to the directory they ran the command in. Under
// `pnpm admin` the process runs inside apps/cli, and pnpm names the caller's directory in INIT_CWD.
import { isAbsolute, resolve } from "node:path";

export function callerDir(env: Record<string, string | undefined>, cwd: string): string {
  const init = env.INIT_CWD;
  return init && isAbsolute(init) ? init : cwd;
}

export function callerPath(file: string, dir: string | undefined): string {
  return isAbsolute(file) || dir === undefined ? file : resolve(dir, file);
}
