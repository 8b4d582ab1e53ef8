import path from 'node:path';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../../write/atomic-write.js';

/** `json` for `.json` files, else `yaml`. */
export function formatOf(file: string): 'json' | 'yaml' {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** The document as YAML (no anchors/aliases) or pretty JSON, ending with a newline. */
export function serializeSpec(document: OpenAPIObject, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Writes the document atomically (temporary file, then rename), YAML or JSON by extension. */
export async function writeSpecFile(document: OpenAPIObject, file: string): Promise<void> {
  const abs = path.resolve(file);
  await writeFileAtomic(path.dirname(abs), path.basename(abs), serializeSpec(document, formatOf(abs)));
}
