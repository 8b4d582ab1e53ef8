import { GraphQLError } from 'graphql';
import type { Pool } from 'pg';

interface Context { user?: { id: string; role: string }; db: Pool }

export const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Context) => {
      if (!ctx.user) throw new GraphQLError('login first', { extensions: { code: 'UNAUTHENTICATED' } });
      return ctx.db.query('SELECT * FROM users WHERE id = $1', [ctx.user.id]);
    },
    order: (_: unknown, args: { id: string }, ctx: Context) => ctx.db.query('SELECT * FROM orders WHERE id = $1', [args.id]), // expect: graphql-missing-authorization
    health: () => 'ok',
  },
  Mutation: {
    login: (_: unknown, args: { email: string; password: string }, ctx: Context) => ctx.db.query('SELECT 1 WHERE $1 = $2', [args.email, args.password]),
    deleteUser: async (_: unknown, args: { id: string }, ctx: Context) => { // expect: graphql-missing-authorization
      await ctx.db.query('DELETE FROM users WHERE id = $1', [args.id]);
      return true;
    },
    // Throws on one path, works on the other: not a stub.
    archiveUser: async (_: unknown, args: { id: string }, ctx: Context) => { // expect: graphql-missing-authorization
      if (!args.id) throw new GraphQLError('id is required', { extensions: { code: 'BAD_USER_INPUT' } });
      await ctx.db.query('UPDATE users SET archived = true WHERE id = $1', [args.id]);
      return true;
    },
  },
};
