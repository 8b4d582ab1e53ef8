import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, scan } from '../../../src/index.js';
import { tempProject } from '../../helpers/project.js';

const SRC = `import express from 'express';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.get('/u', async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM users WHERE email = '\${req.query.email}' AND id = \${req.query.id}\`);
  res.cookie('sid', 'x', { path: '/' });
  res.cookie('theme', 'dark');
  const t = jwt.sign({ sub: 'a' }, 'literal-signing-key-that-is-long-enough-123');
  res.json({ rows, t, v: jwt.verify(t, process.env.K as string) });
});
`;
const RULES = ['sql-injection', 'insecure-cookie', 'jwt-missing-expiry', 'jwt-verify-algorithms', 'jwt-hardcoded-secret'];

describe('applyFixes', () => {
  it('parameterises the pg query, adds cookie flags, expiresIn and algorithms, moves the key to the environment, and the rescan is clean', async () => {
    const dir = tempProject({ 'app.ts': SRC });
    const before = await scan({ paths: [dir], rules: RULES });
    expect(before.findings.filter((f) => f.fix).map((f) => f.ruleId).sort()).toEqual(['insecure-cookie', 'insecure-cookie', 'jwt-hardcoded-secret', 'jwt-missing-expiry', 'jwt-verify-algorithms', 'sql-injection']);
    const report = applyFixes(before.findings);
    expect(report.applied).toBe(6);
    const text = readFileSync(join(dir, 'app.ts'), 'utf8');
    expect(text).toContain(`pool.query("SELECT * FROM users WHERE email = $1 AND id = $2", [req.query.email, req.query.id])`);
    expect(text).toContain("if (!process.env.JWT_SECRET) throw new Error('JWT_SECRET is not set');");
    expect(text).toContain("jwt.verify(t, process.env.K as string, { algorithms: ['HS256'] })");
    const after = await scan({ paths: [dir], rules: RULES });
    expect(after.parseErrors).toEqual([]);
    expect(after.findings.filter((f) => f.confidence === 'taint-confirmed')).toEqual([]);
  });
});
