import { JSONPath } from 'jsonpath-plus';

/** What a response offers to captures. */
export interface CaptureSource {
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** True when captures need the response body (JSONPath or regex), not only headers. */
export function needsBody(specs: Record<string, string> | undefined): boolean {
  return Object.values(specs ?? {}).some((spec) => !spec.startsWith('header:'));
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * One capture: `$.path` (JSONPath, first match; objects as JSON text), `header:NAME` (case-insensitive), or
 * `regex:PATTERN` (first group, else the whole match). Undefined when nothing matched.
 */
export function capture(spec: string, source: CaptureSource): string | undefined {
  if (spec.startsWith('header:')) {
    const value = source.headers[spec.slice(7).toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }
  if (spec.startsWith('regex:')) {
    const m = new RegExp(spec.slice(6)).exec(source.text);
    return m ? (m[1] ?? m[0]) : undefined;
  }
  if (source.json === undefined) return undefined;
  const found = JSONPath({ path: spec, json: source.json as object, wrap: true, eval: false }) as unknown[];
  return asText(found[0]);
}
