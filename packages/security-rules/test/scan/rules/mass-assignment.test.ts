import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('mass-assignment', () => {
  corpusCases('mass-assignment');
});
