import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OperationObject } from 'openapi3-ts/oas31';
import { CONTRACT_FILE } from '../../from-spec/emit/contract-file.js';
import { isObject, type Json } from '@sb/openapi';
import type { SpecWarning } from '../options.js';

/** One `openapi.gen.json` that operations were taken from. */
export interface Contract {
  readonly file: string;
  readonly doc: Json;
}

/**
 * Reads the contracts `sb scaffold` writes beside a generated route table (`openapi.gen.json`): for a route
 * registered from that table, the operation as the code was generated from it — every schema keyword,
 * tags, summary, description, security and the components it refers to — instead of what TypeScript types
 * could say about it. Each file is read once.
 */
export class ContractReader {
  readonly #byDir = new Map<string, Contract | undefined>();
  /** The contracts at least one operation came from, in first-use order. */
  readonly used: Contract[] = [];
  /** Contract files that could not be read: their routes are inferred from the code instead. */
  readonly warnings: SpecWarning[] = [];

  /** The contract operation of a route-table row declared in `tableFile`, or undefined when there is none. */
  operation(tableFile: string, statedPath: string | undefined, method: string, operationId: string | undefined): { operation: OperationObject; contract: Contract } | undefined {
    if (statedPath === undefined) return undefined;
    const contract = this.#contractFor(path.dirname(tableFile));
    const paths = contract && isObject(contract.doc['paths']) ? contract.doc['paths'] : undefined;
    const item = paths?.[statedPath];
    const op = isObject(item) ? item[method] : undefined;
    if (!contract || !isObject(item) || !isObject(op)) return undefined;
    if (operationId !== undefined && op['operationId'] !== undefined && op['operationId'] !== operationId) return undefined;
    if (!this.used.includes(contract)) this.used.push(contract);
    return { operation: withPathLevel(item, op) as OperationObject, contract };
  }

  #contractFor(dir: string): Contract | undefined {
    if (this.#byDir.has(dir)) return this.#byDir.get(dir);
    const file = path.join(dir, CONTRACT_FILE);
    let contract: Contract | undefined;
    if (existsSync(file)) {
      try {
        const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (isObject(doc)) contract = { file, doc };
        else throw new Error('not a JSON object');
      } catch (err) {
        // Damaged, or not ours: the routes of that table are inferred from their types instead.
        const why = err instanceof Error ? err.message : String(err);
        this.warnings.push({ code: 'contract-unreadable', message: `${why}; the routes of the table beside it are inferred from their types`, source: path.relative(process.cwd(), file) });
      }
    }
    this.#byDir.set(dir, contract);
    return contract;
  }
}

/** The operation with its path item's shared `parameters` (the operation's own win, by `in` + `name`). */
function withPathLevel(item: Json, op: Json): Json {
  const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
  const copy = structuredClone(op);
  if (shared.length === 0) return copy;
  const own = Array.isArray(copy['parameters']) ? (copy['parameters'] as unknown[]) : [];
  const key = (p: unknown): string => (isObject(p) ? `${String(p['in'])}:${String(p['name'] ?? p['$ref'])}` : '');
  const ownKeys = new Set(own.map(key));
  copy['parameters'] = [...structuredClone(shared).filter((p) => !ownKeys.has(key(p))), ...own];
  return copy;
}
