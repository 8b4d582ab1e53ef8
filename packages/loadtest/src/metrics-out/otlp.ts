import type { Attributes } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { LiveSnapshot } from '../runner/live.js';
import { Deltas, type MetricsLabels, type MetricsSink } from './sink.js';

/**
 * OpenTelemetry metrics pushed over OTLP/HTTP (JSON) every `intervalMs` with the OpenTelemetry SDK, and once more
 * when the run ends: `sb.load.requests` and `sb.load.errors` (counters), `sb.load.requests_per_second`,
 * `sb.load.in_flight` and `sb.load.latency` (gauges; latency in seconds with a `quantile` attribute).
 */
export function startOtlp(url: string, labels: MetricsLabels, intervalMs = 1000): MetricsSink {
  const otlp = new OTLPMetricExporter({ url, timeoutMillis: 5000 });
  // The SDK swallows export failures: keep the last one to report it when the run ends.
  let failure: string | undefined;
  const exporter: PushMetricExporter = {
    export: (batch, done) =>
      otlp.export(batch, (result) => {
        failure = result.code === 0 ? undefined : (result.error?.message ?? 'export failed');
        done(result);
      }),
    forceFlush: () => otlp.forceFlush(),
    shutdown: () => otlp.shutdown(),
    selectAggregationTemporality: (kind) => otlp.selectAggregationTemporality(kind),
  };
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: intervalMs, exportTimeoutMillis: Math.min(5000, intervalMs) });
  const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'sb-load' }), readers: [reader] });
  const meter = provider.getMeter('@sb/loadtest');
  const attrs: Attributes = { ...labels };
  const requests = meter.createCounter('sb.load.requests', { description: 'Requests completed (response or transport error) in the measured phase.' });
  const errors = meter.createCounter('sb.load.errors', { description: 'Requests that ended in a transport error.' });
  const rps = meter.createGauge('sb.load.requests_per_second', { description: 'Completions per second over the last progress interval.' });
  const inFlight = meter.createGauge('sb.load.in_flight', { description: 'Requests in flight now.' });
  const latency = meter.createGauge('sb.load.latency', { description: 'Latency quantiles of the run so far (HDR histogram).', unit: 's' });
  const deltas = new Deltas();
  return {
    address: url,
    update(progress: LiveSnapshot): void {
      const d = deltas.next(progress);
      requests.add(d.requests, attrs);
      errors.add(d.errors, attrs);
      rps.record(progress.requestsPerSec, attrs);
      inFlight.record(progress.inFlight, attrs);
      latency.record(progress.p50 / 1e6, { ...attrs, quantile: '0.5' });
      latency.record(progress.p90 / 1e6, { ...attrs, quantile: '0.9' });
      latency.record(progress.p99 / 1e6, { ...attrs, quantile: '0.99' });
    },
    async close(): Promise<void> {
      try {
        await provider.forceFlush();
      } finally {
        await provider.shutdown().catch(() => undefined);
      }
      if (failure !== undefined) throw new Error(failure);
    },
  };
}
