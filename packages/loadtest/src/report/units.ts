/** A µs latency for people: "850 µs", "21.92 ms", "1.23 s". */
export function formatUs(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 100_000 ? 2 : 1)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

/** Bytes for people: "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A signed percentage: "+18.0%". */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return 'n/a';
  return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
}

/** Rounds for display: 1234.5 → "1,234.5". */
export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
