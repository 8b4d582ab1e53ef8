import { describe, expect, it } from 'vitest';
import { Phase, type Operation } from '../../src/index.js';
import { orderOperations } from '../../src/plan/operation.js';
import { renderStatements } from '../../src/plan/render.js';

const op = (phase: Phase, sql: string, kind = 'x'): Operation => ({ phase, sql, kind, object: 'o', transaction: true });

describe('ordering and rendering', () => {
  it('sorts by phase and keeps emission order inside a phase', () => {
    const ops = [op(Phase.createView, 'v1'), op(Phase.dropView, 'd1'), op(Phase.createView, 'v2'), op(Phase.createTable, 't')];
    expect(orderOperations(ops).map((o) => o.sql)).toEqual(['d1', 't', 'v1', 'v2']);
  });

  it('starts every section with lock_timeout, and turns off body checks when it creates functions', () => {
    expect(renderStatements([op(Phase.createTable, 'CREATE TABLE "t" ();')])).toBe(`SET lock_timeout = '5s';\n\nCREATE TABLE "t" ();`);
    expect(renderStatements([op(Phase.createFunction, 'CREATE FUNCTION f() …;', 'create function')], '2s')).toBe(
      `SET lock_timeout = '2s';\nSET check_function_bodies = off;\n\nCREATE FUNCTION f() …;`,
    );
    expect(renderStatements([])).toBe('');
  });
});
