import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('nosql-operator-injection', () => {
  corpusCases('nosql-operator-injection');
});
