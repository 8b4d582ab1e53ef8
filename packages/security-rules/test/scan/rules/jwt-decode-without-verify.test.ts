import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('jwt-decode-without-verify', () => {
  corpusCases('jwt-decode-without-verify');
});
