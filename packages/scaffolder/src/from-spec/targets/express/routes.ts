import type { ApiModel } from '../../model/model.js';
import type { ScaffoldWarning } from '../../../result.js';
import type { RouteSlots } from '../target.js';
import { toPathToRegexp } from '../path-to-regexp.js';
import { methodsByPath, routeOrder } from '../route-order.js';
import { allowRows, routeRows } from '../route-rows.js';

/** The route rows of Express 5's `routes.gen.ts`: one `router.<method>()` per operation, then a 405 catch-all per path. */
export function expressRouteSlots(model: ApiModel, _warnings: ScaffoldWarning[]): RouteSlots {
  const ordered = routeOrder(model.operations);
  const paths = [...methodsByPath(ordered)].map(([path, methods]) => ({ route: toPathToRegexp(path).route, methods }));
  return { routes: routeRows(ordered.map((op) => ({ op, ...toPathToRegexp(op.path) })), (op) => op.method), paths: allowRows(paths) };
}
