import { describe, expect, it } from 'vitest';
import { deref, getAt, inlineRefs, parsePointer, toPointer } from '../src/index.js';

describe('pointers', () => {
  it('round-trips keys holding / and ~ through a pointer', () => {
    for (const keys of [[], ['paths', '/pets/{id}', 'get'], ['a~b', 'c/~1d', '0']]) expect(parsePointer(toPointer(keys))).toEqual(keys);
  });

  it('reads percent-encoded tokens and only own keys', () => {
    expect(parsePointer('#/paths/~1a%20b')).toEqual(['paths', '/a b']);
    expect(parsePointer('other.yaml#/A')).toBeUndefined();
    expect(getAt({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(getAt({}, ['constructor'])).toBeUndefined();
  });
});

describe('deref', () => {
  const doc = {
    components: {
      parameters: { Id: { $ref: '#/components/parameters/RealId' }, RealId: { name: 'id', in: 'path' }, Loop: { $ref: '#/components/parameters/Loop' } },
    },
  };

  it('follows a chain of refs to the object and the pointer it sits at', () => {
    expect(deref(doc, { $ref: '#/components/parameters/Id' }, '#/x')).toEqual({ value: { name: 'id', in: 'path' }, pointer: '#/components/parameters/RealId' });
    expect(deref(doc, { name: 'q' }, '#/x')).toEqual({ value: { name: 'q' }, pointer: '#/x' });
  });

  it('gives undefined for a cyclic, dangling or remote ref', () => {
    expect(deref(doc, { $ref: '#/components/parameters/Loop' }, '#/x')).toBeUndefined();
    expect(deref(doc, { $ref: '#/components/parameters/None' }, '#/x')).toBeUndefined();
    expect(deref(doc, { $ref: 'other.yaml#/A' }, '#/x')).toBeUndefined();
  });
});

describe('inlineRefs', () => {
  it('inlines local refs, cuts cycles to {} and leaves remote or dangling refs as {}', () => {
    const doc = {
      components: {
        schemas: {
          Node: { type: 'object', properties: { name: { $ref: '#/components/schemas/Name' }, child: { $ref: '#/components/schemas/Node' } } },
          Name: { type: 'string' },
        },
      },
    };
    expect(inlineRefs(doc, { $ref: '#/components/schemas/Node' })).toEqual({ type: 'object', properties: { name: { type: 'string' }, child: {} } });
    expect(inlineRefs(doc, [{ $ref: 'remote.yaml#/A' }, { $ref: '#/components/schemas/None' }])).toEqual([{}, {}]);
  });

  it('never changes the document it reads', () => {
    const doc = { a: { $ref: '#/b' }, b: { type: 'string' } };
    const copy = structuredClone(doc);
    inlineRefs(doc, doc);
    expect(doc).toEqual(copy);
  });
});
