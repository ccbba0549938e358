/** Small SVG-writing helpers for the HTML report's charts: coordinates, percentages, escaped text. */
import { escapeXml } from '../../escape.js';

/** A coordinate to at most two decimals: enough for a screen, short in the file. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A share of the plot width (0..1) as an SVG percentage, clamped so stray times stay on the chart. */
export function percent(share: number): string {
  return `${coord(Math.min(1, Math.max(0, share)) * 100)}%`;
}

/** An SVG <text> element; the content is escaped (labels and check names are untrusted). */
export function svgText(x: string, y: number, content: string, attributes = ''): string {
  return `<text x="${x}" y="${coord(y)}"${attributes === '' ? '' : ` ${attributes}`}>${escapeXml(content)}</text>`;
}

/** The accessible name and description every chart starts with (the SVG has role="img"). */
export function svgLabel(title: string, description: string): string {
  return `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`;
}
