/**
 * YAML text to a `yaml` Document, refusing what a spec never needs and an attacker might use:
 * aliases and anchors (alias bombs), unknown tags (the package only warns), prototype keys, and
 * duplicate keys. The Document is never converted with toJS(), so aliases are never expanded.
 */
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { SpecIssue } from '../errors.js';

/** Keys that could reach an object's prototype if copied naively. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** A parsed spec document with its line index and the issues found so far. */
export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  issues: SpecIssue[];
  /** The text is not valid YAML: the tree is a guess, so nothing else should be reported. */
  fatal: boolean;
}

/** Parse spec text into a Document, with every refused construct reported at its line:col. */
export function parseYamlDocument(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'core', merge: false });
  const issues: SpecIssue[] = [];
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    issues.push({ file, line, col, message });
  };
  let fatal = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') continue; // reported below with the key's name
    fatal = true;
    at(error.pos[0], `YAML syntax error: ${firstSentence(error.message)}`);
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below for every unknown tag
    at(warning.pos[0], `YAML: ${firstSentence(warning.message)}`);
  }
  if (fatal) return { doc, lineCounter, issues, fatal };
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      at(node.range?.[0] ?? 0, `aliases (*${node.source}) are not allowed in a spec: repeat the value instead`);
    } else if (isPair(node)) {
      reportBadKey(node.key, at);
    } else if (isNode(node)) {
      const start = node.range?.[0] ?? 0;
      if (node.anchor) {
        at(
          propertyStart(text, `&${node.anchor}`, start),
          `anchors (&${node.anchor}) are not allowed in a spec: repeat the value instead`,
        );
      }
      if (node.tag && !CORE_TAGS.has(node.tag)) {
        const tagAt = propertyStart(text, '!', start);
        const written = /^!\S*/.exec(text.slice(tagAt))?.[0] ?? node.tag;
        at(tagAt, `unknown tag ${written}: remove it (tags are not used in a spec)`);
      }
      if (isMap(node)) reportDuplicateKeys(node.items, at);
    }
  });
  return { doc, lineCounter, issues, fatal };
}

/** A node's range starts after its anchor and tag; find where `prefix` was written before it. */
function propertyStart(text: string, prefix: string, nodeStart: number): number {
  let found = text.lastIndexOf(prefix, nodeStart);
  while (found > 0 && prefix === '!' && text[found - 1] === '!') found--; // `!!binary`
  return found === -1 ? nodeStart : found;
}

function reportBadKey(key: unknown, at: (offset: number, message: string) => void): void {
  if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.includes(key.value)) {
    at(key.range?.[0] ?? 0, `the key "${key.value}" is not allowed: rename it`);
  } else if (isNode(key) && !isScalar(key)) {
    at(key.range?.[0] ?? 0, 'keys must be plain strings, not mappings or lists');
  }
}

function reportDuplicateKeys(pairs: readonly unknown[], at: (offset: number, message: string) => void): void {
  const seen = new Set<unknown>();
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = pair.key as Node & { value: unknown };
    if (seen.has(key.value)) {
      at(key.range?.[0] ?? 0, `duplicate key "${String(key.value)}": each key may appear once in a mapping`);
    }
    seen.add(key.value);
  }
}

/** The yaml package's message without its " at line L, column C" tail and code frame. */
function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
