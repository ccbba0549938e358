/**
 * Fit a Markdown document into a length limit: GitHub refuses a PR comment (or an issue body)
 * longer than 65,536 characters, so a report that would pass it keeps its first parts whole and
 * ends with a note naming what was left out, instead of being refused or cut mid-table.
 */

/** GitHub's limit for a comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Room kept for the note that replaces what was cut. */
const NOTE_RESERVE = 400;

/** A piece of the document that is kept or left out whole; the flags say what the note counts. */
export interface MarkdownPart {
  text: string;
  /** A check's section (heading, reason, series table). */
  checkSection?: boolean;
  /** A row of the summary table. */
  summaryRow?: boolean;
}

function join(texts: string[]): string {
  return `${texts.join('\n').trimEnd()}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The note ending a cut document: how many summary rows and check sections are missing, and where they are. */
function describeCut(limit: number, omitted: readonly MarkdownPart[], total: readonly MarkdownPart[]): string {
  const sections = omitted.filter((p) => p.checkSection).length;
  const rows = omitted.filter((p) => p.summaryRow).length;
  const left = [
    rows > 0 ? `${plural(rows, 'row')} of the summary table` : '',
    sections > 0 ? `the details of ${sections} of ${plural(total.filter((p) => p.checkSection).length, 'check')}` : '',
  ].filter((part) => part !== '');
  const what = left.length > 0 ? left.join(' and ') : 'the end of the report';
  return `_Cut to fit GitHub's limit of ${limit.toLocaleString('en-US')} characters: ${what} left out. The JSON or HTML report (\`--report\`) has every check._`;
}

/** The parts joined by newlines, or as many whole parts as fit in `limit` followed by a note. */
export function fitMarkdown(parts: readonly MarkdownPart[], limit: number): string {
  const full = join(parts.map((p) => p.text));
  if (full.length <= limit) return full;
  const kept: string[] = [];
  let length = 0;
  let index = 0;
  for (; index < parts.length; index++) {
    const next = (parts[index] as MarkdownPart).text.length + 1;
    if (length + next + NOTE_RESERVE > limit) break;
    kept.push((parts[index] as MarkdownPart).text);
    length += next;
  }
  // A blank line first: the note must not become a row of a table that was cut short.
  return join([...kept, '', describeCut(limit, parts.slice(index), parts)]);
}
