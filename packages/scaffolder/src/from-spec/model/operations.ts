import type { ScaffoldWarning } from '../../result.js';
import { toPointer, deref, HTTP_METHODS, isObject, type HttpMethod, type Json } from '@sb/openapi';
import type { BodyModel, MediaKind, MediaModel, OperationModel, ParamIn, ParamModel, ResponseModel } from './model.js';
import { camelCase, kebabCase, NameRegistry, pascalCase } from './names.js';
import { readSecurity } from './security.js';

type Warn = (code: string, pointer: string, message: string) => void;

function mediaKind(mt: string): MediaKind {
  const m = mt.toLowerCase().split(';')[0]!.trim();
  if (m === 'application/json' || m.endsWith('+json') || m === '*/*' || m === 'application/*') return 'json';
  if (m === 'application/x-www-form-urlencoded') return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/')) return 'text';
  return 'binary';
}

function readMedia(content: unknown): MediaModel[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, m]) => ({
    mediaType,
    kind: mediaKind(mediaType),
    schema: isObject(m) && isObject(m['schema']) ? m['schema'] : undefined,
  }));
}

function readParam(doc: Json, raw: unknown, pointer: string, warn: Warn): ParamModel | undefined {
  const p = deref(doc, raw, pointer)?.value;
  if (!p || typeof p['name'] !== 'string') return undefined;
  const where = p['in'] as ParamIn;
  const media = readMedia(p['content'])[0];
  const schema = isObject(p['schema']) ? p['schema'] : (media?.schema ?? {});
  const style = typeof p['style'] === 'string' ? p['style'] : where === 'query' || where === 'cookie' ? 'form' : 'simple';
  const explode = typeof p['explode'] === 'boolean' ? p['explode'] : style === 'form';
  const isArray = schema['type'] === 'array' || (Array.isArray(schema['type']) && schema['type'].includes('array'));
  let split: ParamModel['split'];
  if (isArray && style === 'spaceDelimited') split = ' ';
  else if (isArray && style === 'pipeDelimited') split = '|';
  else if (isArray && (style === 'simple' || (style === 'form' && !explode))) split = ',';
  if (style === 'deepObject' || style === 'matrix' || style === 'label') {
    warn('unsupported-param-style', pointer, `parameter ${JSON.stringify(p['name'])} uses style ${style}; its raw value is validated as sent`);
  }
  return {
    name: where === 'header' ? p['name'].toLowerCase() : p['name'],
    in: where,
    required: p['required'] === true || where === 'path',
    schema,
    description: typeof p['description'] === 'string' ? p['description'] : undefined,
    split,
    json: media !== undefined && media.kind === 'json' && !isObject(p['schema']),
  };
}

function readBody(doc: Json, raw: unknown, pointer: string, warn: Warn): BodyModel | undefined {
  const b = deref(doc, raw, pointer)?.value;
  if (!b) return undefined;
  const media = readMedia(b['content']);
  for (const m of media) {
    if (m.kind === 'multipart') warn('multipart-not-validated', `${pointer}/content/${m.mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}`, `${m.mediaType} bodies are not parsed by the generated code; the handler receives body: undefined and reads the raw request itself`);
  }
  return { required: b['required'] === true, media };
}

function readResponses(doc: Json, raw: unknown, pointer: string): ResponseModel[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw)
    .filter(([status]) => !status.startsWith('x-'))
    .map(([status, r]) => {
      const resolved = deref(doc, r, `${pointer}/${status}`)?.value ?? {};
      return { status, description: typeof resolved['description'] === 'string' ? resolved['description'] : undefined, media: readMedia(resolved['content']) };
    });
}

function defaultName(method: string, route: string): string {
  const parts = route.split('/').filter(Boolean).map((seg) => (seg.startsWith('{') ? `by ${seg.slice(1, -1)}` : seg));
  return `${method} ${parts.join(' ')}`;
}

function groupOf(op: Json, route: string): string {
  const tags = op['tags'];
  if (Array.isArray(tags) && typeof tags[0] === 'string' && tags[0].trim() !== '') return kebabCase(tags[0]);
  const first = route.split('/').find((s) => s !== '' && !s.startsWith('{'));
  return first ? kebabCase(first) : 'default';
}

/** Reads every operation of `paths`, in spec order, with unique handler and type names. */
export function readOperations(doc: Json, warnings: ScaffoldWarning[]): OperationModel[] {
  const warn: Warn = (code, pointer, message) => warnings.push({ code, pointer, message });
  const handlerNames = new NameRegistry(['routes', 'schemes']);
  const typeNames = new NameRegistry(['S']);
  const suffixes = ['Params', 'Query', 'Headers', 'Cookies', 'Body', 'Input', 'Result'];
  const out: OperationModel[] = [];
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  for (const [route, rawItem] of Object.entries(paths)) {
    if (route.startsWith('x-')) continue;
    const item = deref(doc, rawItem, toPointer(['paths', route]))?.value;
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const pointer = toPointer(['paths', route, method]);
      if (method === 'trace' || method === 'options' || method === 'head') {
        warn('method-skipped', pointer, `${method.toUpperCase()} operations are not generated (answered by the framework)`);
        continue;
      }
      if (op['callbacks'] !== undefined) warn('callbacks-ignored', `${pointer}/callbacks`, 'callbacks are not generated');
      const params = new Map<string, ParamModel>();
      const add = (list: unknown, at: string): void => {
        if (!Array.isArray(list)) return;
        list.forEach((raw, i) => {
          const p = readParam(doc, raw, `${at}/${i}`, warn);
          if (p) params.set(`${p.in}:${p.name}`, p);
        });
      };
      add(item['parameters'], toPointer(['paths', route, 'parameters']));
      add(op['parameters'], `${pointer}/parameters`);
      const base = typeof op['operationId'] === 'string' && op['operationId'].trim() !== '' ? op['operationId'] : defaultName(method, route);
      out.push({
        name: handlerNames.claim(camelCase(base)),
        typeName: typeNames.claim(pascalCase(base), suffixes),
        operationId: typeof op['operationId'] === 'string' ? op['operationId'] : undefined,
        method: method as HttpMethod,
        path: route,
        group: groupOf(op, route),
        summary: typeof op['summary'] === 'string' ? op['summary'] : undefined,
        description: typeof op['description'] === 'string' ? op['description'] : undefined,
        deprecated: op['deprecated'] === true,
        params: [...params.values()],
        body: op['requestBody'] === undefined ? undefined : readBody(doc, op['requestBody'], `${pointer}/requestBody`, warn),
        responses: readResponses(doc, op['responses'], `${pointer}/responses`),
        security: readSecurity(op['security'], doc['security']),
        pointer,
      });
    }
  }
  return out;
}
