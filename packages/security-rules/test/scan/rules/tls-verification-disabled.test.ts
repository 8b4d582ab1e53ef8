import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('tls-verification-disabled', () => {
  corpusCases('tls-verification-disabled');
});
