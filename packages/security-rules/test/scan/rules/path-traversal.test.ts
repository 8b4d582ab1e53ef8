import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('path-traversal', () => {
  corpusCases('path-traversal');
});
