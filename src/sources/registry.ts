/**
 * The source types, one line each. A new type is a folder under src/sources/<type>/ exporting a
 * `SourceKind` (source-kind.ts) and a line here; the order is the order of the README reference,
 * of `init --source` and of the check keys in the JSON Schema.
 */
import { httpKind } from './http/kind.js';
import { logsKind } from './logs/kind.js';
import { prometheusKind } from './prometheus/kind.js';
import { scrapeKind } from './scrape/kind.js';
import type { SourceKind } from './source-kind.js';

export const SOURCE_KINDS: readonly SourceKind[] = [prometheusKind, httpKind, scrapeKind, logsKind];
