/** What the field readers share: where issues go, how positions and `${VAR}`s are resolved. */
import type { LineCounter, Node } from 'yaml';
import type { SpecIssue } from '../errors.js';
import { isCredentialHeader } from './credential-header.js';
import { findBareVariables, interpolate, type Interpolation } from './interpolate.js';
import { interpolatePromQL } from './promql-template.js';
import { isRedactableInText } from '../redact.js';
import type { ShortSecret, SourcePosition } from '../spec-model.js';

/** State shared while reading one spec: issues, secrets, and interpolations by node. */
export class ReadContext {
  readonly issues: SpecIssue[] = [];
  /** Things worth saying about a valid spec that are found while reading it (a bare `$NAME`). */
  readonly warnings: SpecIssue[] = [];
  /** Values to redact from all output (see Spec.secrets). */
  readonly secrets = new Set<string>();
  /** Credentials too short to be redacted from ordinary text, for a spec warning (never their values). */
  readonly shortSecrets: ShortSecret[] = [];
  /** The interpolation of every string read, so PromQL errors can be mapped back to the file. */
  readonly interpolations = new WeakMap<Node, Interpolation>();

  constructor(
    readonly file: string,
    private readonly lineCounter: LineCounter,
    private readonly lookup: (name: string) => string | undefined,
  ) {}

  /** 1-based line:col of a node's first character. */
  positionOf(node: Node | undefined): SourcePosition {
    return this.positionAt(node?.range?.[0] ?? 0);
  }

  /** 1-based line:col of an offset in the file. */
  positionAt(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, col };
  }

  /** Record an issue at a node. */
  report(node: Node | undefined, message: string): void {
    this.reportAt(this.positionOf(node), message);
  }

  /** Record an issue at a position. */
  reportAt(position: SourcePosition, message: string): void {
    this.issues.push({ file: this.file, line: position.line, col: position.col, message });
  }

  /**
   * Expand `${VAR}`s in a string read from `node`; undefined (with an issue naming each unset
   * variable, never a value) when one is unset. `field` names the field in the message.
   */
  expand(
    node: Node,
    raw: string,
    field: string,
    secret?: 'value' | 'substituted',
    template?: 'promql',
  ): string | undefined {
    const result = template === 'promql' ? interpolatePromQL(raw, this.lookup) : interpolate(raw, this.lookup);
    this.interpolations.set(node, result);
    for (const name of result.missing) {
      this.report(
        node,
        `${field} uses \${${name}}, which is not set: pass --var ${name}=... or set the environment variable ${name}`,
      );
    }
    for (const { name, reason } of result.refused) this.report(node, `${field} puts \${${name}} ${reason}`);
    if (secret !== undefined) {
      for (const value of result.substitutedValues) this.addSecret(value);
      if (secret === 'value') this.addCredential(result.value, node, field);
    }
    return result.missing.length > 0 || result.refused.length > 0 ? undefined : result.value;
  }

  /**
   * Warn about `$NAME` without braces in `raw`: it stays literal (only `${NAME}` is a variable),
   * which is what a password needs but rarely what a URL or query meant. Callers skip secret fields.
   */
  noteBareVariables(node: Node, raw: string, field: string): void {
    const names = findBareVariables(raw);
    if (names.length === 0) return;
    const written = names.map((name) => `$${name}`).join(', ');
    const braced = names.map((name) => `\${${name}}`).join(', ');
    const verb = names.length === 1 ? 'is a variable' : 'are variables';
    this.warnings.push({
      file: this.file,
      ...this.positionOf(node),
      message: `${field} has ${written}, kept as written: only ${braced} ${verb}`,
    });
  }

  /** Remember a header's literal value as a secret when its name says it is a credential. */
  noteHeader(name: string, value: string, node: Node | undefined, field: string): void {
    if (isCredentialHeader(name)) this.addCredential(value, node, field);
  }

  /** A credential: a secret, and a warning when it is too short to be redacted from text. */
  private addCredential(value: string, node: Node | undefined, field: string): void {
    this.addSecret(value);
    if (value !== '' && !isRedactableInText(value)) this.shortSecrets.push({ field, position: this.positionOf(node) });
  }

  private addSecret(value: string): void {
    if (value !== '') this.secrets.add(value);
  }
}
