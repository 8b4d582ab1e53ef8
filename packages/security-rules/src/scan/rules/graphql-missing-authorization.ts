import { Node, SyntaxKind } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { resolverSite, type ResolverSite } from '../graphql/resolvers.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';

/** Mutations that must work without a login (the GraphQL side of missing-auth's public-by-design routes). */
const PUBLIC_MUTATION = /^(?:log-?in|sign-?in|sign-?up|register|logout|sign-?out|forgot\w*|reset\w*Password|request\w*Reset|refresh\w*|verify\w*|confirm\w*|contact\w*|subscribe\w*|create(?:Session|Token))$/i;
/** Query fields that are public by nature. */
const PUBLIC_QUERY = /^(?:health\w*|version|ping|status|node|nodes|public\w*|search\w*)$/i;
const AUTH_CALL = /\b(?:requireAuth\w*|requireUser|requireRole\w*|requireAdmin|authori[sz]e\w*|assert(?:Auth\w*|User|Role\w*|Permission\w*|Owner\w*|Can\w*)|ensure(?:Auth\w*|User|Role\w*|Permission\w*)|checkPermission\w*|hasPermission\w*|hasRole|isAuthenticated|can)\s*\(|UNAUTHENTICATED|FORBIDDEN|AuthenticationError|ForbiddenError/;
const USER_KEY = /\b(?:user|viewer|session|currentUser|principal|auth|roles?|permissions|userId|isAdmin)\b/;
/** Authorization declared apart from the resolvers: graphql-shield, auth directives in the SDL. */
const ELSEWHERE = /from ['"]graphql-shield['"]|@(?:auth|authenticated|requiresAuth|hasRole|hasScope|isAuthenticated)\b/;

/** True when the resolver checks the caller: a user read from the context, or an authorization call. */
function checksCaller(site: ResolverSite): boolean {
  const fn = site.fn;
  const text = fn.getText();
  if (AUTH_CALL.test(text)) return true;
  const ctxParam = fn.getParameters()[2];
  if (!ctxParam || !Node.isParameterDeclaration(ctxParam)) return false;
  const name = ctxParam.getNameNode();
  if (Node.isIdentifier(name)) return new RegExp(`\\b${name.getText()}\\s*\\??\\.\\s*${USER_KEY.source}`).test(text);
  // (_, args, { user }) => { if (!user) … }: a user-like key destructured and used in the body.
  if (Node.isObjectBindingPattern(name)) {
    const body = (fn as unknown as { getBody?: () => Node | undefined }).getBody?.()?.getText() ?? '';
    return name.getElements().some((e) => USER_KEY.test(e.getPropertyNameNode()?.getText() ?? e.getName()) && new RegExp(`\\b${e.getName()}\\b`).test(body));
  }
  return false;
}

/**
 * True for a stub that does nothing but throw (`throw new GraphQLError('… not implemented', …)`, as sb scaffold
 * writes them): it reads and changes nothing, so there is no access to control yet. A body that throws on one
 * path and works on another is not a stub.
 */
function onlyThrows(site: ResolverSite): boolean {
  const body = (site.fn as unknown as { getBody?: () => Node | undefined }).getBody?.();
  if (!body || !Node.isBlock(body)) return false;
  const statements = body.getStatements();
  return statements.length > 0 && statements.every((s) => Node.isThrowStatement(s));
}

function resolverSites(ctx: RuleContext): ResolverSite[] {
  const out: ResolverSite[] = [];
  for (const file of ctx.files) {
    if (!/resolvers/i.test(file.getFullText())) continue;
    for (const kind of [SyntaxKind.ArrowFunction, SyntaxKind.FunctionExpression, SyntaxKind.MethodDeclaration] as const) {
      for (const fn of file.getDescendantsOfKind(kind)) {
        const site = resolverSite(fn);
        if (site) out.push(site);
      }
    }
  }
  return out;
}

/**
 * Resolvers of non-public fields that never look at the caller: every mutation except public-by-design ones
 * (login, sign-up, password reset, …), and any other field when sibling resolvers do check the caller.
 */
export const graphqlMissingAuthorization: Rule = {
  meta: {
    id: 'graphql-missing-authorization',
    title: 'GraphQL resolver without an authorization check',
    description: 'A resolver of a non-public field (a mutation, or a field whose siblings check the caller) neither reads the user from the context nor calls an authorization helper, and no graphql-shield or auth directive covers it. A stub whose body only throws is not reported.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [862, 285],
    owasp: 'A01:2021-Broken Access Control',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    if (ctx.files.some((f) => ELSEWHERE.test(f.getFullText()))) return;
    const sites = resolverSites(ctx);
    const checked = sites.filter(checksCaller);
    const projectChecks = checked.length > 0;
    const checkedTypes = new Set(checked.map((s) => s.typeName));
    for (const site of sites) {
      if (checked.includes(site) || onlyThrows(site)) continue;
      const mutation = site.typeName === 'Mutation';
      if (mutation && PUBLIC_MUTATION.test(site.field)) continue;
      if (!mutation && (PUBLIC_QUERY.test(site.field) || !checkedTypes.has(site.typeName))) continue;
      yield {
        node: site.fn,
        message: `resolver ${site.typeName}.${site.field} does not check the caller${projectChecks ? ' (other resolvers read the user from the context)' : ''}`,
        // Certain only when the project has an authorization concept that this resolver skips.
        confidence: projectChecks ? 'taint-confirmed' : 'pattern',
      };
    }
  },
};
