import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('error-details-leak', () => {
  corpusCases('error-details-leak');
});
