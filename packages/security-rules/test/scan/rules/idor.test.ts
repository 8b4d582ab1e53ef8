import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('idor', () => {
  corpusCases('idor');
});
