/**
 * A log line's timestamp in unix seconds: CLF (`10/Oct/2026:13:55:36 +0000`), RFC 3339 / ISO 8601,
 * or unix seconds or milliseconds. Lines of one second share their time text, so the last one is
 * remembered: parsing a time costs a string compare on most lines.
 */

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};
const CLF = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\s*([+-])(\d{2})(\d{2}))?$/;
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const NUMBER = /^\d{9,13}(?:\.\d+)?$/;

/** A time parser with a one-entry cache; NaN when the text is no time. */
export function createTimeParser(): (text: string) => number {
  let lastText = '';
  let lastValue = NaN;
  return (text: string): number => {
    if (text === lastText) return lastValue;
    lastText = text;
    lastValue = parseTime(text);
    return lastValue;
  };
}

/** Unix seconds of a log time, or NaN. A time without a zone is read as UTC. */
export function parseTime(text: string): number {
  const clf = CLF.exec(text);
  if (clf) {
    const [, day, mon, year, h, m, s, sign, oh, om] = clf;
    const month = MONTHS[mon as string];
    if (month === undefined) return NaN;
    const utc = Date.UTC(Number(year), month, Number(day), Number(h), Number(m), Number(s)) / 1000;
    const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
    return utc - offset;
  }
  if (NUMBER.test(text)) {
    const n = Number(text);
    return text.split('.')[0]!.length >= 12 ? n / 1000 : n;
  }
  if (ISO.test(text)) {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
    const ms = Date.parse(
      zoned
        .replace(' ', 'T')
        .replace(',', '.')
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
    );
    return Number.isNaN(ms) ? NaN : ms / 1000;
  }
  return NaN;
}
