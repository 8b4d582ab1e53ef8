import { Node } from 'ts-morph';
import type { RouteModel } from '../routes/types.js';
import { resolveDeclaration } from '../symbols/declarations.js';
import { isResolverArgs } from '../graphql/resolvers.js';

/** Request properties that carry attacker-controlled data (Express `req.*`, Fastify `request.*`, Koa `ctx.request.*`). */
export const SOURCE_KEYS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'querystring', 'url', 'originalUrl', 'path', 'hostname', 'files', 'file', 'raw', 'search', 'href']);
/** Request methods that return attacker-controlled data: `req.get('x')`, `ctx.cookies.get('x')`. */
export const SOURCE_METHODS = new Set(['get', 'header', 'param']);

const REQUEST_TYPE = /\b(?:Request|FastifyRequest|Context|ParameterizedContext|RouterContext|IncomingMessage)\b/;
const REQUEST_NAME = /^(?:req|request|ctx|context)$/;

/** Decides which parameters are the incoming request, and which expressions read request data. */
export class SourceModel {
  constructor(private readonly routes: RouteModel) {}

  /** The first parameter of a handler/middleware, a parameter typed as a request, or one named `req`/`request`/`ctx`. */
  isRequestParam(param: Node): boolean {
    if (!Node.isParameterDeclaration(param)) return false;
    const fn = param.getParent();
    const index = (fn as unknown as { getParameters(): Node[] }).getParameters().indexOf(param);
    if (index === 0 && this.routes.handlers.has(fn)) return true;
    const typeText = param.getTypeNode()?.getText() ?? '';
    if (REQUEST_TYPE.test(typeText) && !/Reply|Response/.test(typeText)) return true;
    return REQUEST_NAME.test(param.getName()) && (typeText === '' || typeText === 'any');
  }

  /** Whether a request parameter is a Koa context (so `ctx.body` is the response, not a source). */
  private isKoaContext(param: Node): boolean {
    if (!Node.isParameterDeclaration(param)) return false;
    const route = this.routes.handlers.get(param.getParent());
    if (route) return route.framework === 'koa';
    return /^ctx|context$/.test(param.getName()) || /Context/.test(param.getTypeNode()?.getText() ?? '');
  }

  /** `req`, `request`, `ctx`, `ctx.request`: an expression that is the incoming request. */
  requestObject(expr: Node): { koa: boolean } | undefined {
    if (Node.isIdentifier(expr)) {
      const decl = resolveDeclaration(expr);
      if (decl && Node.isParameterDeclaration(decl) && this.isRequestParam(decl)) return { koa: this.isKoaContext(decl) };
      return undefined;
    }
    if (Node.isPropertyAccessExpression(expr) && expr.getName() === 'request') {
      const inner = this.requestObject(expr.getExpression());
      if (inner?.koa) return { koa: false };
    }
    return undefined;
  }

  /** A label such as `req.body` when the expression reads request data directly, else undefined. */
  sourceOf(expr: Node): string | undefined {
    if (Node.isPropertyAccessExpression(expr) || Node.isElementAccessExpression(expr)) {
      const key = Node.isPropertyAccessExpression(expr) ? expr.getName() : expr.getArgumentExpression()?.getText().replace(/^['"]|['"]$/g, '');
      // The key first: resolving the receiver (a symbol lookup) is the costly part, and most reads are not sources.
      if (key === undefined || !SOURCE_KEYS.has(key)) return undefined;
      const obj = this.requestObject(expr.getExpression());
      if (obj && !(obj.koa && key === 'body')) return expr.getText();
      return undefined;
    }
    if (Node.isCallExpression(expr)) {
      const callee = expr.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !SOURCE_METHODS.has(callee.getName())) return undefined;
      const recv = callee.getExpression();
      if (this.requestObject(recv)) return expr.getText();
      if (Node.isPropertyAccessExpression(recv) && recv.getName() === 'cookies' && this.requestObject(recv.getExpression())) return expr.getText();
    }
    return undefined;
  }

  /** For `const { body } = req` / `({ body }, reply) =>`: the source label when `holder` is a request and `key` a source key. */
  destructuredSource(holder: Node, key: string): string | undefined {
    const obj = Node.isParameterDeclaration(holder)
      ? (this.isRequestParam(holder) ? { koa: this.isKoaContext(holder) } : undefined)
      : this.requestObject(holder);
    if (obj && SOURCE_KEYS.has(key) && !(obj.koa && key === 'body')) return `request.${key}`;
    // ({ id }) destructured from a GraphQL resolver's args
    if (isResolverArgs(holder)) return `args.${key}`;
    return undefined;
  }
}
