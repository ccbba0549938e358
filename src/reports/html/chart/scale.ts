/** Value axes: a linear map from data to pixels and "nice" round ticks (1, 2, 2.5, 5 x 10^k). */

export interface LinearScale {
  /** The data range the axis shows, widened to round ticks. */
  domain: [number, number];
  ticks: number[];
  /** Pixel position of a value: `domain[0]` at `range[0]`, `domain[1]` at `range[1]`. */
  at(value: number): number;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round step that divides `span` into at most about `count` intervals. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = NICE_STEPS.find((m) => m * magnitude >= raw * (1 - 1e-9)) ?? 10;
  return nice * magnitude;
}

/** The extent to draw for these values: from zero when they are all >= 0 and zero is near enough to matter. */
export function valueExtent(values: readonly number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low === Infinity) return [0, 1];
  // Rates and latencies read honestly from zero, unless the data sits far above it (a tight band at 1000 +- 5).
  if (low >= 0 && low <= high * 0.5) low = 0;
  if (low === high) return low === 0 ? [0, 1] : [low - Math.abs(low) * 0.1, high + Math.abs(high) * 0.1];
  return [low, high];
}

/** A linear scale over `extent` widened to round ticks, mapped onto the pixel `range`. */
export function linearScale(extent: [number, number], range: [number, number], tickCount = 5): LinearScale {
  const step = niceStep(extent[1] - extent[0], tickCount);
  const low = Math.floor(extent[0] / step + 1e-9) * step;
  const high = Math.ceil(extent[1] / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step * 1e-9; i++) ticks.push(Number((low + i * step).toPrecision(12)));
  const span = high - low;
  const at = (value: number): number => range[0] + ((value - low) / span) * (range[1] - range[0]);
  return { domain: [low, high], ticks, at };
}
