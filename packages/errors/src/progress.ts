/**
 * What every long-running sb call reports while it works. Every such call has one shape,
 * `fn(options, { signal, onProgress })`, and every library's progress events have this one type, so one
 * renderer (the CLI's progress line) draws them all.
 *
 * `Phase` narrows `phase` for a library whose stages are a fixed list (`@sb/loadtest`:
 * `'setup' | 'warmup' | 'measure' | 'drain'`); a callback written for `Progress` accepts every library's events.
 *
 * @example
 * ```ts
 * import type { Progress } from '@sb/errors';
 * const show = (p: Progress): void => {
 *   process.stderr.write(`${p.phase} ${p.message}${p.total ? ` ${p.done ?? 0}/${p.total}` : ''}\n`);
 * };
 * await scan({ paths: ['src'] }, { onProgress: show });
 * ```
 */
export interface Progress<Phase extends string = string> {
  /** A stable name for the stage (`load`, `rules`, `headers`, `measure`, `introspect`…). */
  readonly phase: Phase;
  /** One line for a person, complete on its own. */
  readonly message: string;
  /** Units finished so far, when the stage counts them. */
  readonly done?: number;
  /** Units in the stage, when known (same unit as `done`). */
  readonly total?: number;
}

/**
 * The second argument of every long-running sb call: cancellation and progress.
 *
 * Aborting `signal` stops the work at the next step it reaches (a file, a rule, a request, a query) and the call
 * rejects with its library's `*_ABORTED` error (`SCAFFOLD_ABORTED`, `SECRULES_ABORTED`, `MIGRATOR_ABORTED`). A load
 * test instead resolves with its partial result (`aborted: true`).
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort());
 * const report = await probeApi({ url: 'http://127.0.0.1:3000' }, { signal: controller.signal, onProgress: show });
 * ```
 */
export interface RunControl<Phase extends string = string> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress<Phase>) => void;
}
