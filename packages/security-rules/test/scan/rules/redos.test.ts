import { describe, expect, it } from 'vitest';
import { hasNestedQuantifier } from '../../../src/scan/rules/redos.js';
import { corpusCases } from '../../helpers/corpus.js';

describe('redos', () => {
  corpusCases('redos');

  it('flags star height > 1 but not groups that start or end with a literal separator', () => {
    expect(['^([0-9]+)+#$', '^(\\w+\\s?)*$', '(\\/+[a-z]*)+x', '(a*)*'].map(hasNestedQuantifier)).toEqual([true, true, true, true]);
    expect(['^[\\w\\s]*$', '(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+', '(?:\\.[a-z]+)*@', '(ab+)+', '^[0-9]{4}$'].map(hasNestedQuantifier)).toEqual([false, false, false, false, false]);
  });
});
