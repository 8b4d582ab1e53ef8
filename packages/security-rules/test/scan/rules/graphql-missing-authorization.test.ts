import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('graphql-missing-authorization', () => {
  corpusCases('graphql-missing-authorization');
});
