import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('graphql-introspection-enabled', () => {
  corpusCases('graphql-introspection-enabled');
});
