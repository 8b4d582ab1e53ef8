import { LoadtestError } from '../errors.js';
import type { LiveSnapshot, RunContext } from '../runner/live.js';
import type { MetricsLabels, MetricsSink } from './sink.js';
import type { MetricsTarget } from './targets.js';

/** Live metrics of one run: the context to run with (progress also feeds the sinks) and how to finish. */
export interface MetricsOut {
  /** Scrape URLs and OTLP endpoints, for the user. */
  addresses: string[];
  ctx: RunContext;
  /** Feeds the final snapshot, flushes and closes every sink; returns warnings (an export that failed). */
  finish(last?: LiveSnapshot): Promise<string[]>;
}

/** Starts every `--out` sink (heavy dependencies loaded only when asked for) and wraps `ctx.onSnapshot` to feed them. */
export async function startMetricsOut(targets: readonly MetricsTarget[], labels: MetricsLabels, ctx: RunContext): Promise<MetricsOut> {
  const sinks: MetricsSink[] = [];
  try {
    for (const target of targets) {
      if (target.kind === 'prometheus') {
        const { startPrometheus } = await import('./prometheus.js');
        sinks.push(await startPrometheus(target.host, target.port, labels));
      } else {
        const { startOtlp } = await import('./otlp.js');
        sinks.push(startOtlp(target.url, labels));
      }
    }
  } catch (err) {
    await Promise.all(sinks.map((sink) => sink.close().catch(() => undefined)));
    throw err;
  }
  let last: LiveSnapshot | undefined;
  const onSnapshot = (progress: LiveSnapshot): void => {
    last = progress;
    for (const sink of sinks) sink.update(progress);
    ctx.onSnapshot?.(progress);
  };
  return {
    addresses: sinks.map((sink) => sink.address),
    ctx: { ...ctx, onSnapshot },
    async finish(final?: LiveSnapshot): Promise<string[]> {
      const warnings: string[] = [];
      const snapshot = final ?? last;
      for (const sink of sinks) {
        if (snapshot) sink.update(snapshot);
        try {
          await sink.close();
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          warnings.push(`metrics to ${sink.address} were not all delivered: ${why}`);
        }
      }
      return warnings;
    },
  };
}

/** Throws the `--out` error for a list that names the same Prometheus port twice. */
export function checkTargets(targets: readonly MetricsTarget[]): void {
  const ports = targets.filter((t) => t.kind === 'prometheus').map((t) => (t as { port: number }).port);
  const dup = ports.find((port, i) => port !== 0 && ports.indexOf(port) !== i);
  if (dup !== undefined) throw new LoadtestError('LOADTEST_METRICS_OUT', `--out names prometheus port ${dup} twice`);
}
