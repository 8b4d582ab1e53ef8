import type { Framework } from '../../options.js';
import { expressPlugin } from './express/plugin.js';
import { fastifyPlugin } from './fastify/plugin.js';
import { koaPlugin } from './koa/plugin.js';
import type { TargetPlugin } from './target.js';

/** One plugin per framework, same shape each. */
export const TARGETS: Readonly<Record<Framework, TargetPlugin>> = {
  express: expressPlugin,
  fastify: fastifyPlugin,
  koa: koaPlugin,
};
