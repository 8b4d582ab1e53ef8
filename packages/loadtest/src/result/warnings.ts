import type { LoadTestResult } from '../stats/types.js';

const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;

/** Plain-language warnings about how far the numbers can be trusted. */
export function collectWarnings(result: LoadTestResult): string[] {
  const warnings: string[] = [];
  const { rate, generator } = result;
  if (rate?.behind) {
    const lagging = rate.generatorLag.p99 > 10_000 || generator.saturated;
    warnings.push(
      `only ${rate.delivered} of ${rate.asked} req/s (${(rate.ratio * 100).toFixed(1)}%) were sent on schedule: ` +
        (lagging
          ? `the generator fell behind (scheduler lag p99 ${ms(rate.generatorLag.p99)}, CPU ${generator.cpuCores} cores); use --workers or a bigger machine`
          : `all ${result.settings.concurrency} connections were busy (up to ${rate.maxQueued} requests waited); raise --concurrency or the server is saturated`),
    );
  }
  if (generator.saturated) {
    warnings.push(`the generator used ${generator.cpuCores} CPU cores: it may be the bottleneck, not the server (try --workers)`);
  }
  if (result.model === 'closed') {
    warnings.push('closed model: latencies are not corrected for coordinated omission (a stalled server also stalls the sender); use --rate for latency under a fixed arrival rate');
  }
  if (result.errorCount > 0 && result.errorCount === result.requests) warnings.push('every request failed: no latency was measured');
  if (result.aborted) warnings.push('the run was aborted: partial results');
  return warnings;
}
