import type { TargetPlugin } from '../target.js';
import { fastifyAppFile, fastifyServerFile } from './app.js';
import { fastifyRoutesFile } from './routes.js';

/** Fastify 5: `app.route()` per operation, content-type parsers, `setErrorHandler`/`setNotFoundHandler`. */
export const fastifyPlugin: TargetPlugin = {
  name: 'fastify',
  routesFile: fastifyRoutesFile,
  appFile: fastifyAppFile,
  serverFile: fastifyServerFile,
};
