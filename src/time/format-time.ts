/** Render unix seconds as RFC 3339 UTC for reports and messages. */

/** `1795687200` -> `2026-11-26T10:00:00Z`; milliseconds are shown only when present. */
export function formatTime(seconds: number): string {
  const iso = new Date(Math.round(seconds * 1000)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
