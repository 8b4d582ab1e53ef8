import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('prototype-pollution', () => {
  corpusCases('prototype-pollution');
});
