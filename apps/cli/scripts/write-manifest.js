// Writes oclif.manifest.json after the build: with it, oclif finds a command (and prints help) without importing
// every command file and the libraries they import (~0.5 s of CPU at every start of `sb`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = await Config.load({ root, ignoreManifest: true });
const plugin = config.plugins.get(config.pjson.name);
if (plugin === undefined) throw new Error(`plugin ${config.pjson.name} not found under ${root}`);
writeFileSync(new URL('../oclif.manifest.json', import.meta.url), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
console.log(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`);
