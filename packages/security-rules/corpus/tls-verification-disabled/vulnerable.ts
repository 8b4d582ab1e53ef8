import https from 'node:https';
import { Pool } from 'pg';

export const agent = new https.Agent({ rejectUnauthorized: false }); // expect: tls-verification-disabled
export const pool = new Pool({ ssl: { rejectUnauthorized: false } }); // expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
