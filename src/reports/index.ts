/** The reporters by format, and the format a `--report` path asks for. */
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import type { RunResult } from '../types.js';
import { renderHtml } from './html/render-html.js';
import { renderHuman } from './human.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RenderOptions, Renderer, ReportFormat } from './types.js';

export type { RenderOptions, Renderer, ReportFormat } from './types.js';

/** One renderer per format; `satisfies` makes a format without a renderer a compile error. */
export const renderers = {
  human: (result, options) => renderHuman(result, options),
  json: (result) => renderJson(result),
  junit: (result) => renderJunit(result),
  markdown: (result) => renderMarkdown(result),
  html: (result) => renderHtml(result),
} satisfies Record<ReportFormat, Renderer>;

/** Report file extensions (lower case) and their formats; `human` has none, it is for terminals. */
const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = {
  '.json': 'json',
  '.xml': 'junit',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** The formats `run --format` may print on stdout (html is for files only). */
export const STDOUT_FORMATS = ['human', 'json', 'junit', 'markdown'] as const satisfies readonly ReportFormat[];
export type StdoutFormat = (typeof STDOUT_FORMATS)[number];

/** Render the run in the given format. */
export function renderReport(format: ReportFormat, result: RunResult, options: RenderOptions): string {
  return renderers[format](result, options);
}

/** The format a report path asks for by its extension; a UsageError names the path otherwise. */
export function formatForPath(path: string): ReportFormat {
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new UsageError(
      `cannot tell the format of the report "${path}" from its extension: use .json, .xml (JUnit), .md (Markdown) or .html`,
    );
  }
  return format;
}
