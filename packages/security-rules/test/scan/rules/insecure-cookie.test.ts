import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('insecure-cookie', () => {
  corpusCases('insecure-cookie');
});
