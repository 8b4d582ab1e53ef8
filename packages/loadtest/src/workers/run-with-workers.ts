import { Worker } from 'node:worker_threads';
import { LoadtestError } from '../errors.js';
import type { ResolvedOptions } from '../options/types.js';
import type { LiveSnapshot, RunContext } from '../runner/live.js';
import { mergeRunData } from '../runner/merge-run-data.js';
import type { RunData } from '../runner/run-data.js';
import { splitSettings } from './split.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';

const START_DELAY_MS = 200;

function combine(parts: (LiveSnapshot | undefined)[]): LiveSnapshot | undefined {
  const seen = parts.filter((p): p is LiveSnapshot => p !== undefined);
  const first = seen[0];
  if (first === undefined) return undefined;
  const sum = (pick: (p: LiveSnapshot) => number): number => seen.reduce((s, p) => s + pick(p), 0);
  return {
    ...first,
    requests: sum((p) => p.requests),
    requestsPerSec: sum((p) => p.requestsPerSec),
    errors: sum((p) => p.errors),
    inFlight: sum((p) => p.inFlight),
    p50: Math.max(...seen.map((p) => p.p50)),
    p90: Math.max(...seen.map((p) => p.p90)),
    p99: Math.max(...seen.map((p) => p.p99)),
    ...(first.totalRequests === undefined ? {} : { totalRequests: sum((p) => p.totalRequests ?? 0) }),
  };
}

function startWorker(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
  // Running from source (tests, benches): register tsx inside the thread, then load worker.ts.
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(code, { eval: true, workerData: input });
}

/** Splits the load over `settings.workers` threads, each with its own event loop and connections; merges the results. */
export async function runWithWorkers(settings: ResolvedOptions, ctx: RunContext): Promise<RunData> {
  const count = settings.workers;
  const cpu0 = process.cpuUsage();
  const startAtEpochMs = performance.timeOrigin + performance.now() + START_DELAY_MS;
  const progress: (LiveSnapshot | undefined)[] = new Array(count).fill(undefined);
  const workers: Worker[] = [];
  const onAbort = (): void => {
    for (const worker of workers) worker.postMessage({ type: 'abort' });
  };
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = ctx.onSnapshot ? setInterval(() => { const p = combine(progress); if (p) ctx.onSnapshot?.(p); }, 500) : undefined;
  try {
    const parts = await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const { settings: part, phaseMs } = splitSettings(settings, index, count);
        const worker = startWorker({ settings: part, startAtEpochMs, phaseMs });
        workers.push(worker);
        return new Promise<RunData>((resolve, reject) => {
          worker.on('message', (message: WorkerMessage) => {
            if (message.type === 'progress') progress[index] = message.progress;
            else if (message.type === 'done') resolve(message.data);
            else reject(new LoadtestError('LOADTEST_WORKER_FAILED', `worker ${index + 1} failed: ${message.message}`));
          });
          worker.on('error', (err) => reject(new LoadtestError('LOADTEST_WORKER_FAILED', `worker ${index + 1} crashed: ${err.message}`, { cause: err })));
          worker.on('exit', (code) => reject(new LoadtestError('LOADTEST_WORKER_FAILED', `worker ${index + 1} exited with code ${code} before finishing`)));
        });
      }),
    );
    const merged = mergeRunData(parts, true);
    // process.cpuUsage() is process-wide in every thread: measure once here instead of adding the workers' numbers.
    const cpu = process.cpuUsage(cpu0);
    return { ...merged, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000 };
  } finally {
    if (timer) clearInterval(timer);
    ctx.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
