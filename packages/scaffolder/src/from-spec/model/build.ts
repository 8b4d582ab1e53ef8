import type { ScaffoldWarning } from '../../result.js';
import { isObject, type Json, type SpecVersion } from '@sb/openapi';
import type { ApiModel } from './model.js';
import { readOperations } from './operations.js';
import { collectNamedSchemas } from './refs.js';
import { readSchemes } from './security.js';

/** Builds the framework-independent model from a validated, doctored document. */
export function buildModel(doc: Json, version: SpecVersion, formats: ReadonlyMap<string, string>, warnings: ScaffoldWarning[]): ApiModel {
  const info = isObject(doc['info']) ? doc['info'] : {};
  const schemesByName = readSchemes(doc, warnings);
  const operations = readOperations(doc, warnings);
  for (const op of operations) {
    for (const alt of op.security ?? []) {
      for (const req of alt) {
        if (!schemesByName.has(req.scheme)) {
          warnings.push({ code: 'unknown-security-scheme', pointer: `${op.pointer}/security`, message: `security scheme ${JSON.stringify(req.scheme)} is not defined (or not supported); requests needing it get 401` });
        }
      }
    }
  }
  if (isObject(doc['webhooks']) && Object.keys(doc['webhooks']).length > 0) {
    warnings.push({ code: 'webhooks-ignored', pointer: '#/webhooks', message: 'webhooks describe requests this API sends, not routes it serves; nothing is generated for them' });
  }
  const server = Array.isArray(doc['servers']) && isObject(doc['servers'][0]) ? doc['servers'][0]['url'] : undefined;
  const basePath = typeof server === 'string' ? /^(?:[a-z]+:\/\/[^/]*)?(\/[^?#]*?)\/?$/i.exec(server)?.[1] : undefined;
  if (basePath && basePath !== '/' && !basePath.includes('{')) {
    warnings.push({ code: 'server-base-path', pointer: '#/servers/0/url', message: `routes are registered without the server's base path ${JSON.stringify(basePath)}; mount the generated app under it (e.g. a parent router) if clients call it` });
  }
  return {
    version,
    title: typeof info['title'] === 'string' ? info['title'] : 'API',
    operations,
    schemas: collectNamedSchemas(doc, version),
    schemesByName,
    formats,
  };
}
