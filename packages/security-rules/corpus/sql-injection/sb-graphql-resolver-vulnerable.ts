// A resolver stub written by `sb scaffold schema.graphql`, filled in with string-built SQL.
import { Pool } from 'pg';

interface QueryResolvers {
  user: (parent: Record<string, never>, args: { id: string; sort?: string | null }, context: unknown) => Promise<unknown>;
}

const pool = new Pool();

export const resolve: QueryResolvers['user'] = async (_parent, args) => {
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = $1 ORDER BY ${args.sort ?? 'id'}`, [args.id]); // expect: sql-injection
  return rows[0];
};
