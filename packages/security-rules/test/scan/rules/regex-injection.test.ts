import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('regex-injection', () => {
  corpusCases('regex-injection');
});
