import { createHistogram, recordUs } from '../stats/histogram.js';
import type { Engine, Slot, SlotListener } from './engine.js';

/** New connections a tick may open (the engine also caps connections being opened at once). */
const GROW_PER_TICK = 32;

/**
 * Open model: request i is due at t0 + i / rate, evenly spread (no bursts). Latency counts from that intended
 * time, so a request that waited for a free connection or for a late timer is charged the wait (coordinated
 * omission corrected). The scheduler's own lateness is kept apart in `lag`, so nobody blames the server for it.
 * The queue of due-but-unsent requests is two counters: memory stays constant however far behind we fall.
 */
export class OpenLoop implements SlotListener {
  readonly lag = createHistogram();
  /** Intended send time → actual send (scheduler lag plus waiting for a free or new connection), µs. */
  readonly sendDelay = createHistogram();
  readonly #interval: number;
  readonly #limit: number;
  #t0 = 0;
  #next = 0;
  #sent = 0;
  #firstMeasured = 0;
  #issuing = true;
  #measuring = false;
  #timer: NodeJS.Timeout | undefined;
  maxQueued = 0;
  scheduledAtStop = 0;
  sentAtStop = 0;

  constructor(
    readonly engine: Engine,
    rate: number,
    limit: number | undefined,
    readonly onIdle: () => void,
    t0: number,
  ) {
    this.#t0 = t0;
    this.#interval = 1000 / rate;
    this.#limit = limit ?? Number.POSITIVE_INFINITY;
    engine.listener = this;
  }

  /** Starts the schedule (request 0 is due at t0). */
  start(): void {
    this.#tick();
  }

  /** The measured phase starts at `measureStart`: lag and the request budget count from the first request due then. */
  beginMeasure(measureStart: number): void {
    this.#firstMeasured = Math.max(0, Math.ceil((measureStart - this.#t0) / this.#interval - 1e-9));
    this.#measuring = true;
    this.lag.reset();
    this.sendDelay.reset();
    this.maxQueued = Math.max(0, this.#next - this.#sent);
  }

  /** Requests scheduled and sent on time since the measured phase began. */
  counts(): { scheduled: number; sent: number } {
    const scheduled = this.#issuing ? this.#next : this.scheduledAtStop;
    const sent = this.#issuing ? this.#sent : this.sentAtStop;
    return { scheduled: scheduled - this.#firstMeasured, sent: Math.max(0, sent - this.#firstMeasured) };
  }

  /** Stops scheduling; requests still queued are dropped (reported as unsent). `onIdle` fires once none is in flight. */
  stop(): void {
    if (!this.#issuing) return;
    this.#issuing = false;
    clearTimeout(this.#timer);
    this.scheduledAtStop = this.#next;
    this.sentAtStop = this.#sent;
    this.#checkIdle();
  }

  onCapacity(): void {
    if (this.#issuing) this.#sendQueued(0);
  }

  onFree(slot: Slot, failed: boolean): void {
    if (failed) setImmediate(this.#reuse, slot);
    else this.#reuse(slot);
  }

  readonly #reuse = (slot: Slot): void => {
    if (this.#issuing && this.#sent < this.#next && !this.engine.closed) {
      this.#send(slot, performance.now());
    } else {
      this.engine.release(slot);
      this.#checkIdle();
    }
  };

  readonly #tick = (): void => {
    if (!this.#issuing) return;
    const now = performance.now();
    let due = Math.floor((now - this.#t0) / this.#interval) + 1;
    const cap = this.#measuring ? this.#firstMeasured + this.#limit : Number.POSITIVE_INFINITY;
    if (due > cap) due = cap;
    while (this.#next < due) {
      recordUs(this.lag, (now - (this.#t0 + this.#next * this.#interval)) * 1000);
      this.#next++;
    }
    this.#sendQueued(GROW_PER_TICK);
    if (this.#next >= cap) {
      this.stop();
      return;
    }
    const wait = this.#t0 + this.#next * this.#interval - performance.now();
    this.#timer = setTimeout(this.#afterPoll, wait > 0 ? wait : 0);
  };

  /**
   * Timers run before the event loop polls sockets: ticking right away would see slots whose responses already
   * arrived as busy, and open new connections for nothing (a spiral on a busy machine). So the tick runs in the
   * check phase, after this loop iteration's responses have freed their slots.
   */
  readonly #afterPoll = (): void => {
    setImmediate(this.#tick);
  };

  #send(slot: Slot, now: number): void {
    const intended = this.#t0 + this.#sent++ * this.#interval;
    recordUs(this.sendDelay, (now - intended) * 1000);
    this.engine.send(slot, intended);
  }

  /**
   * Sends due requests on free slots, opening at most `open` new connections: growth is paced by the ticks, so a
   * late event loop (responses not yet read, slots only seemingly busy) does not turn into a connection storm.
   * Requests that wait are still timed from their intended send time.
   */
  #sendQueued(open: number): void {
    const now = performance.now();
    let opened = 0;
    while (this.#sent < this.#next) {
      const mayOpen = opened < open;
      const before = this.engine.clients.length;
      const slot = this.engine.acquire(mayOpen);
      if (slot === undefined) break;
      if (this.engine.clients.length > before) opened++;
      this.#send(slot, now);
    }
    const queued = this.#next - this.#sent;
    if (queued > this.maxQueued) this.maxQueued = queued;
  }

  #checkIdle(): void {
    if (!this.#issuing && this.engine.inFlight === 0) this.onIdle();
  }
}
