import type { TargetPlugin } from '../target.js';
import { koaAppFile, koaServerFile } from './app.js';
import { koaRoutesFile } from './routes.js';

/** Koa 3 + @koa/router: router methods per operation, a bounded body reader, an error-envelope middleware. */
export const koaPlugin: TargetPlugin = {
  name: 'koa',
  routesFile: koaRoutesFile,
  appFile: koaAppFile,
  serverFile: koaServerFile,
};
