/** The y-axis of a chart of amounts: round values from 0 to the top, evenly spaced. */
export interface ChartScale {
  /** From 0 up, evenly spaced; the last is `top`. */
  ticks: number[];
  /** The value at the top of the plot: the highest amount rounded up to a tick. */
  top: number;
}

/** Steps a reader takes in at a glance: 1, 2, 2.5 or 5 times a power of ten. */
const roundSteps = [1, 2, 2.5, 5, 10];

/**
 * At most 4 steps above 0, each a round value (…, 0.5, 1, 2, 2.5, 5, 10, 20, …), the top the first tick at or
 * above `highest`. An empty chart (`highest` 0) still has an axis from 0 to 1.
 */
export function chartScale(highest: number, steps = 4): ChartScale {
  if (!(highest > 0)) return { ticks: [0, 1], top: 1 };
  const rough = highest / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (roundSteps.find((candidate) => candidate * power >= rough) ?? 10) * power;
  const count = Math.ceil(highest / step - 1e-9);
  // Multiplying each index by the step keeps 0.1 + 0.2 drift out of the labels.
  const ticks = Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  return { ticks, top: ticks[count] as number };
}
