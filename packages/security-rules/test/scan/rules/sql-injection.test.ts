import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('sql-injection', () => {
  corpusCases('sql-injection');
});
