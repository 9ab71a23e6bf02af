// Tab completion scripts, made from the command tree itself so they never fall behind it: at each
// level the subcommands, options and known values of the command typed so far.
import type { Command } from "commander";

export const SHELLS = ["bash", "zsh"] as const;
export type Shell = (typeof SHELLS)[number];

type Level = { path: string; words: string[] };

const shellWord = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function optionWords(cmd: Command): string[] {
  return cmd.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short, ...(o.argChoices ?? [])].filter((w): w is string => !!w));
}

/** Every command with what may follow it; the program's own options go with every level. */
function levels(program: Command): { levels: Level[]; valueOptions: string[] } {
  // --version only means something at the top; the other options of the program go anywhere.
  const global = [...optionWords(program).filter((w) => w !== "--version" && w !== "-V"), "-h", "--help"];
  const out: Level[] = [];
  const valueOptions = new Set<string>();
  const visit = (cmd: Command, path: string[]) => {
    for (const o of cmd.options) if (o.required || o.optional) for (const f of [o.long, o.short]) if (f) valueOptions.add(f);
    const subcommands = cmd.commands.map((c) => c.name());
    const own = optionWords(cmd);
    const choices = cmd.registeredArguments.flatMap((a) => a.argChoices ?? []);
    out.push({
      path: path.join(" "),
      words: [...new Set([...subcommands, ...(subcommands.length ? ["help"] : []), ...choices, ...own, ...global])],
    });
    for (const c of cmd.commands) visit(c, [...path, c.name()]);
  };
  visit(program, []);
  // `venue-admin help <command>`
  out.push({ path: "help", words: program.commands.map((c) => c.name()) });
  return { levels: out, valueOptions: [...valueOptions] };
}

function bashFunction(program: Command): string {
  const name = program.name();
  const fn = `_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
  const { levels: all, valueOptions } = levels(program);
  const groups = all.filter((l) => l.path !== "").map((l) => shellWord(l.path));
  return [
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" at="" word i offer=""',
    // A value is typed after these options: the shell's own completion (file names) takes over.
    `  case "$prev" in ${valueOptions.join("|")}) return 0 ;; esac`,
    "  for ((i = 1; i < COMP_CWORD; i++)); do",
    '    word="${COMP_WORDS[i]}"',
    `    case "$word" in ${valueOptions.join("|")}) i=$((i + 1)); continue ;; esac`,
    `    case "\${at:+$at }$word" in ${groups.join("|")}) at="\${at:+$at }$word" ;; esac`,
    "  done",
    '  case "$at" in',
    ...all.map((l) => `    ${shellWord(l.path)}) offer=${shellWord(l.words.join(" "))} ;;`),
    "  esac",
    '  COMPREPLY=($(compgen -W "$offer" -- "$cur"))',
    "}",
    `complete -o default -F ${fn} ${name}`,
  ].join("\n");
}

/** The script for `shell`, to be sourced: `source <(venue-admin completion bash)`. */
export function completionScript(program: Command, shell: Shell): string {
  const name = program.name();
  const head =
    shell === "bash"
      ? [`# bash completion for ${name}; in ~/.bashrc: source <(${name} completion bash)`]
      : [
          `# zsh completion for ${name}; in ~/.zshrc: source <(${name} completion zsh)`,
          "# zsh runs the bash completion through its bashcompinit.",
          "type compdef >/dev/null 2>&1 || { autoload -U +X compinit && compinit; }",
          "autoload -U +X bashcompinit && bashcompinit",
        ];
  return [...head, bashFunction(program)].join("\n");
}
