import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../write/atomic-write.js';

/** Where the cache lives inside `--output`: a hidden folder, never imported by the generated code. */
export const CACHE_FILE = '.sb/scaffold-cache.json';
const FORMAT = 2;

/** A compiled standalone validator chunk, as ajv produced it. */
export interface CachedChunk {
  readonly code: string;
  /** Export names that compiled. */
  readonly compiled: readonly string[];
  /** Validators ajv could not compile: export name → the reason. */
  readonly skipped: Readonly<Record<string, string>>;
}

/** What a handler file exports and imports (read with ts-morph once per content). */
export interface CachedHandlerScan {
  readonly exported: readonly string[];
  readonly imports: readonly string[];
}

interface CacheData {
  readonly format: number;
  readonly chunks: Record<string, CachedChunk>;
  readonly handlers: Record<string, CachedHandlerScan>;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** SHA-256 of the given parts, hex. */
export function hashOf(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * Results of earlier runs on the same output folder, keyed by a hash of their inputs, so regenerating after a
 * small spec edit recompiles only what changed. A missing, corrupt or foreign cache is simply empty. Only the
 * entries a run used are kept when it is saved.
 */
export class GenerationCache {
  readonly #old: CacheData;
  readonly #next: { chunks: Record<string, CachedChunk>; handlers: Record<string, CachedHandlerScan> } = { chunks: {}, handlers: {} };

  private constructor(old: CacheData) {
    this.#old = old;
  }

  /** Reads the cache of `output` (empty when there is none). */
  static async load(output: string | undefined): Promise<GenerationCache> {
    const empty: CacheData = { format: FORMAT, chunks: {}, handlers: {} };
    if (output === undefined) return new GenerationCache(empty);
    try {
      const data = JSON.parse(await readFile(path.join(output, CACHE_FILE), 'utf8')) as CacheData;
      const ok = data?.format === FORMAT && typeof data.chunks === 'object' && typeof data.handlers === 'object';
      return new GenerationCache(ok ? { format: FORMAT, chunks: Object.assign(Object.create(null), data.chunks), handlers: Object.assign(Object.create(null), data.handlers) } : empty);
    } catch {
      return new GenerationCache(empty);
    }
  }

  chunk(key: string, make: () => CachedChunk): CachedChunk {
    const hit = Object.hasOwn(this.#old.chunks, key) ? this.#old.chunks[key] : undefined;
    const ok = hit !== undefined && typeof hit.code === 'string' && isStrings(hit.compiled) && typeof hit.skipped === 'object' && hit.skipped !== null;
    const value = ok ? hit : make();
    this.#next.chunks[key] = value;
    return value;
  }

  async handlerScan(content: string, make: () => Promise<CachedHandlerScan>): Promise<CachedHandlerScan> {
    const key = hashOf(content);
    const hit = Object.hasOwn(this.#old.handlers, key) ? this.#old.handlers[key] : undefined;
    const value = hit !== undefined && isStrings(hit.exported) && isStrings(hit.imports) ? hit : await make();
    this.#next.handlers[key] = value;
    return value;
  }

  /** Records a scan for content that will be on disk after this run (e.g. a handler file with new stubs). */
  remember(content: string, scan: CachedHandlerScan): void {
    this.#next.handlers[hashOf(content)] = scan;
  }

  /** Writes the entries this run used under `output` (atomically; a failure only costs the next run time). */
  async save(output: string): Promise<void> {
    try {
      await writeFileAtomic(output, CACHE_FILE, JSON.stringify({ format: FORMAT, ...this.#next }));
    } catch {
      // The cache only saves time.
    }
  }
}
