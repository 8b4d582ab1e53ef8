/**
 * Turning arbitrary spec strings (schema keys, operation ids, tags) into valid, stable TypeScript
 * identifiers and file names. Nothing from the spec reaches generated code as an identifier without
 * going through here.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare ' +
    'get module require number set string symbol type from of unknown never object undefined await async ' +
    'prototype __proto__ hasOwnProperty toString valueOf arguments eval Array Object Promise Record Error'
  ).split(' '),
);

function words(raw: string): string[] {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

function capital(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** `pet-cat` → `PetCat`; always a valid identifier (prefixed `T` when it would start with a digit). */
export function pascalCase(raw: string): string {
  const s = words(raw).map(capital).join('');
  if (s === '') return 'T';
  return /^[0-9]/.test(s) ? `T${s}` : s;
}

/** `list pets` → `listPets`; always a valid identifier, never a reserved word. */
export function camelCase(raw: string): string {
  const ws = words(raw);
  const s = ws.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capital(w))).join('');
  if (s === '') return 'op';
  if (/^[0-9]/.test(s)) return `op${s}`;
  return RESERVED.has(s) ? `${s}Op` : s;
}

/** `Pet Store/v2` → `pet-store-v2`: a safe single path segment (no dots, slashes or leading dashes). */
export function kebabCase(raw: string): string {
  const s = words(raw)
    .map((w) => w.toLowerCase())
    .join('-');
  return s === '' ? 'default' : s;
}

/** Hands out unique names: the first claim of a name gets it, later ones get `Name2`, `Name3`… */
export class NameRegistry {
  readonly #used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.#used.add(r);
  }

  claim(base: string, suffixes: readonly string[] = []): string {
    const taken = (n: string): boolean => this.#used.has(n) || RESERVED.has(n) || suffixes.some((s) => this.#used.has(n + s));
    let name = base;
    for (let i = 2; taken(name); i++) name = `${base}${i}`;
    this.#used.add(name);
    for (const s of suffixes) this.#used.add(name + s);
    return name;
  }
}
