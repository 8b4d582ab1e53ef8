import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('predictable-token', () => {
  corpusCases('predictable-token');
});
