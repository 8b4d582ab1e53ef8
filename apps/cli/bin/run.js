#!/usr/bin/env node
import module from 'node:module';

// Node >= 22.1 keeps compiled code on disk between runs (TypeScript's compiler alone is ~1 s to compile at
// every start of `sb security scan`); older Node has no such API and runs as before. Before the first import.
module.enableCompileCache?.();
const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });
