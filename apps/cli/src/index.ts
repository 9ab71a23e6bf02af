export { createProgram, runProgram } from "./program.ts";
export type { ProgramIo } from "./program.ts";
export { createContext } from "./context.ts";
export { createOutput } from "./output.ts";
export { scriptedPrompter } from "./prompts.ts";
export { EXIT } from "./exit-codes.ts";
