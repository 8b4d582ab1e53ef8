import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('log-injection', () => {
  corpusCases('log-injection');
});
