/** Amounts of money as the fake computes them. */

/** Rounds to cents. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
