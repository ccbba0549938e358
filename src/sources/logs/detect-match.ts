/**
 * What `deploy.detect.match` on a logs source stands for: a selector over the line's fields when it
 * starts with `{` (`{msg=~"deployed version .*"}`, as in checks), else a regex searched anywhere in
 * the raw line. Read once by the spec loader (rules.ts: errors at their line and column) and again
 * by detection (deploy-marks.ts), so the two can never disagree on what is valid.
 */
import { ExpressionError } from '../../fields/text-cursor.js';
import { parseSelector, type Selector } from './selector.js';

export type DetectMatch = { kind: 'selector'; selector: Selector } | { kind: 'regex'; regex: RegExp };

/** The match read; an ExpressionError (offset into `match` as written) when it cannot be. */
export function parseDetectMatch(match: string): DetectMatch {
  const lead = match.length - match.trimStart().length;
  const text = match.trim();
  if (text.startsWith('{')) {
    try {
      return { kind: 'selector', selector: parseSelector(text) };
    } catch (error) {
      if (error instanceof ExpressionError) throw new ExpressionError(error.message, error.offset + lead);
      throw error;
    }
  }
  try {
    return { kind: 'regex', regex: new RegExp(text) };
  } catch (error) {
    // JavaScript's messages do not say where; the column is the regex's start.
    if (error instanceof SyntaxError) throw new ExpressionError(error.message, lead);
    throw error;
  }
}
