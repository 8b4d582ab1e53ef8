import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('insecure-random', () => {
  corpusCases('insecure-random');
});
