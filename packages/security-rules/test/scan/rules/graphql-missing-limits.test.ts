import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('graphql-missing-limits', () => {
  corpusCases('graphql-missing-limits');
});
