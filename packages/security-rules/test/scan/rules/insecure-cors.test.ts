import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('insecure-cors', () => {
  corpusCases('insecure-cors');
});
