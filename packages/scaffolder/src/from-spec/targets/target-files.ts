import type { Framework } from '../../options.js';
import type { ScaffoldWarning } from '../../result.js';
import { fillSlots, rebaseImports } from '../../templates/fill-template.js';
import { readTemplate } from '../../templates/read-template.js';
import { GENERATED_HEADER } from '../emit/header.js';
import type { ApiModel } from '../model/model.js';
import type { TargetPlugin } from './target.js';

/** `routes.gen.ts` (the target's template with the spec's route rows) and `app.gen.ts` (its template as is). */
export async function targetFiles(target: TargetPlugin, model: ApiModel, warnings: ScaffoldWarning[]): Promise<{ routes: string; app: string }> {
  const [routes, app] = await Promise.all([readTemplate(`rest/${target.name}/routes.gen.ts`), readTemplate(`rest/${target.name}/app.gen.ts`)]);
  const slots = target.routeSlots(model, warnings);
  return { routes: `${GENERATED_HEADER}\n${fillSlots(routes, { routes: slots.routes, paths: slots.paths })}`, app: `${GENERATED_HEADER}\n${app}` };
}

/**
 * The user's `server.ts` (listens on `PORT`) or `smoke.test.ts` of a framework, importing `app.gen.js` and
 * `auth.js` from `base` (default `./`, beside them; `./routes/` for `src/server.ts` of a project).
 */
export async function entryFile(framework: Framework, file: 'server.ts' | 'smoke.test.ts', base = './'): Promise<string> {
  return rebaseImports(await readTemplate(`rest/${framework}/${file}`), base, ['app.gen.js', 'auth.js']);
}
