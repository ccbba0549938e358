/** Durations as Prometheus writes them (`30s`, `1m`, `1h30m`, `7d`, `500ms`), and with decimals (`0.5s`, `1.5m`). */

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w|y))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g;

/** Parse a duration into seconds; returns undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let seconds = 0;
  for (const match of trimmed.matchAll(PART)) {
    seconds += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  }
  return seconds;
}

/** Render seconds as the shortest Prometheus duration (`90` -> `1m30s`), for messages and queries. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(seconds * 1000);
  for (const [unit, size] of [
    ['d', 86400000],
    ['h', 3600000],
    ['m', 60000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
