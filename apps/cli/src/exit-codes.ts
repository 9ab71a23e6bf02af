// The process exit codes of venue-admin, by name: scripts branch on these.
export const EXIT = {
  OK: 0,
  /** The API or the network refused, or a command could not finish. */
  FAILURE: 1,
  /** A wrong command line: unknown command or option, missing or malformed value. */
  USAGE: 2,
  /** The person pressed Ctrl-C at a prompt. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
