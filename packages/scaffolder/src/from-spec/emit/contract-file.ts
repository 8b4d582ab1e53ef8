import type { Json } from '@sb/openapi';

/** The name of the contract file in the output folder, beside `route-table.gen.ts`. */
export const CONTRACT_FILE = 'openapi.gen.json';

/**
 * `openapi.gen.json`: the OpenAPI description the generated code implements — the input after the spec doctor
 * (3.0 `nullable` as type arrays, boolean exclusive bounds as numbers, …): every keyword the validators, types
 * and route table were generated from, tags, summaries, security, examples, webhooks and all components. `sb spec`
 * reads the operations of routes registered from the generated route table here (as `@fastify/swagger` reads
 * route schemas), so spec → code → spec gives the same spec back. Nothing imports it at run time.
 */
export function emitContractFile(doc: Json): string {
  return `${JSON.stringify(doc)}\n`;
}
