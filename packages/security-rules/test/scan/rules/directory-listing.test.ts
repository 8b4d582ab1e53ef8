import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('directory-listing', () => {
  corpusCases('directory-listing');
});
