import type { Command } from "commander";
import type { CliContext } from "../context.ts";

/** Runs an action with the context built from the global options, handling its errors. */
export type Runner = (action: (ctx: CliContext) => Promise<unknown>) => Promise<void>;
export type Register = (program: Command, run: Runner) => void;
