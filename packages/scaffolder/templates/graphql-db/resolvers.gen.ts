import { buildResolvers } from './db-resolvers.gen.js';
import { model } from './model.gen.js';

/** Every resolver, built from the model of the database (objects without prototypes). */
export const resolvers = buildResolvers(model);
