import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('x-powered-by', () => {
  corpusCases('x-powered-by');
});
