import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';

export const SERVER = 'postgres://postgres@127.0.0.1:5432';

/** Creates a uniquely named database (optionally loading `schemaFile`) and returns its URL and a drop function. */
export async function freshDatabase(label: string, schemaFile?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sb_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = `${SERVER}/${name}`;
  if (schemaFile) {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(await readFile(schemaFile, 'utf8'));
    } finally {
      await c.end();
    }
  }
  return {
    url,
    drop: async () => {
      const a = new Client({ connectionString: `${SERVER}/postgres` });
      await a.connect();
      try {
        await a.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
