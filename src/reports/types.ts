import type { RunResult } from '../types.js';

/** Every report format; `human` is for terminals only, the others also go to `--report` files. */
export type ReportFormat = 'human' | 'json' | 'junit' | 'markdown' | 'html';

/** What the CLI decides for the reporters; only the human reporter reads them. */
export interface RenderOptions {
  color: boolean;
  /**
   * Unicode sparklines and ellipses in the human report, else ASCII (decideUnicode() in
   * terminal-charset.ts). Optional while callers are wired; absent means ASCII, which every
   * terminal shows.
   */
  unicode?: boolean;
}

/**
 * A reporter: a pure function from a run's result to the text of one report.
 * To add one, write `src/reports/<format>.ts`, add its name to ReportFormat and register it in
 * `index.ts` (the registry is a `Record<ReportFormat, Renderer>`, so a missing one fails to compile).
 */
export type Renderer = (result: RunResult, options: RenderOptions) => string;
