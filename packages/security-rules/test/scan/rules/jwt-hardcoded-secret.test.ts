import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('jwt-hardcoded-secret', () => {
  corpusCases('jwt-hardcoded-secret');
});
