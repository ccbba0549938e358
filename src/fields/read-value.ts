/**
 * Reads a YAML node against a value type from the field tables, reporting every problem with
 * its position instead of stopping at the first. Objects are built on null prototypes.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ReadContext } from './read-context.js';
import { suggestKey } from './suggest.js';
import type { FieldDef, ListType, MapType, ObjectType, ScalarType, UnionType, ValueType } from './value-types.js';
import { FORBIDDEN_KEYS } from './yaml-document.js';

/** Who a value belongs to, for messages: `"auth.bearer" in source "prom"`. */
export interface Where {
  owner: string;
  path: readonly string[];
}

/** A mapping read against a field table: parsed values, and the nodes they came from. */
export interface ReadObject {
  node: YAMLMap | undefined;
  where: Where;
  /** Valid values by key (null prototype). Nested objects are ReadObjects. */
  values: Record<string, unknown>;
  /** The value node of every key present, valid or not. */
  nodes: Record<string, Node>;
}

type Secret = FieldDef['secret'];

/** `"key"` with its owner, as fields are named in messages. */
export function fieldLabel(where: Where, key: string): string {
  return `"${[...where.path, key].join('.')}"${where.owner ? ` in ${where.owner}` : ''}`;
}

/** Where a key sits, for messages: `in check "latency"`, `in "defaults"`, `at the top level`. */
function containerPhrase(where: Where): string {
  if (where.path.length > 0) return `in "${where.path.join('.')}"${where.owner ? ` of ${where.owner}` : ''}`;
  return where.owner ? `in ${where.owner}` : 'at the top level';
}

/** Read `node` as `type`; undefined when invalid (the issue is already recorded). */
export function readValue(
  type: ValueType,
  node: Node | null | undefined,
  where: Where,
  key: string,
  secret: Secret,
  ctx: ReadContext,
): unknown {
  if (isAlias(node)) return undefined; // refused by parseYamlDocument
  switch (type.kind) {
    case 'scalar':
      return readScalar(type, node, fieldLabel(where, key), secret, ctx);
    case 'object':
      return readMapping(node, where, key, ctx, (map, at) =>
        readObject(map, type, { owner: where.owner, path: [...where.path, key] }, ctx, at),
      );
    case 'union':
      return readMapping(node, where, key, ctx, (map, at) =>
        readUnion(map, type, { owner: where.owner, path: [...where.path, key] }, ctx, at),
      );
    case 'list':
      return readList(type, node, where, key, ctx, secret);
    case 'map':
      return readMapping(node, where, key, ctx, (map, at) => readMap(map, type, where, key, secret, ctx, at));
  }
}

function readScalar(
  type: ScalarType,
  node: Node | null | undefined,
  label: string,
  secret: Secret,
  ctx: ReadContext,
): unknown {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
    ctx.report(node ?? undefined, `${label} has no value: give ${type.expected}`);
    return undefined;
  }
  if (!isScalar(node)) {
    ctx.report(node, `${label} must be ${type.expected}, not a ${isSeq(node) ? 'list' : 'mapping'}`);
    return undefined;
  }
  let raw: unknown = node.value;
  if (typeof raw === 'string') {
    // `$` in a secret stays literal without a word: a password may well hold `$abc`.
    if (secret === undefined && type.dollarIsText !== true) ctx.noteBareVariables(node, raw, label);
    raw = ctx.expand(node, raw, label, secret, type.template);
    if (raw === undefined) return undefined;
  }
  const substituted = ctx.interpolations.get(node)?.segments.some((s) => s.substituted) ?? false;
  let parsed = type.parse(raw);
  if (!parsed.ok && substituted && typeof raw === 'string') {
    // `retries: ${RETRIES}` gives the string "3": read a substituted value as YAML would have.
    parsed = type.parse(coreScalar(raw));
  }
  if (parsed.ok) return parsed.value;
  // A variable's value is never quoted back: it may be a secret put in the wrong field.
  const echo =
    type.echo && secret === undefined && !substituted && ['string', 'number', 'boolean'].includes(typeof raw);
  const got = echo ? ` (got ${JSON.stringify(raw)})` : '';
  ctx.report(node, `${label} ${parsed.reason ?? `must be ${type.expected}`}${got}`);
  return undefined;
}

