/**
 * Writes the benchmark's generated backend into a folder, for measuring the scan from the CLI:
 * `node --import tsx bench/tree.ts /tmp/sb-tree [lines]` (default 100 000 requested lines → 740 files, 96 060 lines).
 */
import { resolve } from 'node:path';
import { generateTree } from './speed.js';

const [dir, lines] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: bench/tree.ts <dir> [lines]');
const tree = generateTree(Number(lines ?? 100_000), resolve(dir));
console.log(`${tree.dir}: ${tree.files} files, ${tree.lines} lines`);
