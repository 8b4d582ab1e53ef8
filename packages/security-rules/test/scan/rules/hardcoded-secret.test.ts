import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('hardcoded-secret', () => {
  corpusCases('hardcoded-secret');
});
