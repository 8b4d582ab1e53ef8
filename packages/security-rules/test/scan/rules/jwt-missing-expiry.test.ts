import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('jwt-missing-expiry', () => {
  corpusCases('jwt-missing-expiry');
});
