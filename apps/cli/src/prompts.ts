// Questions to a person. The real ones use @inquirer/prompts; tests pass scripted answers.
import { confirm, input, password, select } from "@inquirer/prompts";

export type Choice<T extends string> = { value: T; name: string };

export type Prompter = {
  input(opts: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  secret(opts: { message: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T extends string>(opts: { message: string; choices: Choice<T>[] }): Promise<T>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
};

export const inquirerPrompter: Prompter = {
  input: (o) => input({ message: o.message, ...(o.default !== undefined ? { default: o.default } : {}), ...(o.validate ? { validate: o.validate } : {}) }),
  secret: (o) => password({ message: o.message, mask: "*", ...(o.validate ? { validate: o.validate } : {}) }),
  select: (o) => select({ message: o.message, choices: o.choices }),
  confirm: (o) => confirm({ message: o.message, ...(o.default !== undefined ? { default: o.default } : {}) }),
};

/** Answers in order, for tests and scripted runs; asking more than given is an error. */
export function scriptedPrompter(answers: (string | boolean)[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`unexpected question: ${message}`);
    return queue.shift()!;
  };
  return {
    asked,
    input: async (o) => {
      const v = String(next(o.message));
      const answer = v === "" && o.default !== undefined ? o.default : v;
      const ok = o.validate?.(answer) ?? true;
      if (ok !== true) throw new Error(`invalid answer to "${o.message}": ${ok}`);
      return answer;
    },
    secret: async (o) => String(next(o.message)),
    select: async <T extends string>(o: { message: string; choices: Choice<T>[] }) => {
      const v = String(next(o.message));
      if (!o.choices.some((c) => c.value === v)) throw new Error(`"${v}" is not a choice of "${o.message}"`);
      return v as T;
    },
    confirm: async (o) => Boolean(next(o.message)),
  };
}
