import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, GraphQLError, type GraphQLSchema } from 'graphql';
import { ScaffoldError } from '../../errors.js';

/**
 * Reads an SDL file, or every `.graphql`/`.gql` file of a folder (sorted, concatenated), and builds the
 * schema. A syntax or schema error is `SCAFFOLD_SDL_INVALID` naming the file and line.
 */
export async function loadSdl(input: string): Promise<{ schema: GraphQLSchema; files: string[] }> {
  const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
    throw new ScaffoldError('SCAFFOLD_SPEC_NOT_FOUND', `${input}: ${err.code === 'ENOENT' ? 'no such file or folder' : err.message}`, { cause: err });
  });
  const files = info.isDirectory()
    ? (await readdir(input)).filter((f) => /\.(graphql|gql)$/.test(f)).sort().map((f) => path.join(input, f))
    : [input];
  if (files.length === 0) throw new ScaffoldError('SCAFFOLD_SPEC_NOT_FOUND', `${input}: no .graphql or .gql file in the folder`);
  const parts: { file: string; text: string; firstLine: number }[] = [];
  let line = 1;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    parts.push({ file, text, firstLine: line });
    line += text.split('\n').length;
  }
  const source = parts.map((p) => p.text).join('\n');
  try {
    return { schema: buildSchema(source), files };
  } catch (err) {
    const at = err instanceof GraphQLError ? err.locations?.[0] : undefined;
    const part = at ? [...parts].reverse().find((p) => p.firstLine <= at.line) : undefined;
    const where = part && at ? `${part.file}:${at.line - part.firstLine + 1}` : files.join(', ');
    throw new ScaffoldError('SCAFFOLD_SDL_INVALID', `${where}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
}
