import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('session-fixation', () => {
  corpusCases('session-fixation');
});
