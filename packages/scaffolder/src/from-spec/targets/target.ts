import type { ApiModel } from '../model/model.js';
import type { Framework } from '../../options.js';
import type { ScaffoldWarning } from '../../result.js';

/** The files every target contributes; the rest of the output is framework-independent. */
export interface TargetPlugin {
  readonly name: Framework;
  /** `routes.gen.ts`: registers every route of `route-table.gen.ts` with the framework's router. */
  routesFile(model: ApiModel, warnings: ScaffoldWarning[]): string;
  /** `app.gen.ts`: the app factory (request id, body parsing and limits, 404/405/413, error envelope). */
  appFile(): string;
  /** `server.ts`: a runnable entry, created once; it imports `app.gen.js` and `auth.js` from `base` (default `./`). */
  serverFile(base?: string): string;
}
