import { Node, type Symbol as MorphSymbol, type Type } from 'ts-morph';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { jsDocAnnotations } from './jsdoc-annotations.js';
import { SchemaRegistry, withNull, type JsonSchema } from './registry.js';

const BUILTIN_NAMES = new Set(['Array', 'ReadonlyArray', 'Promise', 'Date', 'Object', 'Function', 'Map', 'Set', 'Buffer', 'Uint8Array']);

/**
 * Turns TypeScript types into JSON Schema: primitives, literals (→ `const` / `enum`), unions (→ `oneOf`,
 * `null` → type arrays), arrays and tuples, objects (optional properties leave `required`, index signatures
 * → `additionalProperties`), intersections (merged), `Date` → `date-time`, JSDoc keywords. Types declared in
 * the project with a name (interfaces, aliases, enums, classes) become `components.schemas` and `$ref`s.
 * `any`/`unknown` become `{}` and are counted in {@link TypeToSchema.opaque}, so callers can report them.
 */
export class TypeToSchema {
  /** Human names of the places where a type was `any`/`unknown`/a function (nothing could be inferred). */
  opaque = 0;
  private readonly inProgress = new Set<unknown>();

  constructor(private readonly registry: SchemaRegistry) {}

  convert(type: Type, where: Node): JsonSchema {
    const named = this.namedDeclaration(type);
    if (named) {
      const existing = this.registry.nameOf(named.decl);
      if (existing) return SchemaRegistry.ref(existing);
      const name = this.registry.reserve(named.decl, componentNameFromDoc(named.decl) ?? named.name);
      const schema = this.structural(type, where);
      const doc = jsDocAnnotations(named.decl);
      this.registry.define(name, doc.description && !('$ref' in schema) ? { ...schema, description: doc.description } : schema);
      return SchemaRegistry.ref(name);
    }
    // A recursive type that is not named in the user's code (e.g. qs's ParsedQs): stop, do not expand forever.
    if (this.inProgress.has(type.compilerType) || this.inProgress.size > 40) {
      this.opaque++;
      return {};
    }
    this.inProgress.add(type.compilerType);
    try {
      return this.structural(type, where);
    } finally {
      this.inProgress.delete(type.compilerType);
    }
  }

  private structural(type: Type, where: Node): JsonSchema {
    if (type.isAny() || type.isUnknown()) {
      this.opaque++;
      return {};
    }
    if (type.isBoolean()) return { type: 'boolean' };
    if (type.isString() || type.isTemplateLiteral()) return { type: 'string' };
    if (type.isNumber()) return { type: 'number' };
    if (type.isBigInt()) return { type: 'integer', format: 'int64' };
    if (type.isNull()) return { type: 'null' };
    if (type.isUndefined() || type.isVoid()) return {};
    if (type.isStringLiteral()) return { type: 'string', const: type.getLiteralValue() as string };
    if (type.isNumberLiteral()) return { type: 'number', const: type.getLiteralValue() as number };
    if (type.isBooleanLiteral()) return { type: 'boolean', const: type.getText() === 'true' };
    if (type.isUnion()) return this.union(type.getUnionTypes(), where);
    if (type.isArray() || type.isReadonlyArray()) {
      const element = type.getArrayElementType() ?? type.getTypeArguments()[0];
      return { type: 'array', items: element ? this.convert(element, where) : {} };
    }
    if (type.isTuple()) {
      const items = type.getTupleElements().map((t) => this.convert(t, where));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    const symbolName = (type.getSymbol() ?? type.getAliasSymbol())?.getName();
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (symbolName === 'Buffer' || symbolName === 'Uint8Array') return { type: 'string', format: 'binary' };
    if (symbolName === 'Promise') {
      const inner = type.getTypeArguments()[0];
      return inner ? this.convert(inner, where) : {};
    }
    if (type.getCallSignatures().length > 0) {
      this.opaque++;
      return {};
    }
    if (type.isObject() || type.isIntersection()) return this.object(type, where);
    this.opaque++;
    return {};
  }

  private union(members: Type[], where: Node): JsonSchema {
    let nullable = false;
    const rest: Type[] = [];
    let bools = 0;
    for (const m of members) {
      if (m.isNull()) nullable = true;
      else if (m.isUndefined() || m.isVoid()) continue;
      else if (m.isBooleanLiteral()) bools++;
      else rest.push(m);
    }
    const schemas: JsonSchema[] = [];
    if (bools === 2) schemas.push({ type: 'boolean' });
    else for (const m of members.filter((x) => x.isBooleanLiteral())) schemas.push(this.convert(m, where));
    const literals = rest.filter((m) => m.isStringLiteral() || m.isNumberLiteral());
    const others = rest.filter((m) => !(m.isStringLiteral() || m.isNumberLiteral()));
    if (literals.length > 0) {
      const strings = literals.filter((m) => m.isStringLiteral()).map((m) => m.getLiteralValue());
      const numbers = literals.filter((m) => m.isNumberLiteral()).map((m) => m.getLiteralValue());
      if (strings.length) schemas.push(strings.length === 1 ? { type: 'string', const: strings[0] } : { type: 'string', enum: strings });
      if (numbers.length) schemas.push(numbers.length === 1 ? { type: 'number', const: numbers[0] } : { type: 'number', enum: numbers });
    }
    for (const m of others) schemas.push(this.convert(m, where));
    const core: JsonSchema = schemas.length === 1 ? schemas[0]! : schemas.length === 0 ? {} : { oneOf: schemas };
    return nullable ? withNull(core) : core;
  }

  private object(type: Type, where: Node): SchemaObject {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of type.getProperties()) {
      const decl = prop.getValueDeclaration() ?? prop.getDeclarations()[0];
      if (decl && (Node.isMethodSignature(decl) || Node.isMethodDeclaration(decl))) continue;
      const propType = prop.getTypeAtLocation(where);
      if (propType.getCallSignatures().length > 0 && !propType.isUnion()) continue;
      properties[prop.getName()] = this.property(prop, propType, decl, where);
      if (!prop.isOptional() && !propType.isUndefined()) required.push(prop.getName());
    }
    const schema: SchemaObject = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = type.getStringIndexType();
    if (index) schema.additionalProperties = this.convert(index, where);
    if (index && Object.keys(properties).length === 0) delete schema.properties;
    return schema;
  }

