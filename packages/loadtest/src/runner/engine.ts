import { Client, type Dispatcher } from 'undici';
import type { ResolvedOptions } from '../options/types.js';
import { ConnectStats } from '../stats/connect-stats.js';
import type { Recorder } from '../stats/recorder.js';
import { classifyError, describeError } from './classify-error.js';
import { timedConnector } from './connector.js';

/**
 * One reusable request handler (undici's dispatch handler protocol, no per-request allocation). A slot is bound
 * to one connection; with pipelining a connection has several slots.
 */
export class Slot {
  start = 0;
  status = 0;
  bytes = 0;
  constructor(
    readonly engine: Engine,
    readonly client: Client,
  ) {}

  onConnect(): void {}

  onHeaders(status: number, rawHeaders: Buffer[] | string[] | null): boolean {
    this.status = status;
    if (status === 429) this.engine.rateLimited(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    return true;
  }

  onComplete(): void {
    this.engine.complete(this, null);
  }

  onError(err: Error): void {
    this.engine.complete(this, err);
  }
}

/** What a model (closed or open loop) does when a slot comes free or a new connection is up. */
export interface SlotListener {
  onFree(slot: Slot, failed: boolean): void;
  /** A connection attempt ended: more connections may be opened now. */
  onCapacity(): void;
}

/**
 * Connections being opened at once, at most. A stalled server makes an open-model run want hundreds of new
 * connections within a second; opening them all at once blocks the event loop (and overflows the server's
 * accept backlog), so requests wait in the schedule instead, still timed from their intended send time.
 */
const MAX_CONNECTING = 256;

/** Connections, slots and the hot path shared by the closed and the open model. */
export class Engine {
  readonly clients: Client[] = [];
  /** TCP connect and TLS handshake times, negotiated protocols. */
  readonly connectStats = new ConnectStats();
  readonly #free: Slot[] = [];
  readonly #origin: string;
  readonly #request: Dispatcher.DispatchOptions;
  readonly #clientOptions: Client.Options;
  listener: SlotListener | null = null;
  inFlight = 0;
  maxInFlight = 0;
  #connecting = 0;
  sent = 0;
  closed = false;
  /** Requests that started (or were due) before this time belong to the warmup and are not recorded. */
  measureFrom = Number.NEGATIVE_INFINITY;

  constructor(
    readonly options: ResolvedOptions,
    readonly recorder: Recorder,
  ) {
    const url = new URL(options.url);
    this.#origin = url.origin;
    const headers: string[] = [];
    for (const [name, value] of Object.entries(options.headers)) headers.push(name, value);
    this.#request = {
      path: url.pathname + url.search,
      method: options.method as Dispatcher.HttpMethod,
      headers,
      body: options.bodyBase64 === undefined ? null : Buffer.from(options.bodyBase64, 'base64'),
    };
    this.#clientOptions = {
      pipelining: options.pipelining,
      headersTimeout: options.timeout,
      bodyTimeout: options.timeout,
      connectTimeout: options.timeout,
      ...(options.http2 ? { allowH2: true } : {}),
      connect: timedConnector(options, this.connectStats),
    };
  }

  /** A free slot, else (when `mayOpen`) a new connection's, while fewer than `concurrency` are open. */
  acquire(mayOpen = true): Slot | undefined {
    const slot = this.#free.pop();
    if (slot !== undefined || !mayOpen || this.clients.length >= this.options.concurrency || this.closed || this.#connecting >= MAX_CONNECTING) return slot;
    const client = new Client(this.#origin, this.#clientOptions);
    this.clients.push(client);
    this.#connecting++;
    let pending = true;
    const settled = (): void => {
      if (!pending) return;
      pending = false;
      this.#connecting--;
      if (!this.closed) this.listener?.onCapacity();
    };
    client.once('connect', settled);
    client.once('connectionError', settled);
    for (let i = 1; i < this.options.pipelining; i++) this.#free.push(new Slot(this, client));
    return new Slot(this, client);
  }

  /** Gives a slot back without sending. */
  release(slot: Slot): void {
    this.#free.push(slot);
  }

  /** Sends one request on `slot`; `start` is the time latency is measured from (performance.now()). */
  send(slot: Slot, start: number): void {
    slot.start = start;
    slot.status = 0;
    slot.bytes = 0;
    this.sent++;
    if (++this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    slot.client.dispatch(this.#request, slot);
  }

  /** Called by a slot when its request ended. */
  complete(slot: Slot, err: Error | null): void {
    if (this.closed) return;
    const now = performance.now();
    this.inFlight--;
    if (slot.start >= this.measureFrom) {
      if (err === null) this.recorder.record((now - slot.start) * 1000, slot.status, slot.bytes);
      else this.recorder.recordError(classifyError(err), describeError(err));
    }
    this.listener?.onFree(slot, err !== null);
  }

  rateLimited(rawHeaders: Buffer[] | string[] | null): void {
    this.recorder.recordRateLimited(rawHeaders, performance.now());
  }

  /** Closes every connection; requests still in flight are dropped (not recorded). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.clients.map((client) => client.destroy().catch(() => undefined)));
  }
}
