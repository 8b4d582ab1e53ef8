import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('weak-password-hash', () => {
  corpusCases('weak-password-hash');
});
