import express from 'express';
import { Pool } from 'pg';
import { sql, type Kysely } from 'kysely';

const pool = new Pool();
const app = express();
app.use(express.json());

app.get('/users', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE name = $1', [req.query.name]);
  res.json(rows);
});

app.get('/users/:id', async (req, res) => {
  const id = Number(req.params.id);
  const result = await pool.query(`SELECT * FROM users WHERE id = ${id}`);
  res.json(result.rows);
});

export function orderBy(db: Kysely<any>) {
  app.get('/sorted', async (req, res) => {
    const dir: 'asc' | 'desc' = req.query.dir === 'desc' ? 'desc' : 'asc';
    const rows = await db.selectFrom('users').selectAll().orderBy(sql.raw(`name ${dir}`)).execute();
    res.json(rows);
  });
}

export function afterCursor(db: Kysely<any>) {
  app.get('/page', async (req, res) => {
    // kysely binds every value of sql.join([...]) and of the sql tag as a parameter (as sb scaffold --from-db writes cursors).
    const key = JSON.parse(Buffer.from(String(req.query.after), 'base64url').toString()) as unknown[];
    const vals = sql.join(key.map((v) => sql`${v}`));
    const rows = await db.selectFrom('users').selectAll().where(sql<boolean>`(id) > (${vals})`).execute();
    res.json(rows);
  });
}
