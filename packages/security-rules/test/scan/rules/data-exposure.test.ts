import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('data-exposure', () => {
  corpusCases('data-exposure');
});
