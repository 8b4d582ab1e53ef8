import { OpenApiError } from '../errors.js';

/** True when some `$ref` under `node` points outside the document (another file or a URL). */
export function hasExternalRef(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== 'object') continue;
    if (Array.isArray(cur)) {
      for (const v of cur) stack.push(v);
      continue;
    }
    const ref = (cur as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string' && !ref.startsWith('#')) return true;
    for (const v of Object.values(cur)) stack.push(v);
  }
  return false;
}

/**
 * The document of `file` with every external `$ref` bundled in as a local one (`@apidevtools/swagger-parser`,
 * loaded only when a spec needs it). Throws `OPENAPI_INVALID_SPEC` when a referenced file cannot be read.
 */
export async function bundleRefs(file: string): Promise<Record<string, unknown>> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    return (await SwaggerParser.bundle(file)) as unknown as Record<string, unknown>;
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
    throw OpenApiError.ofProblems('OPENAPI_INVALID_SPEC', [{ pointer: '#', message: `cannot bundle external $refs: ${message}` }], err);
  }
}