/** A number or boolean written as text, as the YAML core schema would read it; other text unchanged. */
function coreScalar(text: string): unknown {
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** Run `read` on a mapping node; an empty value counts as an empty mapping (`at` locates it). */
function readMapping<T>(
  node: Node | null | undefined,
  where: Where,
  key: string,
  ctx: ReadContext,
  read: (map: YAMLMap | undefined, at: Node | undefined) => T,
): T | undefined {
  if (node === null || node === undefined || (isScalar(node) && node.value === null))
    return read(undefined, node ?? undefined);
  if (isMap(node)) return read(node, node);
  ctx.report(
    node,
    `${fieldLabel(where, key)} must be a mapping (indented "key: value" lines), not a ${isSeq(node) ? 'list' : 'single value'}`,
  );
  return undefined;
}

/** The string keys of a mapping, skipping refused and repeated keys (both reported elsewhere). */
function* entries(map: YAMLMap | undefined): Generator<{ key: string; pair: Pair<unknown, unknown>; keyNode: Node }> {
  const seen = new Set<string>();
  for (const pair of map?.items ?? []) {
    if (!isScalar(pair.key) || pair.key.value === null) continue;
    const key = String(pair.key.value);
    if (FORBIDDEN_KEYS.includes(key) || seen.has(key)) continue;
    seen.add(key);
    yield { key, pair, keyNode: pair.key };
  }
}

/** Read a mapping against a field table: unknown keys, missing required keys, each value. */
export function readObject(
  map: YAMLMap | undefined,
  type: ObjectType,
  where: Where,
  ctx: ReadContext,
  at?: Node,
): ReadObject {
  const result: ReadObject = { node: map, where, values: Object.create(null), nodes: Object.create(null) };
  const known = type.fields.map((field) => field.key);
  for (const { key, pair, keyNode } of entries(map)) {
    const field = type.fields.find((f) => f.key === key);
    const valueNode = (pair.value ?? undefined) as Node | undefined;
    if (field === undefined) {
      const reason = type.forbidden?.[key];
      const hint = reason === undefined ? suggestKey(key, known) : undefined;
      ctx.report(
        keyNode,
        reason !== undefined
          ? `"${key}" ${reason}`
          : `unknown key "${key}" ${containerPhrase(where)}${hint ? ` (did you mean "${hint}"?)` : `; known keys: ${known.join(', ')}`}`,
      );
      continue;
    }
    result.nodes[key] = valueNode ?? keyNode;
    const value = readValue(field.type, valueNode, where, key, field.secret, ctx);
    if (value !== undefined) result.values[key] = value;
  }
  for (const field of type.fields) {
    if (field.required && !(field.key in result.nodes)) {
      ctx.report(map ?? at, `missing required key "${field.key}" ${containerPhrase(where)}`);
    }
  }
  return result;
}

function readUnion(
  map: YAMLMap | undefined,
  type: UnionType,
  inner: Where,
  ctx: ReadContext,
  at: Node | undefined,
): ReadObject | undefined {
  const names = Object.keys(type.variants);
  const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === type.discriminator);
  const value = pair && isScalar(pair.value) ? pair.value.value : undefined;
  if (pair === undefined) {
    ctx.report(
      map ?? at,
      `missing required key "${type.discriminator}" ${containerPhrase(inner)}: one of ${names.join(', ')}`,
    );
    return undefined;
  }
  const variant = typeof value === 'string' && Object.hasOwn(type.variants, value) ? type.variants[value] : undefined;
  if (variant === undefined) {
    const shown = typeof value === 'string' ? ` "${value}"` : '';
    ctx.report(
      pair.value as Node,
      `unknown ${type.discriminator}${shown} ${containerPhrase(inner)}: supported ${type.discriminator}s are ${names.join(', ')}`,
    );
    return undefined;
  }
  return readObject(map, variant, inner, ctx, at);
}

