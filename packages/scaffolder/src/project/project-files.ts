import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Framework } from '../options.js';
import type { PlannedFile } from '../write/atomic-write.js';
import { projectDependencies, type KnownDependency } from './versions.js';

/** Where a project's sources live, relative to its root with `/`. */
export interface ProjectLayout {
  /** The folder of the entry (`server.ts`) and the smoke test: `src` or `.`. */
  readonly entryDir: string;
  /** `tsconfig.json`'s `rootDir`; the compiled tree mirrors it under `dist/`. */
  readonly rootDir: string;
  /** `tsconfig.json`'s `include`. */
  readonly include: readonly string[];
}

/**
 * What differs between the projects `sb scaffold` makes (REST from a spec or a database, GraphQL from SDL); the
 * rest — scripts, compiler options, `.gitignore`, the README's "Run" section — is the same for all.
 */
export interface ProjectRecipe {
  readonly framework: Framework;
  /** The project folder's name (becomes the package name). */
  readonly name: string;
  /** Dependencies beyond the framework's, TypeScript and node's types (`@types/…` become devDependencies). */
  readonly dependencies: readonly KnownDependency[];
  readonly layout: ProjectLayout;
  /** `<entryDir>/server.ts`: listens on `PORT` (default 3000). */
  readonly server: string;
  /** `<entryDir>/smoke.test.ts`, run by `npm test` with node's test runner. */
  readonly smokeTest: string;
  /** The README: a title, one paragraph of what this is, then the sections after the shared "Run" one. */
  readonly readme: { readonly title: string; readonly intro: string; readonly sections: string };
}

/** The package name npm accepts, made from a folder name. */
export function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[-.]+$/g, '').slice(0, 214);
  return name === '' ? 'api' : name;
}

/**
 * The files that make a folder a project that runs: `package.json` (ESM, exact versions), a strict
 * `tsconfig.json`, `.gitignore`, `README.md`, `<entryDir>/server.ts` and `<entryDir>/smoke.test.ts`, paths
 * relative to the project root. All are the user's: pass them through {@link missingProjectFiles} so an existing
 * one is never overwritten.
 *
 * @example
 * const files = projectFiles({ framework: 'koa', name: 'shop', dependencies: ['ajv'], layout: { entryDir: 'src', rootDir: 'src', include: ['src'] }, server, smokeTest, readme });
 * files.map((f) => f.path); // ['package.json', 'tsconfig.json', '.gitignore', 'README.md', 'src/server.ts', 'src/smoke.test.ts']
 */
export function projectFiles(r: ProjectRecipe): PlannedFile[] {
  const { entryDir, rootDir, include } = r.layout;
  const dist = path.posix.join('dist', path.posix.relative(rootDir, entryDir));
  const at = (file: string): string => path.posix.join(entryDir, file);
  const pkg = {
    name: packageName(r.name),
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20.19' },
    scripts: {
      build: 'tsc -p tsconfig.json',
      start: `NODE_ENV=production node ${dist}/server.js`,
      dev: `tsc -p tsconfig.json && (tsc -p tsconfig.json --watch --preserveWatchOutput & node --watch ${dist}/server.js)`,
      typecheck: 'tsc -p tsconfig.json --noEmit',
      test: `tsc -p tsconfig.json && node --test ${dist}/smoke.test.js`,
    },
    ...projectDependencies(r.framework, r.dependencies),
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      allowJs: true,
      rootDir,
      outDir: 'dist',
      types: ['node'],
      sourceMap: true,
    },
    include,
  };
  const user = (file: string, content: string): PlannedFile => ({ path: file, content, kind: 'user', status: 'created' });
  return [
    user('package.json', `${JSON.stringify(pkg, null, 2)}\n`),
    user('tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`),
    user('.gitignore', 'node_modules/\ndist/\n'),
    user('README.md', readme(r, dist, at('smoke.test.ts'))),
    user(at('server.ts'), r.server),
    user(at('smoke.test.ts'), r.smokeTest),
  ];
}

/** The files of `files` that do not exist under `root` yet: project files are created once, never overwritten. */
export async function missingProjectFiles(root: string, files: readonly PlannedFile[]): Promise<PlannedFile[]> {
  const out: PlannedFile[] = [];
  for (const f of files) if ((await stat(path.join(root, f.path)).catch(() => undefined)) === undefined) out.push(f);
  return out;
}

function readme(r: ProjectRecipe, dist: string, smoke: string): string {
  return `# ${r.readme.title}

${r.readme.intro}

## Run

\`\`\`sh
npm install
npm run build
npm start            # NODE_ENV=production, listens on 127.0.0.1:$PORT (default 3000); node ${dist}/server.js
npm test             # builds, then runs ${smoke} with node's test runner
npm run dev          # rebuilds and restarts on change
\`\`\`

${r.readme.sections}`;
}
