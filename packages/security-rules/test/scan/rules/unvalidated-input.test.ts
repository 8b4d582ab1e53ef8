import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('unvalidated-input', () => {
  corpusCases('unvalidated-input');
});
