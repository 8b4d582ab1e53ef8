import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('xxe', () => {
  corpusCases('xxe');
});
