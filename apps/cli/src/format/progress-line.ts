import type { Progress } from '@sb/errors';

/** Drops control characters (ANSI escapes included): messages can carry text a target or a file chose; the terminal is ours. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
}

/**
 * One progress event of any sb library as one line: `phase: message`, and how far along when the event counts
 * (`done`/`total`, shown as a percentage: the unit differs between libraries — rules, routes, requests, ms).
 */
export function formatProgress(p: Progress): string {
  const share = p.total ? ` · ${Math.min(100, Math.floor((100 * (p.done ?? 0)) / p.total))}%` : '';
  return clean(`${p.phase}: ${p.message}${share}`);
}

/**
 * A single live status line on a terminal (stderr), redrawn in place; a no-op when not interactive.
 * Commands get one through `SbCommand.startRun()`, whose `onProgress` is {@link ProgressLine.show}.
 */
export class ProgressLine {
  readonly #enabled: boolean;
  readonly #stream: NodeJS.WriteStream;
  #last = 0;
  #phase: string | undefined;
  #drawn = false;

  constructor(enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
    this.#enabled = enabled;
    this.#stream = stream;
  }

  /** Draws a library's progress event: at once when the phase changes, else at most ~10 times a second. */
  show = (p: Progress): void => {
    const force = p.phase !== this.#phase;
    this.#phase = p.phase;
    this.update(formatProgress(p), force);
  };

  /** Redraws the line, at most ~10 times a second unless `force`. */
  update = (text: string, force = false): void => {
    if (!this.#enabled) return;
    const now = Date.now();
    if (!force && now - this.#last < 100) return;
    this.#last = now;
    const width = this.#stream.columns || 100; // 0 when the terminal does not say
    this.#stream.write(`\r\x1b[2K${text.length > width - 1 ? text.slice(0, width - 1) : text}`);
    this.#drawn = true;
  };

  /** Clears the line so the final report starts on a clean row. */
  done(): void {
    if (this.#enabled && this.#drawn) this.#stream.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
