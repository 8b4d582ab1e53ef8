// Entry point of one load worker thread: runs its share of the load and posts the raw data back.
import { parentPort, workerData } from 'node:worker_threads';
import { runInProcess } from '../runner/run-in-process.js';
import type { WorkerCommand, WorkerInput, WorkerMessage } from './protocol.js';

const input = workerData as WorkerInput;
const controller = new AbortController();
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

parentPort?.on('message', (command: WorkerCommand) => {
  if (command.type === 'abort') controller.abort();
});

const wait = input.startAtEpochMs + input.phaseMs - (performance.timeOrigin + performance.now());
setTimeout(() => {
  runInProcess(input.settings, { signal: controller.signal, onSnapshot: (progress) => post({ type: 'progress', progress }) })
    .then((data) => post({ type: 'done', data }))
    .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
}, Math.max(0, wait));
