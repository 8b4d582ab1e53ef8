import type { ApiModel, OperationModel } from '../model/model.js';
import { GENERATED_HEADER } from './header.js';
import { str } from './literal.js';
import type { EmittedValidators } from './validators.js';

/** The handler module alias of each group, e.g. `pets` → `h0`, in first-seen order. */
export function handlerModules(model: ApiModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const op of model.operations) if (!out.has(op.group)) out.set(op.group, `h$${out.size}`);
  return out;
}

function routeEntry(op: OperationModel, v: EmittedValidators, handlerAlias: string): string {
  const ov = v.byOperation.get(op);
  const params = op.params.map((p) => `{ name: ${str(p.name)}, in: ${str(p.in)}${p.split !== undefined ? `, split: ${str(p.split)}` : ''}${p.json ? ', json: true' : ''} }`);
  const validate = Object.entries(ov?.params ?? {}).map(([where, name]) => `${where}: P.${name}`);
  const lines = [
    `  operationId: ${str(op.operationId ?? op.name)},`,
    `  method: ${str(op.method.toUpperCase())},`,
    `  path: ${str(op.path)},`,
    `  params: [${params.join(', ')}],`,
    `  validate: {${validate.length > 0 ? ` ${validate.join(', ')} ` : ''}},`,
  ];
  if (op.body) {
    const media = op.body.media.map((m, j) => {
      const b = ov?.body[j];
      const validator = b ? `, validate: ${b.module === 'params' ? 'P' : 'B'}.${b.name}` : '';
      return `{ type: ${str(m.mediaType)}, kind: ${str(m.kind)}${validator} }`;
    });
    lines.push(`  body: { required: ${op.body.required}, media: [${media.join(', ')}] },`);
  }
  if (op.security) {
    const alts = op.security.map((alt) => `[${alt.map((r) => `{ scheme: ${str(r.scheme)}, scopes: [${r.scopes.map(str).join(', ')}] }`).join(', ')}]`);
    lines.push(`  security: [${alts.join(', ')}],`);
  }
  lines.push(`  handler: ${handlerAlias}.${op.name},`);
  return `export const ${op.name}: RouteSpec = {\n${lines.join('\n')}\n};`;
}

/** `route-table.gen.ts`: the framework-independent description of every route, wired to validators and handlers. */
export function emitRouteTableFile(model: ApiModel, v: EmittedValidators): string {
  const modules = handlerModules(model);
  const out = [
    GENERATED_HEADER,
    "import type { RouteSpec, SchemeSpec } from './runtime.gen.js';",
    "import * as P from './validators/params.gen.js';",
    "import * as B from './validators/bodies.gen.js';",
    ...[...modules].map(([group, alias]) => `import * as ${alias} from ${str(`./handlers/${group}.js`)};`),
    '',
  ];
  const schemes = [...model.schemesByName.values()].map((s) => {
    const fields = [`type: ${str(s.kind)}`];
    if (s.in !== undefined) fields.push(`in: ${str(s.in)}`);
    if (s.keyName !== undefined) fields.push(`name: ${str(s.keyName)}`);
    return `  [${str(s.name)}, { ${fields.join(', ')} }],`;
  });
  out.push('/** The security schemes, by name (a Map-like object without a prototype). */');
  out.push(`export const schemes: Readonly<Record<string, SchemeSpec>> = Object.fromEntries<SchemeSpec>([\n${schemes.join('\n')}\n]);`, '');
  for (const op of model.operations) out.push(routeEntry(op, v, modules.get(op.group)!), '');
  out.push(`/** Every route, in spec order. */\nexport const routes: readonly RouteSpec[] = [${model.operations.map((o) => o.name).join(', ')}];`, '');
  return out.join('\n');
}
