// Questions to a person. The real ones use @inquirer/prompts, loaded only when a question is
// actually asked (so `--help` and scripted runs never load it); tests pass scripted answers.
import type { CliContext } from "./context.ts";
import { UsageError } from "./errors.ts";
import { t } from "./i18n.ts";
import type { MessageKey } from "./i18n.ts";

export type Choice<T extends string> = { value: T; name: string };
type Validate = (v: string) => true | string;
/** A checkbox's choices, some marked to start with, and a check of what was marked. */
type CheckboxOptions<T extends string> = {
  message: string;
  choices: (Choice<T> & { checked?: boolean })[];
  validate?: (chosen: T[]) => true | string;
};

export type Prompter = {
  input(opts: { message: string; default?: string; validate?: Validate }): Promise<string>;
  secret(opts: { message: string; validate?: Validate }): Promise<string>;
  select<T extends string>(opts: { message: string; choices: Choice<T>[] }): Promise<T>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** Several of the choices (space marks one, enter ends). */
  checkbox<T extends string>(opts: CheckboxOptions<T>): Promise<T[]>;
};

const inquirer = () => import("@inquirer/prompts");

export const inquirerPrompter: Prompter = {
  input: async (o) =>
    (await inquirer()).input({
      message: o.message,
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.validate ? { validate: o.validate } : {}),
    }),
  secret: async (o) => (await inquirer()).password({ message: o.message, mask: "*", ...(o.validate ? { validate: o.validate } : {}) }),
  select: async (o) => (await inquirer()).select({ message: o.message, choices: o.choices }),
  confirm: async (o) => (await inquirer()).confirm({ message: o.message, ...(o.default !== undefined ? { default: o.default } : {}) }),
  checkbox: async <T extends string>(o: CheckboxOptions<T>) => {
    const validate = o.validate;
    return (await inquirer()).checkbox({
      message: o.message,
      choices: o.choices,
      ...(validate ? { validate: (chosen: readonly { value: T }[]) => validate(chosen.map((c) => c.value)) } : {}),
    });
  },
};

/** The flag's value, or (with a person at the terminal) the answer to a question; otherwise a usage error. */
export async function need(
  ctx: CliContext,
  value: string | undefined,
  flag: string,
  question: string,
  validate?: Validate,
): Promise<string> {
  if (value !== undefined && value !== "") return value;
  if (!ctx.interactive) throw new UsageError(t(ctx.lang, "usage.missing", { flag }));
  return ctx.prompter.input({ message: question, ...(validate ? { validate } : {}) });
}

/** With a person at the terminal, an optional value the flags did not give (empty answer: none). */
export async function maybe(
  ctx: CliContext,
  value: string | undefined,
  question: string,
  validate?: Validate,
): Promise<string | undefined> {
  if (value !== undefined || !ctx.interactive) return value;
  return (await ctx.prompter.input({ message: question, default: "", ...(validate ? { validate } : {}) })) || undefined;
}

/**
 * Whether a destructive or privilege change should be confirmed first: not with --yes; with a
 * person at the terminal, yes; with nobody there to ask, a usage error before anything is sent.
 */
export function mustConfirm(ctx: CliContext, yes: boolean | undefined, what: MessageKey): boolean {
  if (yes) return false;
  if (!ctx.interactive) throw new UsageError(t(ctx.lang, "refuse.withoutYes", { what: t(ctx.lang, what) }));
  return true;
}

/** Asks a yes/no question whose safe answer, the default, is no. */
export function confirmed(ctx: CliContext, question: string): Promise<boolean> {
  return ctx.prompter.confirm({ message: question, default: false });
}

/** Answers in order, for tests and scripted runs (a checkbox's as "a,b", "" for none); asking more than given is an error. */
export function scriptedPrompter(answers: (string | boolean)[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`unexpected question: ${message}`);
    return answer;
  };
  // Answers arrive as promises, as a person's do; a wrong answer is a rejection.
  const later = <T>(answer: () => T) => new Promise<T>((resolve) => resolve(answer()));
  return {
    asked,
    input: (o) =>
      later(() => {
        const v = String(next(o.message));
        const answer = v === "" && o.default !== undefined ? o.default : v;
        const ok = o.validate?.(answer) ?? true;
        if (ok !== true) throw new Error(`invalid answer to "${o.message}": ${ok}`);
        return answer;
      }),
    secret: (o) => later(() => String(next(o.message))),
    select: <T extends string>(o: { message: string; choices: Choice<T>[] }) =>
      later(() => {
        const v = String(next(o.message));
        if (!o.choices.some((c) => c.value === v)) throw new Error(`"${v}" is not a choice of "${o.message}"`);
        return v as T;
      }),
    confirm: (o) => later(() => Boolean(next(o.message))),
    checkbox: <T extends string>(o: CheckboxOptions<T>) =>
      later(() => {
        const chosen = String(next(o.message))
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const wrong = chosen.find((v) => !o.choices.some((c) => c.value === v));
        if (wrong !== undefined) throw new Error(`"${wrong}" is not a choice of "${o.message}"`);
        const ok = o.validate?.(chosen as T[]) ?? true;
        if (ok !== true) throw new Error(`invalid answer to "${o.message}": ${ok}`);
        return chosen as T[];
      }),
  };
}
