import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { CallIndex } from '../project/call-index.js';
import { followConst } from '../symbols/declarations.js';

/** A GraphQL server created in the scanned code, with its options object when it is a literal. */
export interface GraphqlServer {
  readonly call: CallExpression | NewExpression;
  /** e.g. `graphql-yoga createYoga()`. */
  readonly library: string;
  readonly options: Node | undefined;
  /** Apollo Server turns introspection off when NODE_ENV=production unless told otherwise. */
  readonly introspectionOffInProduction: boolean;
}

const CREATORS: readonly { modules: readonly string[]; names: readonly string[]; apollo?: true }[] = [
  { modules: ['graphql-yoga'], names: ['createYoga'] },
  { modules: ['@apollo/server', 'apollo-server', 'apollo-server-express', 'apollo-server-fastify', 'apollo-server-koa'], names: ['ApolloServer'], apollo: true },
  { modules: ['graphql-http', 'graphql-http/lib/use/express', 'graphql-http/lib/use/fastify', 'graphql-http/lib/use/koa', 'graphql-http/lib/use/http', 'graphql-http/lib/use/fetch'], names: ['createHandler'] },
  { modules: ['express-graphql'], names: ['graphqlHTTP'] },
];

/** Every GraphQL server creation: Yoga, Apollo Server, graphql-http, express-graphql, and `register(mercurius, opts)`. */
export function graphqlServers(ctx: { readonly calls: CallIndex }): GraphqlServer[] {
  const out: GraphqlServer[] = [];
  for (const creator of CREATORS) {
    for (const { call, ref } of ctx.calls.callsTo(creator.modules, creator.names)) {
      out.push({ call, library: `${ref.module} ${ref.path.at(-1) ?? ''}()`, options: followConst(call.getArguments()[0]), introspectionOffInProduction: creator.apollo === true });
    }
  }
  for (const call of ctx.calls.callsNamed(new Set(['register']))) {
    const plugin = call.getArguments()[0];
    if (!plugin || !Node.isIdentifier(plugin)) continue;
    const imported = plugin.getSourceFile().getImportDeclarations().some((d) => d.getModuleSpecifierValue() === 'mercurius' && d.getDefaultImport()?.getText() === plugin.getText());
    if (imported) out.push({ call, library: 'mercurius', options: followConst(call.getArguments()[1]), introspectionOffInProduction: false });
  }
  return out;
}

/**
 * The text of the options and of every const they name (one step): enough to see `plugins: [armor]` where
 * `const armor = EnvelopArmorPlugin({...})`, or `validationRules: limits.rules` from a limits module.
 */
export function optionsText(options: Node | undefined): string {
  if (!options) return '';
  const parts = [options.getText()];
  for (const id of options.getDescendants().filter(Node.isIdentifier).slice(0, 50)) {
    const target = followConst(id);
    if (target && target !== id) parts.push(target.getText().slice(0, 4000));
    const decl = id.getSymbol()?.getAliasedSymbol()?.getDeclarations()[0] ?? id.getSymbol()?.getDeclarations()[0];
    if (decl && !decl.getSourceFile().isInNodeModules()) parts.push(decl.getText().slice(0, 4000));
  }
  return parts.join('\n');
}
