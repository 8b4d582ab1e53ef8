import DataLoader from 'dataloader';
import type { Executor } from './sql.gen.js';

/** A key's identity: values compared as text, so an int4 foreign key finds its int8 primary key (one value: its text). */
export function keyString(values: readonly unknown[]): string {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
  if (values.length === 1) {
    const only = text(values[0]);
    return only === null ? '\u0000' : only;
  }
  return JSON.stringify(values.map(text));
}

/**
 * The DataLoaders of one request: every relation field asks one of them, so the rows of one nesting level load
 * in one SQL statement, whatever the number of parents. Created per request (by `createContext`), never shared.
 */
export class RequestLoaders {
  readonly db: Executor;
  readonly #loaders = new Map<string, DataLoader<readonly unknown[], unknown, string>>();

  constructor(db: Executor) {
    this.db = db;
  }

  /** The loader called `name` in this request, made with `batch` the first time. */
  get<V>(name: string, batch: (keys: readonly (readonly unknown[])[]) => Promise<V[]>): DataLoader<readonly unknown[], V, string> {
    let loader = this.#loaders.get(name);
    if (loader === undefined) {
      loader = new DataLoader<readonly unknown[], unknown, string>(batch, { cacheKeyFn: keyString, maxBatchSize: 1000 });
      this.#loaders.set(name, loader);
    }
    return loader as DataLoader<readonly unknown[], V, string>;
  }

  /** Forgets every row loaded so far: called after each mutation, so later fields of the request read fresh rows. */
  forget(): void {
    this.#loaders.clear();
  }
}
