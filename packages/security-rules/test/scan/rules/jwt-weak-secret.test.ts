import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('jwt-weak-secret', () => {
  corpusCases('jwt-weak-secret');
});
