import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('code-injection', () => {
  corpusCases('code-injection');
});
