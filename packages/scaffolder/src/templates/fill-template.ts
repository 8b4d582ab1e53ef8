/**
 * The only two ways a template varies per run. Everything else in a template is emitted byte for byte: nothing
 * is interpolated, so a backtick or `${` in a template is just text.
 */

/** A whole line `// @sb-slot <name>` (any indentation): where generated rows go. */
const SLOT = /^[ \t]*\/\/ @sb-slot ([a-z][a-z0-9-]*)[ \t]*$/gm;

/**
 * Replaces each `// @sb-slot <name>` line of `template` with `slots[name]` (without the line's own indentation;
 * the rows carry theirs). A slot left unfilled, a value without its slot, or a slot twice is a bug of the
 * generator and throws. The values are code the emitters made, with every name from the input already quoted.
 *
 * @example
 * fillSlots('const ROUTES = [\n  // @sb-slot routes\n];\n', { routes: "  ['get', '/pets'],"}); // "const ROUTES = [\n  ['get', '/pets'],\n];\n"
 */
export function fillSlots(template: string, slots: Readonly<Record<string, string>>): string {
  const seen = new Set<string>();
  const filled = template.replace(SLOT, (_line, name: string) => {
    if (seen.has(name)) throw new Error(`template slot ${name} appears twice`);
    seen.add(name);
    const value = Object.prototype.hasOwnProperty.call(slots, name) ? slots[name] : undefined;
    if (value === undefined) throw new Error(`template slot ${name} has no value`);
    return value;
  });
  const unused = Object.keys(slots).filter((name) => !seen.has(name));
  if (unused.length > 0) throw new Error(`template has no slot ${unused.join(', ')}`);
  return filled;
}

/** A single-quoted string literal, as the templates write their import specifiers. */
function singleQuoted(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => (c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

/**
 * Makes the sibling imports `'./<module>'` of a template import `'<base><module>'` instead, for an entry that lives
 * in another folder than the code it starts (`src/server.ts` importing `./routes/app.gen.js`). `base` is a folder
 * path ending in `/`; it is escaped as a string literal. Each module must be imported by the template.
 *
 * @example
 * rebaseImports("import { createApp } from './app.gen.js';\n", './routes/', ['app.gen.js']); // "import { createApp } from './routes/app.gen.js';\n"
 */
export function rebaseImports(template: string, base: string, modules: readonly string[]): string {
  if (base === './') return template;
  let out = template;
  for (const m of modules) {
    const from = `'./${m}'`;
    if (!out.includes(from)) throw new Error(`template does not import ${from}`);
    out = out.split(from).join(singleQuoted(`${base}${m}`));
  }
  return out;
}
