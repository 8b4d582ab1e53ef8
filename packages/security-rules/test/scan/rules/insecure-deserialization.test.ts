import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('insecure-deserialization', () => {
  corpusCases('insecure-deserialization');
});
