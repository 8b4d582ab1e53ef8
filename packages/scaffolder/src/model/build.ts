import type { ScaffoldWarning } from '../result.js';
import { isObject, type Json } from '../spec/resolve.js';
import type { SpecVersion } from '../spec/version.js';
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
  return {
    version,
    title: typeof info['title'] === 'string' ? info['title'] : 'API',
    operations,
    schemas: collectNamedSchemas(doc),
    schemesByName,
    formats,
  };
}
