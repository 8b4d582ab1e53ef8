import type { ApiModel } from '../model/model.js';
import type { Framework } from '../../options.js';
import type { ScaffoldWarning } from '../../result.js';

/** The rows of a `routes.gen.ts`: its template's `routes` and `paths` slots. */
export interface RouteSlots {
  /** `[method, route, operation, parameter names]` rows, in registration order. */
  readonly routes: string;
  /** `[route, allowed methods]` rows, for 405 answers. */
  readonly paths: string;
}

/**
 * What differs per framework in code: how the spec's operations become route rows. The framework's files
 * themselves are templates with the same names each, `templates/rest/<name>/{app.gen,routes.gen,server,smoke.test}.ts`.
 */
export interface TargetPlugin {
  readonly name: Framework;
  /** The route rows of `routes.gen.ts`; an operation the router cannot express is skipped with a warning. */
  routeSlots(model: ApiModel, warnings: ScaffoldWarning[]): RouteSlots;
}
