import https from 'node:https';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';

export const agent = new https.Agent({ ca: readFileSync('/etc/ssl/internal-ca.pem') });
export const pool = new Pool({ ssl: { rejectUnauthorized: true, ca: readFileSync('/etc/ssl/rds.pem', 'utf8') } });
