/** The verdict badge of the HTML report: the verdict as a word on a coloured pill, never colour alone. */
import { escapeXml } from '../escape.js';

/** `<span class="badge fail">FAIL</span>` for PASS, FAIL, INCONCLUSIVE or WARN. */
export function badge(text: string): string {
  return `<span class="badge ${escapeXml(text.toLowerCase())}">${escapeXml(text)}</span>`;
}
