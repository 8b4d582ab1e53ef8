/**
 * What every long-running @sb/migrator call reports while it works: `fn(options, { signal, onProgress })`.
 *
 * @example
 * ```ts
 * await analyze({ connectionString }, { onProgress: (p) => console.error(`${p.phase}: ${p.message}`) });
 * ```
 */
export interface Progress {
  /** A stable name for the stage (`check`, `query`, `lock`, `statement`, `introspect`…). */
  phase: string;
  /** One line for a person. */
  message: string;
  /** Units finished so far, when the stage counts them. */
  done?: number;
  /** Units in the stage, when known. */
  total?: number;
}

/** The second argument of every long-running call: cancellation and progress. */
export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}
