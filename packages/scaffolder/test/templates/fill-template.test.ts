import { describe, expect, it } from 'vitest';
import { entryFile } from '../../src/from-spec/targets/target-files.js';
import { fillSlots, rebaseImports } from '../../src/templates/fill-template.js';
import { readTemplate } from '../../src/templates/read-template.js';

describe('fillSlots', () => {
  it('replaces each slot line with its rows and leaves every other character as it is', () => {
    const template = 'const a = `${x}`;\nconst ROUTES = [\n  // @sb-slot routes\n];\n';
    expect(fillSlots(template, { routes: "  ['get', '/pets'],\n  ['post', '/pets'],"})).toBe("const a = `${x}`;\nconst ROUTES = [\n  ['get', '/pets'],\n  ['post', '/pets'],\n];\n");
    expect(fillSlots(template, { routes: '' })).toBe('const a = `${x}`;\nconst ROUTES = [\n\n];\n');
  });

  it('throws on a slot without a value, a value without a slot, and a slot twice (generator bugs)', () => {
    expect(() => fillSlots('// @sb-slot routes\n', {})).toThrow('template slot routes has no value');
    expect(() => fillSlots('// @sb-slot routes\n', { routes: '', paths: '' })).toThrow('template has no slot paths');
    expect(() => fillSlots('// @sb-slot routes\n// @sb-slot routes\n', { routes: '' })).toThrow('template slot routes appears twice');
  });

  it('fills every route template of the REST targets with exactly its two slots', async () => {
    for (const fw of ['express', 'fastify', 'koa']) {
      expect(fillSlots(await readTemplate(`rest/${fw}/routes.gen.ts`), { routes: '  ROW', paths: '  PATH' })).toMatch(/= \[\n {2}ROW\n\];[^]*= \[\n {2}PATH\n\];/);
    }
  });
});

describe('rebaseImports', () => {
  it('points sibling imports at another folder, escaping the folder name as a string literal', async () => {
    expect(rebaseImports("import { a } from './app.gen.js';\n", './routes/', ['app.gen.js'])).toBe("import { a } from './routes/app.gen.js';\n");
    expect(rebaseImports("import { a } from './app.gen.js';\n", "./it's\\v1/", ['app.gen.js'])).toBe("import { a } from './it\\'s\\\\v1/app.gen.js';\n");
    expect(() => rebaseImports("import { a } from './app.gen.js';\n", '../x/', ['auth.js'])).toThrow("template does not import './auth.js'");
    const server = await entryFile('koa', 'server.ts', "./o'brien/");
    expect(server).toContain("import { createApp } from './o\\'brien/app.gen.js';");
    expect(server).toContain("import { authenticate } from './o\\'brien/auth.js';");
  });
});
