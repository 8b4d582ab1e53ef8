/**
 * A single live status line on a terminal (stderr), redrawn in place; a no-op when not interactive.
 * Commands create one, pass `update` as the library's progress callback, and `done()` at the end.
 */
export class ProgressLine {
  readonly #enabled: boolean;
  readonly #stream: NodeJS.WriteStream;
  #last = 0;
  #drawn = false;

  constructor(enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
    this.#enabled = enabled;
    this.#stream = stream;
  }

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
