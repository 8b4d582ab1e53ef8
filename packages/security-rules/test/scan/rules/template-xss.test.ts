import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('template-xss', () => {
  corpusCases('template-xss');
});
