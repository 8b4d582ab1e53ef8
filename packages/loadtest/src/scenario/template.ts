const TEMPLATE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/** The variable names a template string uses. */
export function templateNames(text: string): string[] {
  return [...text.matchAll(TEMPLATE)].map((m) => m[1]!);
}

/** Fills `{{name}}` from `vars` (names were checked before the run: a missing one becomes an empty string). */
export function fill(text: string, vars: Readonly<Record<string, string>>): string {
  return text.includes('{{') ? text.replace(TEMPLATE, (_, name: string) => vars[name] ?? '') : text;
}

/** Fills templates in every string inside a JSON value (GraphQL variables, JSON bodies). */
export function fillDeep(value: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return fill(value, vars);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, vars));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, vars)]));
  return value;
}
