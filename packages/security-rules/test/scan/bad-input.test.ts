import { describe, expect, it } from 'vitest';
import { scan, SecurityRulesError } from '../../src/index.js';
import { tempProject } from '../helpers/project.js';

describe('bad input', () => {
  it('rejects a path that does not exist with SECRULES_PATH_NOT_FOUND', async () => {
    await expect(scan({ paths: ['/nonexistent/src'] })).rejects.toSatisfy((e: unknown) => SecurityRulesError.is(e) && e.code === 'SECRULES_PATH_NOT_FOUND' && e.message.includes('/nonexistent/src'));
  });

  it('rejects a tsconfig that does not parse, naming the file', async () => {
    const dir = tempProject({ 'a.ts': 'export const a = 1;\n' }, { tsconfig: '{ "compilerOptions": { "strict": true, }, ]' });
    await expect(scan({ paths: [dir] })).rejects.toSatisfy((e: unknown) => SecurityRulesError.is(e) && e.code === 'SECRULES_TSCONFIG_INVALID' && e.message.includes('tsconfig.json'));
  });

  it('reports a file with syntax errors and still scans the others', async () => {
    const dir = tempProject({
      'broken.ts': 'export function (\n',
      'ok.ts': "import { exec } from 'child_process';\nexport const h = (req: any) => exec('ls ' + req.query.d);\n",
    });
    const r = await scan({ paths: [dir], rules: ['command-injection'] });
    expect(r.parseErrors).toEqual([expect.objectContaining({ line: 1, file: expect.stringContaining('broken.ts') })]);
    expect(r.findings.map((f) => f.location.file)).toEqual(['ok.ts']);
  });

  it('rejects an unknown rule id', async () => {
    const dir = tempProject({ 'a.ts': '' });
    await expect(scan({ paths: [dir], rules: ['no-such-rule'] })).rejects.toSatisfy((e: unknown) => SecurityRulesError.is(e) && e.code === 'SECRULES_INVALID_OPTION');
  });
});
