/** `pnpm bench`: every @sb/scaffolder benchmark, one after the other. */
await import('./scaffold.js');
await import('./spec-from-routes.js');
await import('./validation-overhead.js');
