import { str } from '../emit/literal.js';
import type { OperationModel } from '../model/model.js';

/**
 * The route table of a `routes.gen.ts`, as data rows registered in one loop. A loop keeps type-checking
 * cheap: frameworks infer path parameters from literal route strings, which costs tsc seconds when
 * done at a thousand call sites.
 */
export function routeRows(ops: readonly { op: OperationModel; route: string; names: readonly string[] }[], method: (op: OperationModel) => string): string {
  return ops.map(({ op, route, names }) => `  [${str(method(op))}, ${str(route)}, T.${op.name}, [${names.map(str).join(', ')}]],`).join('\n');
}

/** The `[route, allowed methods]` rows for 405 answers. */
export function allowRows(paths: readonly { route: string; methods: readonly string[] }[]): string {
  return paths
    .map(({ route, methods }) => {
      const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
      return `  [${str(route)}, [${allow.map(str).join(', ')}]],`;
    })
    .join('\n');
}
