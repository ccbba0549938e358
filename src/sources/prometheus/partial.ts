/**
 * Recognise warnings that mean the answer is incomplete. Thanos (with partial response allowed)
 * reports unreachable stores as warnings beside a 200; such data must not be judged.
 */
const PARTIAL_PATTERNS: readonly RegExp[] = [
  /partial (?:response|result|data)/i,
  /no StoreAPIs matched/i,
  /receive series from/i,
  /fetch series for/i,
  /\brpc error\b/i,
];

/** True when `warning` says some of the data is missing. */
export function isPartialWarning(warning: string): boolean {
  return PARTIAL_PATTERNS.some((pattern) => pattern.test(warning));
}
