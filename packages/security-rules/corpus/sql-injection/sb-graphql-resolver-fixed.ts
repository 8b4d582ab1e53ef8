// A resolver stub written by `sb scaffold schema.graphql`, filled in with bound parameters and an allow-list.
import { Pool } from 'pg';

interface QueryResolvers {
  user: (parent: Record<string, never>, args: { id: string; sort?: 'id' | 'name' | null }, context: unknown) => Promise<unknown>;
}

const pool = new Pool();

export const resolve: QueryResolvers['user'] = async (_parent, args) => {
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = $1 ORDER BY ${args.sort === 'name' ? 'name' : 'id'}`, [args.id]);
  return rows[0];
};
