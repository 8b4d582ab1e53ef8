import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('rate-limit-bypass', () => {
  corpusCases('rate-limit-bypass');
});
