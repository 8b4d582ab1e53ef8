import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LoadtestError } from '../errors.js';
import type { Scenario, ScenarioFlow, ScenarioStep } from './types.js';
import { templateNames } from './template.js';

const BUILTINS = new Set(['vu', 'iteration', 'flow']);
const STEP_FIELDS = new Set(['name', 'request', 'graphql', 'capture', 'expectStatus', 'think']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CAPTURE = /^(\$.*|header:[!#$%&'*+.^_`|~0-9A-Za-z-]+|regex:.+)$/s;

function invalid(source: string, where: string, why: string): never {
  throw new LoadtestError('LOADTEST_SCENARIO_INVALID', `${source}: ${where}: ${why}`);
}

/**
 * Reads a scenario file: `.yaml`/`.yml`, `.json`, or a module (`.js`/`.mjs`/`.ts`, default export or `scenario`
 * export). Any problem is one `LOADTEST_SCENARIO_INVALID` line naming the file, the step and the field.
 */
export async function readScenario(path: string, cwd = process.cwd()): Promise<Scenario> {
  const file = resolve(cwd, path);
  const ext = extname(file).toLowerCase();
  let data: unknown;
  if (ext === '.js' || ext === '.mjs' || ext === '.ts' || ext === '.mts') {
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown; scenario?: unknown };
      data = mod.default ?? mod.scenario;
    } catch (err) {
      const typescript = (err as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION';
      invalid(
        path,
        'module',
        typescript
          ? 'this Node cannot import .ts files: use Node ≥ 22.18 (or 22.6+ with --experimental-strip-types), run sb under tsx (node --import tsx), or write the scenario as .js, .json or .yaml'
          : `cannot be loaded (${(err as Error).message.split('\n')[0]})`,
      );
    }
  } else {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      return invalid(path, 'file', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    if (ext === '.json') {
      try {
        data = JSON.parse(text);
      } catch (err) {
        invalid(path, 'JSON', (err as Error).message);
      }
    } else if (ext === '.yaml' || ext === '.yml') {
      const { parseDocument } = await import('yaml');
      const doc = parseDocument(text, { prettyErrors: true });
      const first = doc.errors[0];
      if (first) invalid(path, `line ${first.linePos?.[0].line ?? '?'}`, first.message.split('\n')[0] ?? first.message);
      data = doc.toJS();
    } else {
      invalid(path, 'file', 'expected a .yaml, .yml, .json, .js, .mjs or .ts scenario');
    }
  }
  return validateScenario(data, path);
}

function checkStep(step: unknown, where: string, source: string): ScenarioStep {
  if (typeof step !== 'object' || step === null) invalid(source, where, 'a step must be an object with a name and a request or graphql');
  const s = step as Partial<ScenarioStep> & Record<string, unknown>;
  if (typeof s.name !== 'string' || s.name === '') invalid(source, where, 'field "name" is missing');
  const at = `${where} "${s.name}"`;
  for (const key of Object.keys(s)) {
    if (!STEP_FIELDS.has(key)) invalid(source, at, `unknown field "${key}" (expected ${[...STEP_FIELDS].join(', ')})`);
  }
  if ((s.request === undefined) === (s.graphql === undefined)) invalid(source, at, 'needs exactly one of "request" or "graphql"');
  const target = (s.request ?? s.graphql) as unknown as Record<string, unknown>;
  const field = s.request ? 'request' : 'graphql';
  if (typeof target !== 'object' || target === null) invalid(source, at, `field "${field}" must be an object`);
  if (typeof target['url'] !== 'string' || !/^https?:\/\//.test(target['url'])) invalid(source, at, `${field}.url must be an absolute http:// or https:// URL (templates allowed after the host)`);
  if (s.graphql && typeof s.graphql.query !== 'string') invalid(source, at, 'graphql.query must be a string');
  if (s.request?.method !== undefined && (typeof s.request.method !== 'string' || !TOKEN.test(s.request.method))) invalid(source, at, `request.method ${JSON.stringify(s.request.method)} is not an HTTP method`);
  const headers = target['headers'];
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null) invalid(source, at, `${field}.headers must be a map of names to values`);
    for (const [name, value] of Object.entries(headers)) {
      if (!TOKEN.test(name)) invalid(source, at, `${field}.headers: invalid header name ${JSON.stringify(name)}`);
      if (typeof value !== 'string') invalid(source, at, `${field}.headers.${name} must be a string`);
    }
  }
  for (const [name, spec] of Object.entries(s.capture ?? {})) {
    if (typeof spec !== 'string' || !CAPTURE.test(spec)) invalid(source, at, `capture.${name}: expected "$.path", "header:NAME" or "regex:PATTERN", got ${JSON.stringify(spec)}`);
    if (spec.startsWith('regex:')) {
      try {
        RegExp(spec.slice(6));
      } catch (err) {
        invalid(source, at, `capture.${name}: ${(err as Error).message}`);
      }
    }
  }
  const codes = s.expectStatus === undefined ? [] : Array.isArray(s.expectStatus) ? s.expectStatus : [s.expectStatus];
  for (const code of codes) if (!Number.isInteger(code) || (code as number) < 100 || (code as number) > 599) invalid(source, at, `expectStatus: invalid status code ${JSON.stringify(code)}`);
  checkThink(s.think, at, source);
  return s as ScenarioStep;
}

function checkThink(think: unknown, at: string, source: string): void {
  if (think === undefined) return;
  const ok = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (ok(think)) return;
  if (Array.isArray(think) && think.length === 2 && ok(think[0]) && ok(think[1]) && (think[0] as number) <= (think[1] as number)) return;
  invalid(source, at, `think must be seconds (e.g. 1) or [min, max], got ${JSON.stringify(think)}`);
}

/** Every `{{name}}` a step uses, with the field it is in. */
function usedNames(step: ScenarioStep): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, field: string): void => {
    if (typeof value === 'string') for (const name of templateNames(value)) out.push([name, field]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${field}[${i}]`));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, `${field}.${k}`);
  };
  if (step.request) walk(step.request, 'request');
  if (step.graphql) walk({ url: step.graphql.url, headers: step.graphql.headers, variables: step.graphql.variables }, 'graphql');
  return out;
}

/**
 * Checks that every `{{name}}` is defined before it is used: a builtin (`vu`, `iteration`, `flow`), a data column,
 * a setup capture, or a capture of an earlier step of the same flow.
 */
export function checkTemplates(scenario: Scenario, columns: readonly string[], source = 'scenario'): void {
  const known = new Set([...BUILTINS, ...columns]);
  const walkSteps = (steps: ScenarioStep[], where: string, vars: Set<string>): void => {
    steps.forEach((step, i) => {
      for (const [name, field] of usedNames(step)) {
        if (!vars.has(name)) {
          invalid(source, `${where}[${i}] "${step.name}"`, `${field} uses {{${name}}}, which no earlier step captures${columns.length ? ' and no data column holds' : ' (and there is no --data)'}`);
        }
      }
      for (const name of Object.keys(step.capture ?? {})) vars.add(name);
    });
  };
  const setupVars = new Set(known);
  walkSteps(scenario.setup ?? [], 'setup', setupVars);
  for (const flow of flowsOf(scenario)) walkSteps(flow.steps, scenario.flows ? `flows "${flow.name}" steps` : 'steps', new Set(setupVars));
}

/** The flows of a scenario: `flows`, or `steps` as one flow named "flow". */
export function flowsOf(scenario: Scenario): ScenarioFlow[] {
  return scenario.flows ?? [{ name: 'flow', weight: 1, steps: scenario.steps ?? [] }];
}

/** Validates a scenario object (from a file or from code); `source` names it in errors. */
export function validateScenario(data: unknown, source = 'scenario'): Scenario {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) invalid(source, 'top level', 'a scenario must be an object with "steps" or "flows"');
  const s = data as Scenario & Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!['name', 'setup', 'steps', 'flows', 'think', 'headers'].includes(key)) invalid(source, 'top level', `unknown field "${key}" (expected name, setup, steps, flows, think, headers)`);
  }
  if ((s.steps === undefined) === (s.flows === undefined)) invalid(source, 'top level', 'needs exactly one of "steps" or "flows"');
  checkThink(s.think, 'top level', source);
  const steps = (list: unknown, where: string): void => {
    if (!Array.isArray(list) || list.length === 0) invalid(source, where, 'must be a non-empty list of steps');
    const names = new Set<string>();
    list.forEach((step, i) => {
      const checked = checkStep(step, `${where}[${i}]`, source);
      if (names.has(checked.name)) invalid(source, `${where}[${i}]`, `duplicate step name "${checked.name}"`);
      names.add(checked.name);
    });
  };
  if (s.setup !== undefined) steps(s.setup, 'setup');
  if (s.steps !== undefined) steps(s.steps, 'steps');
  if (s.flows !== undefined) {
    if (!Array.isArray(s.flows) || s.flows.length === 0) invalid(source, 'flows', 'must be a non-empty list of { name, weight, steps }');
    const names = new Set<string>();
    s.flows.forEach((flow, i) => {
      if (typeof flow !== 'object' || flow === null || typeof flow.name !== 'string' || flow.name === '') invalid(source, `flows[${i}]`, 'field "name" is missing');
      if (names.has(flow.name)) invalid(source, `flows[${i}]`, `duplicate flow name "${flow.name}"`);
      names.add(flow.name);
      if (flow.weight !== undefined && !(typeof flow.weight === 'number' && Number.isFinite(flow.weight) && flow.weight > 0)) invalid(source, `flows[${i}] "${flow.name}"`, `weight must be a positive number, got ${JSON.stringify(flow.weight)}`);
      steps(flow.steps, `flows[${i}] "${flow.name}" steps`);
    });
  }
  return s;
}
