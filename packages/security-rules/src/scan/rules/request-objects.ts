import type { Node, SourceFile, Type } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { Container, Route } from '../routes/types.js';
import type { TaintHit } from '../taint/trace.js';
import { followConst, objectProperty, stringValue } from '../symbols/declarations.js';

const STRING_STEP = /interpolated|concatenated|^\.\w+\(\)$|through (?:String|decodeURI|decodeURIComponent|unescape|atob)\(\)/;

const rootOf = (c: Container): Container => {
  let cur = c;
  for (let i = 0; cur.parent && i < 20; i++) cur = cur.parent;
  return cur;
};

/**
 * Which request fields can hold an object (not only a string), per app: a JSON body (express.json, body-parser
 * json, Fastify's default, koa-bodyparser/koa-body), an `extended` urlencoded body, and Express's query string
 * while its parser is qs (`query parser` not set to `simple`). Koa's and Fastify's query strings are flat. A
 * parser counts for the routes of the app set up in the same file.
 */
export class RequestObjects {
  private readonly expressBody = new Set<SourceFile>();
  private readonly simpleQuery = new Set<SourceFile>();
  private readonly koaBody = new Set<SourceFile>();

  constructor(private readonly ctx: RuleContext) {
    for (const { call, ref } of ctx.calls.callsTo(['express', 'body-parser'], ['json', 'urlencoded'])) {
      if (ref.path.at(-1) === 'json' || objectProperty(followConst(call.getArguments()[0]), 'extended')?.getText() === 'true') this.expressBody.add(call.getSourceFile());
    }
    for (const c of ctx.calls.callsNamed(new Set(['set']))) {
      const [name, value] = c.getArguments();
      if (name !== undefined && stringValue(name) === 'query parser' && (value?.getText() === 'false' || stringValue(value) === 'simple')) this.simpleQuery.add(c.getSourceFile());
    }
    for (const { call } of ctx.calls.callsTo(['koa-bodyparser', '@koa/bodyparser', 'koa-body', 'koa-better-body'])) this.koaBody.add(call.getSourceFile());
  }

  private setUp(files: Set<SourceFile>, route: Route | undefined): boolean {
    if (route === undefined) return files.size > 0;
    return files.has(route.node.getSourceFile()) || files.has(rootOf(route.container).node.getSourceFile());
  }

  /**
   * True when the traced value can be an object the client chose: the source is an object-capable request field
   * of its app (or the value went through `JSON.parse` last), and no later step made it a string.
   */
  carriesObject(hit: TaintHit): boolean {
    const first = hit.steps[0]?.node;
    const route = first ? this.ctx.routeOf(first) : undefined;
    const field = /\.(body|query|querystring|params|headers|cookies)\b/.exec(hit.source)?.[1];
    let object = false;
    if (field === 'body') {
      if (route?.framework === 'fastify') object = true;
      else if (route?.framework === 'koa') object = this.setUp(this.koaBody, route);
      else if (route?.framework === 'express') object = this.setUp(this.expressBody, route);
      else if (route === undefined) object = this.expressBody.size > 0 || this.koaBody.size > 0; // sb scaffold bodies are schema-validated
    } else if (field === 'query') {
      object = route?.framework === 'express' && !this.setUp(this.simpleQuery, route);
    }
    for (const { message } of hit.steps.slice(1)) {
      if (STRING_STEP.test(message)) object = false;
      else if (message === 'through JSON.parse()') object = true;
    }
    return object;
  }
}

/** A value whose type is only strings, numbers, booleans (or literals of them): it cannot carry an operator object. */
export function isPrimitiveTyped(value: Node): boolean {
  const prim = (t: Type): boolean => t.isString() || t.isNumber() || t.isBoolean() || t.isStringLiteral() || t.isNumberLiteral() || t.isBooleanLiteral() || t.isUndefined() || t.isNull() || t.isEnumLiteral();
  const t = value.getType();
  if (t.isAny() || t.isUnknown()) return false;
  return t.isUnion() ? t.getUnionTypes().every(prim) : prim(t);
}
