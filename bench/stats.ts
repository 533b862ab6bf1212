// Small statistics and the result shape of bench/results.json.

/** One benchmark target, as bench/results.json lists it. */
export interface Target {
  readonly name: string;
  readonly value: number;
  readonly target: string;
  readonly unit: string;
  readonly met: boolean;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Spread as the interquartile range and the extremes. */
export function spread(values: number[]): { min: number; p25: number; p75: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
  return { min: s[0], p25: at(0.25), p75: at(0.75), max: s[s.length - 1] };
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export function atMost(name: string, value: number, limit: number, unit: string): Target {
  return { name, value: round(value, 3), target: `<= ${limit}`, unit, met: value <= limit };
}

export function atLeast(name: string, value: number, limit: number, unit: string): Target {
  return { name, value: round(value, 0), target: `>= ${limit}`, unit, met: value >= limit };
}

/** A figure reported without a target (context for a target, or a ratio no target fits on this machine). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export function figure(name: string, value: number, unit: string, digits = 3): Figure {
  return { name, value: round(value, digits), unit };
}
