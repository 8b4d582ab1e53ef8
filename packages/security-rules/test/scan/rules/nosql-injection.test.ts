import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('nosql-injection', () => {
  corpusCases('nosql-injection');
});
