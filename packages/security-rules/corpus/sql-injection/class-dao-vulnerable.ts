import express from 'express';
import { Pool } from 'pg';

// Request data crossing a class instance, a callback and a closure on its way to the query text.
class UserDao {
  constructor(private readonly pool: Pool) {}

  async byName(name: string): Promise<unknown> {
    const where = () => `name = '${name}'`;
    return this.pool.query(`SELECT * FROM users WHERE ${where()}`); // expect: sql-injection
  }
}

const app = express();
app.get('/users', (req, res) => {
  const names = [String(req.query.name)];
  names.forEach((n) => {
    void new UserDao(new Pool()).byName(n).then((rows) => res.json(rows));
  });
});
