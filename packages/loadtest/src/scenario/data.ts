import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { LoadtestError } from '../errors.js';

function invalid(source: string, why: string): never {
  throw new LoadtestError('LOADTEST_DATA_INVALID', `${source}: ${why}`);
}

/** Checks rows: a non-empty list of flat objects whose values become strings. */
export function checkRows(rows: unknown, source = 'data'): Record<string, string>[] {
  if (!Array.isArray(rows) || rows.length === 0) invalid(source, 'expected a non-empty list of rows');
  return rows.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) invalid(source, `row ${i + 1} is not an object`);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  });
}

/** Reads data rows from a CSV (first line: column names) or a JSON file (an array of objects). */
export async function readRows(path: string, cwd = process.cwd()): Promise<Record<string, string>[]> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    return invalid(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    try {
      return checkRows(JSON.parse(text), path);
    } catch (err) {
      if (LoadtestError.is(err)) throw err;
      return invalid(path, `not JSON (${(err as Error).message})`);
    }
  }
  if (ext !== '.csv') invalid(path, 'expected a .csv or .json data file');
  const { parse } = await import('csv-parse/sync');
  try {
    return checkRows(parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[], path);
  } catch (err) {
    if (LoadtestError.is(err)) throw err;
    return invalid(path, (err as Error).message);
  }
}
