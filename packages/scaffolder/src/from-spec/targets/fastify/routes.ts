import type { ApiModel, OperationModel } from '../../model/model.js';
import type { ScaffoldWarning } from '../../../result.js';
import type { RouteSlots } from '../target.js';
import { methodsByPath } from '../route-order.js';
import { allowRows, routeRows } from '../route-rows.js';
import { toFastifyPath } from './paths.js';

/** The route rows of Fastify 5's `routes.gen.ts`: one `app.route()` per operation, 405 routes for the other methods. */
export function fastifyRouteSlots(model: ApiModel, warnings: ScaffoldWarning[]): RouteSlots {
  const rows: { op: OperationModel; route: string; names: string[] }[] = [];
  const skipped = new Set<string>();
  for (const op of model.operations) {
    const converted = toFastifyPath(op.path);
    if (!converted) {
      skipped.add(op.path);
      warnings.push({ code: 'unroutable-path', pointer: op.pointer, message: `Fastify's router cannot express the path ${JSON.stringify(op.path)}; the operation is not registered` });
      continue;
    }
    rows.push({ op, ...converted });
  }
  const paths = [...methodsByPath(model.operations)].filter(([path]) => !skipped.has(path)).map(([path, methods]) => ({ route: toFastifyPath(path)!.route, methods }));
  return { routes: routeRows(rows, (op) => op.method.toUpperCase()), paths: allowRows(paths) };
}
