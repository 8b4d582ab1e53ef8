import type { ScaffoldWarning } from '../../result.js';
import { toPointer, deref, isObject, type Json } from '@sb/openapi';
import type { SchemeModel, SecurityModel } from './model.js';

/** Reads `components.securitySchemes` into extraction recipes; unsupported ones become warnings. */
export function readSchemes(doc: Json, warnings: ScaffoldWarning[]): Map<string, SchemeModel> {
  const out = new Map<string, SchemeModel>();
  const raw = isObject(doc['components']) && isObject(doc['components']['securitySchemes']) ? doc['components']['securitySchemes'] : {};
  for (const [name, value] of Object.entries(raw)) {
    const pointer = toPointer(['components', 'securitySchemes', name]);
    const s = deref(doc, value, pointer)?.value;
    if (!s) continue;
    const type = s['type'];
    const scheme = typeof s['scheme'] === 'string' ? s['scheme'].toLowerCase() : '';
    if (type === 'http' && scheme === 'bearer') out.set(name, { name, kind: 'bearer', in: undefined, keyName: undefined });
    else if (type === 'http' && scheme === 'basic') out.set(name, { name, kind: 'basic', in: undefined, keyName: undefined });
    else if (type === 'http') out.set(name, { name, kind: 'http', in: undefined, keyName: undefined });
    else if (type === 'oauth2' || type === 'openIdConnect') {
      warnings.push({ code: 'oauth2-as-bearer', message: `security scheme ${JSON.stringify(name)} (${type}): the generated code extracts the bearer token and passes it with the required scopes to authenticate(); the OAuth flow itself is yours`, pointer });
      out.set(name, { name, kind: 'bearer', in: undefined, keyName: undefined });
    } else if (type === 'apiKey' && typeof s['name'] === 'string' && (s['in'] === 'header' || s['in'] === 'query' || s['in'] === 'cookie')) {
      out.set(name, { name, kind: 'apiKey', in: s['in'], keyName: s['in'] === 'header' ? s['name'].toLowerCase() : s['name'] });
    } else {
      warnings.push({ code: 'unsupported-security-scheme', message: `security scheme ${JSON.stringify(name)} of type ${JSON.stringify(type)} is not supported; routes requiring it always answer 401`, pointer });
    }
  }
  return out;
}

/** The requirement that applies to one operation (its own, else the document's); undefined when open. */
export function readSecurity(own: unknown, global: unknown): SecurityModel | undefined {
  const list = own !== undefined ? own : global;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const alternatives = list.filter(isObject).map((req) =>
    Object.entries(req).map(([scheme, scopes]) => ({ scheme, scopes: Array.isArray(scopes) ? scopes.filter((x): x is string => typeof x === 'string') : [] })),
  );
  // `{}` among the alternatives means anonymous access is allowed: the route is open.
  if (alternatives.some((a) => a.length === 0)) return undefined;
  return alternatives;
}
