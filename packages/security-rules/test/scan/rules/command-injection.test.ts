import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('command-injection', () => {
  corpusCases('command-injection');
});
