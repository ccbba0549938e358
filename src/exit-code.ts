/** Exit codes of the interface (README, "Exit codes"); only src/cli/ sets the process's. */
export const ExitCode = {
  pass: 0,
  fail: 1,
  usage: 2,
  inconclusive: 3,
  internal: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