function readList(
  type: ListType,
  node: Node | null | undefined,
  where: Where,
  key: string,
  ctx: ReadContext,
  secret?: Secret,
): unknown[] | undefined {
  const label = fieldLabel(where, key);
  const empty = node === null || node === undefined || (isScalar(node) && node.value === null);
  if (type.single === true && !empty && isScalar(node) && type.item.kind === 'scalar') {
    const value = readScalar(type.item, node, label, secret, ctx);
    return value === undefined ? undefined : [value];
  }
  if (type.nested === true && isSeq(node) && node.items.some((item) => isSeq(item))) {
    const lists = node.items.map((item, index) =>
      readList(
        { ...type, nested: undefined, single: undefined },
        item as Node | null,
        where,
        `${key}[${index}]`,
        ctx,
        secret,
      ),
    );
    return lists.every((list) => list !== undefined) ? lists : undefined;
  }
  if (!empty && !isSeq(node)) {
    ctx.report(
      node,
      `${label} must be a list (lines starting with "- "), not a ${isMap(node) ? 'mapping' : 'single value'}`,
    );
    return undefined;
  }
  const items: unknown[] = [];
  (isSeq(node) ? node.items : []).forEach((item, index) => {
    const itemNode = item as Node | null;
    let value: unknown;
    if (type.item.kind === 'object') {
      const owner = type.owner
        ? `${type.owner.label} ${itemName(itemNode, type.owner.nameKey) ?? `#${index + 1}`}`
        : where.owner;
      const path = type.owner ? [] : [...where.path, `${key}[${index}]`];
      value = readMapping(itemNode, { owner, path }, `${key}[${index}]`, ctx, (map, at) =>
        readObject(map, type.item as ObjectType, { owner, path }, ctx, at ?? node ?? undefined),
      );
    } else {
      value = readScalar(type.item, itemNode, fieldLabel(where, `${key}[${index}]`), secret, ctx);
    }
    if (value !== undefined) items.push(value);
  });
  const count = isSeq(node) ? node.items.length : 0;
  if (type.minItems !== undefined && count < type.minItems) {
    ctx.report(node ?? undefined, `${label} needs at least ${type.minItems} entr${type.minItems === 1 ? 'y' : 'ies'}`);
  }
  return items;
}

/** The value of `nameKey` in a list item, quoted, to name the item in messages. */
function itemName(node: Node | null, nameKey: string): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === nameKey);
  return pair && isScalar(pair.value) && typeof pair.value.value === 'string'
    ? JSON.stringify(pair.value.value)
    : undefined;
}

function readMap(
  map: YAMLMap | undefined,
  type: MapType,
  where: Where,
  key: string,
  secret: Secret,
  ctx: ReadContext,
  at: Node | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  let count = 0;
  for (const { key: entryKey, pair, keyNode } of entries(map)) {
    count++;
    if (type.keyPattern && !type.keyPattern.regex.test(entryKey)) {
      ctx.report(keyNode, `${type.keyPattern.what} "${entryKey}" is not allowed: ${type.keyPattern.hint}`);
      continue;
    }
    const valueNode = (pair.value ?? undefined) as Node | undefined;
    const inner: Where = type.owner
      ? { owner: `${type.owner} "${entryKey}"`, path: [] }
      : { owner: where.owner, path: [...where.path, key] };
    const value =
      type.value.kind === 'union'
        ? readMapping(valueNode, where, `${key}.${entryKey}`, ctx, (m, mAt) =>
            readUnion(m, type.value as UnionType, inner, ctx, mAt ?? keyNode),
          )
        : readValue(type.value, valueNode, inner, entryKey, secret, ctx);
    if (value === undefined) continue;
    if (secret !== undefined && typeof value === 'string')
      ctx.noteHeader(entryKey, value, valueNode, fieldLabel(where, `${key}.${entryKey}`));
    result[entryKey] = value;
  }
  if (type.minEntries !== undefined && count < type.minEntries) {
    ctx.report(
      map ?? at,
      `${fieldLabel(where, key)} needs at least ${type.minEntries} entr${type.minEntries === 1 ? 'y' : 'ies'}`,
    );
  }
  return result;
}
