/** Escaping for the text formats the reporters write; label values come from servers and are untrusted. */
import { codeEscape, sanitizeText } from '../sanitize-text.js';

// Characters XML 1.0 forbids outright (a document containing them is not well-formed), and lone surrogates.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Escape text for XML or HTML element content and quoted attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, codeEscape).replace(/[&<>"'\n\r\t]/g, (ch) => XML_ENTITIES[ch] ?? ch);
}

/** Escape element content while keeping line breaks (for <pre> and <system-out>). */
export function escapeXmlMultiline(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeXml(line))
    .join('\n');
}

/** Escape free text for a Markdown table cell (CommonMark + GFM tables): no markup, no cell breaks. */
export function escapeMarkdown(text: string): string {
  // `<` and `&` only start markup before a tag or entity name; escaping just those keeps raw text readable.
  return sanitizeText(text).replace(/[\\`*_~[\]|#]|<(?=[A-Za-z/!?])|&(?=[A-Za-z#])/g, (ch) => `\\${ch}`);
}

/** Render text as a Markdown code span that survives backticks; `inTable` also escapes `|`. */
export function markdownCode(text: string, inTable: boolean): string {
  const safe = sanitizeText(text);
  const longestRun = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // GFM splits cells on `|` before parsing code spans, so the pipe is escaped even inside them.
  return `${fence} ${inTable ? safe.replace(/\|/g, '\\|') : safe} ${fence}`;
}
