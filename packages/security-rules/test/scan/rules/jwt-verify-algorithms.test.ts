import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('jwt-verify-algorithms', () => {
  corpusCases('jwt-verify-algorithms');
});
