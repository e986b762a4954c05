/** Integer arithmetic on sen. Percentages are basis points of a percent: 3.7% = 370 ("bp" here = 1/100 %). */

/** a / b rounded half away from zero (b > 0). */
export function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < b) return q;
  return a < 0n ? q - 1n : q + 1n;
}

/** `bp` hundredths of a percent of `sen`, to the sen (half up). */
export function percentOf(sen: bigint, bp: number): bigint {
  return divRound(sen * BigInt(bp), 10_000n);
}

/** Parses "5.75" (at most two decimals) into 575; null when it is not such a number. */
export function parsePercent(value: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 575 → "5.75" */
export function formatPercent(bp: number): string {
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, "0")}`;
}
