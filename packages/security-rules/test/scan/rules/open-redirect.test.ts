import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('open-redirect', () => {
  corpusCases('open-redirect');
});
