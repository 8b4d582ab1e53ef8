import { createSchema, createYoga } from 'graphql-yoga';
import { Pool } from 'pg';

const pool = new Pool();

const typeDefs = 'type Query { user(id: ID!): User users(limit: Int!): [User!]! } type User { id: ID! name: String! }';

export const resolvers = {
  Query: {
    user: async (_parent: unknown, args: { id: string }) => {
      const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [args.id]);
      return rows[0];
    },
    // An Int argument cannot carry SQL.
    users: async (_parent: unknown, { limit }: { limit: number }) => (await pool.query(`SELECT * FROM users LIMIT ${limit}`)).rows,
  },
};

export const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers }) });
