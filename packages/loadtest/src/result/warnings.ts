import type { LoadTestResult } from './types.js';

const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;

/** Plain-language warnings about how far the numbers can be trusted. */
export function collectWarnings(result: LoadTestResult): string[] {
  const warnings: string[] = [];
  const { rate, generator } = result;
  // No response: the `responses` check says it all; nothing about latency or the generator is meaningful.
  if (result.responses === 0) return result.aborted ? ['the run was aborted: partial results'] : [];
  if (rate?.behind) {
    const lagging = rate.generatorLag.p99 > 10_000 || generator.saturated;
    warnings.push(
      `only ${rate.delivered} of ${rate.asked} req/s (${(rate.ratio * 100).toFixed(1)}%) were sent on schedule: ` +
        (lagging
          ? `the generator fell behind (scheduler lag p99 ${ms(rate.generatorLag.p99)}, CPU ${generator.cpuCores} cores); use --workers or a bigger machine`
          : `all ${result.settings.concurrency} connections were busy (up to ${rate.maxQueued} requests waited); raise --concurrency or the server is saturated`),
    );
  }
  if (rate && rate.sendDelay.p99 > 5_000 && rate.sendDelay.p99 > 0.25 * result.latency.p99) {
    const cause =
      rate.generatorLag.p99 > 0.5 * rate.sendDelay.p99
        ? `mostly the generator's own scheduling lag (p99 ${ms(rate.generatorLag.p99)}: busy CPU, GC); use --workers or a quieter machine`
        : 'mostly waiting for a free or newly opened connection: the server held its connections or accepted new ones slowly';
    warnings.push(`requests went out late (send delay p99 ${ms(rate.sendDelay.p99)} of latency p99 ${ms(result.latency.p99)}), ${cause}`);
  }
  if (generator.late) {
    const d = generator.eventLoopDelay;
    warnings.push(
      `the generator itself was late: its event loop ran up to ${ms(d.max)} behind (p99 ${ms(d.p99)}), so latencies include up to that much of its own delay (busy CPU, GC); use --workers or a quieter machine`,
    );
  }
  if (generator.saturated) {
    warnings.push(`the generator used ${generator.cpuCores} CPU cores: it may be the bottleneck, not the server (try --workers)`);
  }
  if (result.model === 'closed') {
    warnings.push('closed model: latencies are not corrected for coordinated omission (a stalled server also stalls the sender); use --rate for latency under a fixed arrival rate');
  }
  if (result.aborted) warnings.push('the run was aborted: partial results');
  return warnings;
}
