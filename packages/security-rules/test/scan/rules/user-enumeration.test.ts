import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('user-enumeration', () => {
  corpusCases('user-enumeration');
});
