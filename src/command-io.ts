/** What a command may touch of the process: streams, environment, clock. Tests pass their own. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Resolves once what was written to stdout is out; rejects when stdout failed (a full disk), for
   * a command whose output on stdout is the product itself (`init --out -`). Absent in tests.
   */
  flushStdout?: () => Promise<void>;
  env: Record<string, string | undefined>;
  /** Unix seconds. */
  now: () => number;
  /** Whether stderr is an interactive terminal (progress lines may be rewritten in place). */
  stderrIsTTY: boolean;
  /** The terminal's width when stderr is one, so a progress line rewritten in place fits on a row. */
  stderrColumns?: number;
  /** Whether the human report may use colour. */
  color: boolean;
  /** Whether the human report may draw Unicode (sparklines); else ASCII. */
  unicode: boolean;
  /** Aborted on SIGINT / SIGTERM. */
  signal: AbortSignal;
  /**
   * Runs a command (argv, no shell) with its output handed to `onOutput`, passing SIGINT and
   * SIGTERM on to it while it runs. Only the CLI provides it (src/cli/child-runner.ts).
   */
  runChild?: RunChild;
}

/** How a child command ended; times are unix seconds. */
export interface ChildOutcome {
  startedAt: number;
  endedAt: number;
  exitCode: number | null;
  signal: string | null;
  /** Why it could not start (e.g. `spawn ./deploy.sh ENOENT`). */
  error?: string;
  /** The signal the wrapper received and passed on while the child ran. */
  interruptedBy?: string;
}

export type RunChild = (argv: readonly string[], onOutput: (text: string) => void) => Promise<ChildOutcome>;