  /** A property's schema: its type plus what its JSDoc says (`@integer`, `@format`, bounds, description). */
  property(prop: MorphSymbol, propType: Type, decl: Node | undefined, where: Node): JsonSchema {
    const converted = this.convert(propType, where);
    const { integer, ...doc } = jsDocAnnotations(decl);
    if ('$ref' in converted) return Object.keys(doc).length ? { allOf: [converted], ...doc } : converted;
    const out: SchemaObject = { ...converted, ...doc };
    if (integer && out.type === 'number') out.type = 'integer';
    if (integer && Array.isArray(out.type)) out.type = out.type.map((t) => (t === 'number' ? 'integer' : t));
    void prop;
    return out;
  }

  /** The declaration that names `type` in the user's code (interface, alias, enum, class), if any. */
  private namedDeclaration(type: Type): { decl: Node; name: string } | undefined {
    const alias = type.getAliasSymbol();
    if (alias && type.getAliasTypeArguments().length === 0) {
      const decl = alias.getDeclarations()[0];
      if (decl && isUserCode(decl) && !isTrivialAlias(type)) return { decl, name: alias.getName() };
      if (decl && isUserCode(decl)) return undefined;
    }
    if (type.isEnum()) {
      const decl = type.getSymbol()?.getDeclarations()[0];
      if (decl && isUserCode(decl)) return { decl, name: type.getSymbol()!.getName() };
    }
    const symbol = type.getSymbol();
    if (!symbol || !(type.isInterface() || type.isClass())) return undefined;
    if (type.getTypeArguments().length > 0 || BUILTIN_NAMES.has(symbol.getName())) return undefined;
    const decl = symbol.getDeclarations()[0];
    return decl && isUserCode(decl) ? { decl, name: symbol.getName() } : undefined;
  }
}

function isUserCode(decl: Node): boolean {
  const sf = decl.getSourceFile();
  return !sf.isInNodeModules() && !sf.isFromExternalLibrary() && !/\/node_modules\//.test(sf.getFilePath());
}

/** `type Id = string` stays inline: naming a primitive adds nothing. */
function isTrivialAlias(type: Type): boolean {
  return type.isString() || type.isNumber() || type.isBoolean() || type.isStringLiteral() || type.isNumberLiteral();
}

/** `@see #/components/schemas/Pet` (how `sb scaffold` marks the types it generates) names the component. */
function componentNameFromDoc(decl: Node): string | undefined {
  if (!Node.isJSDocable(decl)) return undefined;
  for (const doc of decl.getJsDocs()) {
    for (const tag of doc.getTags()) {
      const m = tag.getTagName() === 'see' ? /#\/components\/schemas\/([^\s]+)/.exec(tag.getText()) : null;
      if (m?.[1]) return decodeURIComponent(m[1].replace(/~1/g, '/').replace(/~0/g, '~'));
    }
  }
  return undefined;
}
