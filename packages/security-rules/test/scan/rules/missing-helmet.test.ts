import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('missing-helmet', () => {
  corpusCases('missing-helmet');
});
