// Run by kill.test.ts as a child process: applies a migrations directory, to be SIGKILLed mid-way.
import { migrate } from '../../src/index.js';

const [path, connectionString] = process.argv.slice(2);
await migrate({ path: path!, connectionString: connectionString! });
