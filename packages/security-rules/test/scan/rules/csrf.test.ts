import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('csrf', () => {
  corpusCases('csrf');
});
