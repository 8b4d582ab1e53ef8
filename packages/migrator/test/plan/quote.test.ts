import { describe, expect, it } from 'vitest';
import { orderOperations, Phase, qualified, quoteIdent, quoteLiteral, renderStatements, type Operation } from '../../src/index.js';

const op = (phase: Phase, sql: string, kind = 'x'): Operation => ({ phase, sql, kind, object: 'o', transaction: true });

describe('quoting', () => {
  it('double-quotes every identifier and doubles embedded quotes', () => {
    expect(quoteIdent('users')).toBe('"users"');
    expect(quoteIdent('x"; drop table t; --')).toBe('"x""; drop table t; --"');
    expect(qualified('my schema', 'T"1')).toBe('"my schema"."T""1"');
  });

  it('quotes literals so a hostile enum label stays one value', () => {
    expect(quoteLiteral(`x'); DROP TABLE foo; --`)).toBe(`'x''); DROP TABLE foo; --'`);
    expect(quoteLiteral('a\\b')).toBe(`E'a\\\\b'`);
  });
});

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
