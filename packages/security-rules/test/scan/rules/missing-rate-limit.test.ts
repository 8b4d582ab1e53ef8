import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('missing-rate-limit', () => {
  corpusCases('missing-rate-limit');
});
