import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('unprotected-admin-route', () => {
  corpusCases('unprotected-admin-route');
});
