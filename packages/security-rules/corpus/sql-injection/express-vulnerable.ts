import express from 'express';
import { Pool } from 'pg';
import { sql, type Kysely } from 'kysely';

const pool = new Pool();
const app = express();
app.use(express.json());

function findUserQuery(email: string) {
  return `SELECT * FROM users WHERE email = '${email}'`;
}

app.get('/users', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM users WHERE name = '${req.query.name}'`); // expect: sql-injection
  res.json(rows);
});

app.post('/login', async (req, res) => {
  const text = findUserQuery(req.body.email);
  const result = await pool.query(text); // expect: sql-injection
  res.json(result.rows);
});

export function orderBy(db: Kysely<any>) {
  app.get('/sorted', async (req, res) => {
    const col = req.query.sort as string;
    const rows = await db.selectFrom('users').selectAll().orderBy(sql.raw(col)).execute(); // expect: sql-injection
    res.json(rows);
  });
}

// The client chooses the identifier: quoted, but any column of any table can be read.
export function pickColumn(db: Kysely<any>) {
  app.get('/column', async (req, res) => {
    const col = req.query.col as string;
    const result = await sql`select ${sql.id(col)} from users`.execute(db); // expect: sql-injection
    res.json(result.rows);
  });
}
