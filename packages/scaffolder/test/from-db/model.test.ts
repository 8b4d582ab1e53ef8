import { describe, expect, it } from 'vitest';
import { mapPgType } from '../../src/from-db/model/pg-types.js';
import { resourceNames, singularize } from '../../src/from-db/model/resource-names.js';
import { buildModel, type SnapshotLike } from '../../src/from-db/model/table-model.js';

const enums = new Map([['public.mood', ['happy', 'sad']]]);

describe('mapPgType', () => {
  it('maps scalar, sized, numeric, enum and array types', () => {
    expect(mapPgType('character varying(40)', enums).schema).toEqual({ type: 'string', maxLength: 40 });
    expect(mapPgType('bigint', enums)).toMatchObject({ schema: { type: 'integer', format: 'int64' }, ts: 'number' });
    expect(mapPgType('numeric(10,2)', enums)).toMatchObject({ schema: { type: 'string' }, ts: 'string' });
    expect(mapPgType('timestamp with time zone', enums)).toMatchObject({ ts: 'Date', tsWrite: 'Date | string', schema: { format: 'date-time' } });
    expect(mapPgType('public.mood', enums)).toMatchObject({ schema: { type: 'string', enum: ['happy', 'sad'] }, ts: '"happy" | "sad"' });
    expect(mapPgType('public.mood[]', enums)).toMatchObject({ schema: { type: 'array', items: { enum: ['happy', 'sad'] } }, ts: 'Array<"happy" | "sad">', scalar: false });
    expect(mapPgType('jsonb', enums)).toMatchObject({ schema: {}, ts: 'unknown', supported: true, scalar: false });
  });

  it('marks types without a JSON form unsupported', () => {
    for (const t of ['point', 'interval', 'bytea', 'tsvector']) expect(mapPgType(t, enums).supported).toBe(false);
  });
});

describe('resource names', () => {
  it('singularizes the common English plurals', () => {
    expect(['pets', 'categories', 'statuses', 'boxes', 'addresses', 'news', 'person'].map(singularize)).toEqual(['pet', 'category', 'status', 'box', 'address', 'new', 'person']);
  });

  it('gives every table unique names, with schema prefixes when there are several schemas', () => {
    const table = (schema: string, name: string): SnapshotLike['tables'][number] => ({
      schema, name, kind: 'table', partitionOf: null, comment: null,
      columns: [{ name: 'id', type: 'integer', nullable: false, default: null, identity: 'always', generated: null, comment: null }],
      primaryKey: { columns: ['id'] }, uniqueConstraints: [], foreignKeys: [], indexes: [],
    });
    const { tables, warnings } = buildModel({ enums: [], tables: [table('public', 'order_items'), table('billing', 'order_items'), table('public', 'OrderItem'), table('public', 'order-items')] });
    expect(warnings).toEqual([]);
    const names = [...resourceNames(tables).values()].map((n) => [n.path, n.singular, n.plural, n.tag]);
    expect(names).toEqual([
      ['/order-items', 'OrderItem', 'OrderItems', 'order-items'],
      ['/billing/order-items', 'BillingOrderItem', 'BillingOrderItems', 'billing-order-items'],
      ['/order-item', 'OrderItem2', 'OrderItem2', 'order-item'],
      ['/order-items-2', 'OrderItem3', 'OrderItems3', 'order-items-2'],
    ]);
  });
});
