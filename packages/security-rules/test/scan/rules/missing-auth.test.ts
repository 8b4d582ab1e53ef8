import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('missing-auth', () => {
  corpusCases('missing-auth');
});
