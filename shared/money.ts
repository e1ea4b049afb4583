/** Dollars as people read them: cents, or two significant digits for amounts under a cent ($0.0042). */
export function formatUSD(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `$${Number(value.toPrecision(2))}`;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
