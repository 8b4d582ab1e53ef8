import { createSchema, createYoga } from 'graphql-yoga';
import { Pool } from 'pg';

const pool = new Pool();

const typeDefs = 'type Query { user(id: ID!): User users(name: String!): [User!]! } type User { id: ID! name: String! }';

export const resolvers = {
  Query: {
    user: async (_parent: unknown, args: { id: string }) => {
      const { rows } = await pool.query(`SELECT * FROM users WHERE id = '${args.id}'`); // expect: sql-injection
      return rows[0];
    },
    users: async (_parent: unknown, { name }: { name: string }) => {
      const text = "SELECT * FROM users WHERE name = '" + name + "'";
      return (await pool.query(text)).rows; // expect: sql-injection
    },
  },
};

export const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers }) });
