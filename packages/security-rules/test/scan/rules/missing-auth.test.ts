import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/index.js';
import { corpusCases } from '../../helpers/corpus.js';
import { tempProject } from '../../helpers/project.js';

describe('missing-auth', () => {
  corpusCases('missing-auth');

  it('does not report routes declared public in the config, and still reports the others', async () => {
    const dir = tempProject({
      '.sb-security.json': JSON.stringify({ publicRoutes: ['^/hooks/', '^POST /subscribe$'] }),
      'app.ts': [
        "import express from 'express';",
        'const app = express();',
        "app.post('/hooks/github', (_req, res) => res.end());",
        "app.post('/subscribe', (_req, res) => res.end());",
        "app.delete('/subscribe', (_req, res) => res.end());",
      ].join('\n'),
    });
    const result = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(result.findings.map((f) => f.route)).toEqual(['DELETE /subscribe']);
  });
});
