import { Node } from 'ts-morph';
import type { SchemaObject } from 'openapi3-ts/oas31';

const NUMERIC = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'multipleOf']);

/**
 * Reads JSON Schema keywords from a declaration's JSDoc, the convention of tsoa and typescript-json-schema:
 * the comment text → `description`, `@format email`, `@minimum 1`, `@pattern ^a`, `@default 3`, `@deprecated`,
 * and `@integer` / `@isInt` / `@type integer` → `type: integer`.
 */
export function jsDocAnnotations(decl: Node | undefined): Partial<SchemaObject> & { integer?: boolean } {
  if (!decl || !Node.isJSDocable(decl)) return {};
  const out: Partial<SchemaObject> & { integer?: boolean } = {};
  for (const doc of decl.getJsDocs()) {
    const text = doc.getDescription().trim();
    if (text) out.description = text;
    for (const tag of doc.getTags()) {
      const name = tag.getTagName();
      const value = (tag.getCommentText() ?? '').trim();
      if (NUMERIC.has(name) && value !== '' && Number.isFinite(Number(value))) {
        (out as Record<string, unknown>)[name] = Number(value);
      } else if (name === 'format' && value) out.format = value;
      else if (name === 'pattern' && value) out.pattern = value;
      else if (name === 'deprecated') out.deprecated = true;
      else if (name === 'default' && value) out.default = parseValue(value);
      else if (name === 'integer' || name === 'isInt' || (name === 'type' && value === 'integer')) out.integer = true;
    }
  }
  return out;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
