import type { Engine, Slot, SlotListener } from './engine.js';

/**
 * Closed model: every slot sends its next request as soon as the previous one ended. A slow server slows
 * the sender down, so latencies are not corrected for coordinated omission.
 */
export class ClosedLoop implements SlotListener {
  #issuing = true;
  #measuring = false;
  #issued = 0;
  readonly #limit: number;

  constructor(
    readonly engine: Engine,
    limit: number | undefined,
    readonly onIdle: () => void,
  ) {
    this.#limit = limit ?? Number.POSITIVE_INFINITY;
    engine.listener = this;
  }

  /** Opens connections (a few at a time, see Engine) and fills their slots. */
  start(): void {
    this.onCapacity();
  }

  /** Opens more connections while fewer than `concurrency` are open and requests may still be sent. */
  onCapacity(): void {
    while (this.#issuing && !this.#spent()) {
      const slot = this.engine.acquire();
      if (slot === undefined) break;
      this.#issue(slot);
    }
  }

  /**
   * The measured phase starts: the request budget counts from here (warmup is bounded by time only). Requests
   * in flight now complete inside the measured phase and are recorded, so they count against the budget.
   */
  beginMeasure(_measureStart: number): void {
    this.#measuring = true;
    this.#issued = this.engine.inFlight;
  }

  #spent(): boolean {
    return this.#measuring && this.#issued >= this.#limit;
  }

  /** Stops sending; `onIdle` fires once nothing is in flight. */
  stop(): void {
    this.#issuing = false;
    if (this.engine.inFlight === 0) this.onIdle();
  }

  onFree(slot: Slot, failed: boolean): void {
    // After a failure, go through the event loop: a refusing server must not turn into a synchronous loop.
    if (failed) setImmediate(this.#issue, slot);
    else this.#issue(slot);
  }

  readonly #issue = (slot: Slot): void => {
    if (!this.#issuing || this.#spent() || this.engine.closed) {
      this.engine.release(slot);
      if (this.engine.inFlight === 0) this.onIdle();
      return;
    }
    this.#issued++;
    this.engine.send(slot, performance.now());
  };
}
