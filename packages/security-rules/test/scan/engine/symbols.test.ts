import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/index.js';
import { tempProject } from '../../helpers/project.js';

const handler = (body: string) => `import express from 'express';\nconst app = express();\napp.get('/x', async (req, res) => {\n${body}\n});\n`;

describe('symbol-resolved sinks', () => {
  it('finds child_process exec through destructuring, promisify, a renamed import and a re-export chain', async () => {
    const dir = tempProject({
      'reexport.ts': "export { exec as shell } from 'node:child_process';\n",
      'again.ts': "export { shell as runIt } from './reexport.js';\n",
      'a.ts': `import { runIt } from './again.js';\nimport { promisify } from 'util';\nconst { exec: e } = require('child_process');\nconst p = promisify(e);\n${handler('  runIt(`ls ${req.query.a}`);\n  await p(`ls ${req.query.b}`);')}`,
    });
    const r = await scan({ paths: [dir], rules: ['command-injection'] });
    expect(r.findings.map((f) => [f.location.line, f.message])).toEqual([
      [8, 'req.query reaches child_process.exec'],
      [9, 'req.query reaches child_process.exec (promisified)'],
    ]);
  });

  it('ignores a local function that happens to be called exec', async () => {
    const dir = tempProject({ 'a.ts': `function exec(s: string) { return s; }\n${handler('  res.send(exec(String(req.query.a)));')}` });
    const r = await scan({ paths: [dir], rules: ['command-injection'] });
    expect(r.findings).toEqual([]);
  });
});

describe('type-aware taint', () => {
  it('does not taint numbers, booleans or string-literal unions but does taint strings', async () => {
    const dir = tempProject({
      'a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\n${handler(`  const id = Number(req.query.id);\n  const dir = (req.query.dir === 'desc' ? 'desc' : 'asc') as 'asc' | 'desc';\n  const flag = req.query.f === '1';\n  await pool.query(\`SELECT * FROM t WHERE id = \${id} ORDER BY a \${dir} LIMIT \${flag ? 1 : 2}\`);\n  const name = String(req.query.name);\n  await pool.query(\`SELECT * FROM t WHERE name = '\${name}'\`);`)}`,
    });
    const r = await scan({ paths: [dir], rules: ['sql-injection'] });
    expect(r.findings.filter((f) => f.confidence === 'taint-confirmed').map((f) => f.location.line)).toEqual([11]);
  });

  it('follows request data into a helper in another file and back out of its return value', async () => {
    const dir = tempProject({
      'q.ts': "export function byEmail(email: string) {\n  return 'SELECT * FROM users WHERE email = \\'' + email + '\\'';\n}\n",
      'a.ts': `import { Pool } from 'pg';\nimport { byEmail } from './q.js';\nconst pool = new Pool();\n${handler('  await pool.query(byEmail(req.body.email));')}`,
    });
    const r = await scan({ paths: [dir], rules: ['sql-injection'] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.flow?.map((s) => s.location.file)).toContain('q.ts');
  });

  it('treats zod parse and declared sanitizers as clean, and a request value as tainted without them', async () => {
    const dir = tempProject({
      '.sb-security.json': JSON.stringify({ sanitizers: ['cleanId'] }),
      'a.ts': `import { Pool } from 'pg';\nimport { z } from 'zod';\nconst pool = new Pool();\nconst Q = z.object({ id: z.string().uuid() });\ndeclare function cleanId(s: unknown): string;\n${handler("  const { id } = Q.parse(req.query);\n  await pool.query(`SELECT 1 WHERE id = '${id}'`);\n  await pool.query(`SELECT 2 WHERE id = '${cleanId(req.query.x)}'`);\n  await pool.query(`SELECT 3 WHERE id = '${req.params.y}'`);")}`,
    });
    const r = await scan({ paths: [dir], rules: ['sql-injection'] });
    expect(r.findings.filter((f) => f.confidence === 'taint-confirmed').map((f) => f.location.line)).toEqual([12]);
  });
});
