import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/index.js';
import { corpusCases } from '../../helpers/corpus.js';
import { tempProject } from '../../helpers/project.js';

const SECRET = "export const config = { databasePassword: 'S3cr3t-P4ssw0rd!xyz' };\n";

describe('hardcoded-secret', () => {
  corpusCases('hardcoded-secret');

  it('reports a secret in test, fixture and mock folders at most as low, and in application code as usual', async () => {
    const dir = tempProject({ 'src/config.ts': SECRET, 'test/fixtures/users.ts': SECRET, 'src/__mocks__/db.ts': SECRET, 'src/user.spec.ts': SECRET });
    const result = await scan({ paths: [dir], rules: ['hardcoded-secret'] });
    const bySeverity = Object.fromEntries(result.findings.map((f) => [f.location.file, f.severity]));
    expect(bySeverity).toEqual({ 'src/config.ts': 'high', 'test/fixtures/users.ts': 'low', 'src/__mocks__/db.ts': 'low', 'src/user.spec.ts': 'low' });
  });

  it('treats no folder as test code when the config sets testPaths to an empty string', async () => {
    const dir = tempProject({ '.sb-security.json': '{ "testPaths": "" }', 'test/fixtures/users.ts': SECRET });
    const result = await scan({ paths: [dir], rules: ['hardcoded-secret'] });
    expect(result.findings.map((f) => f.severity)).toEqual(['high']);
  });
});
