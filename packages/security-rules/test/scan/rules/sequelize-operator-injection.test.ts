import { describe } from 'vitest';
import { corpusCases } from '../../helpers/corpus.js';

describe('sequelize-operator-injection', () => {
  corpusCases('sequelize-operator-injection');
});
