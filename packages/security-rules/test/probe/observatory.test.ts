import { describe, expect, it } from 'vitest';
import { probeApi } from '../../src/index.js';
import { SCORE_MODIFIERS } from '../../src/probe/observatory/score-table.js';
import { startExpress } from './apps/express.js';
import { startFastify } from './apps/fastify.js';
import { startKoa } from './apps/koa.js';
import type { RunningApp, Variant } from './apps/variant.js';
import { observatoryOracle, observatoryScoreTable } from './oracle.js';

type Start = (variant: Variant) => Promise<RunningApp>;

const CASES: [string, Start, Variant][] = [
  ['bare Express page', startExpress, {}],
  ['Express page behind helmet', startExpress, { helmet: true }],
  ['Express JSON behind helmet', startExpress, { helmet: true, root: 'json' }],
  ['Express with bare session and CSRF cookies', startExpress, { rootCookies: ['sessionid=1; Path=/', 'csrftoken=2; Path=/'] }],
  ['Express with hardened cookies', startExpress, { helmet: true, rootCookies: ['sessionid=1; Path=/; HttpOnly; Secure; SameSite=Strict', 'theme=dark; Secure; SameSite=Lax'] }],
  ['Express with a cookie with an invalid SameSite', startExpress, { rootCookies: ['pref=1; SameSite=Sometimes'] }],
  ['Express with * and credentials', startExpress, { cors: 'wildcard-credentials' }],
  ['Express with a strict hand-written policy', startExpress, {
    rootHeaders: { 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' },
  }],
  ['Express with a weak policy', startExpress, {
    rootHeaders: { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'", 'referrer-policy': 'unsafe-url', 'x-frame-options': 'ALLOW-FROM https://x.example', 'x-content-type-options': 'sniff' },
  }],
  ['Express with a duplicated CSP directive', startExpress, { rootHeaders: { 'content-security-policy': "script-src 'self'; script-src 'none'" } }],
  ['Express loading a third-party script without integrity', startExpress, { rootHtml: '<html><head><script src="https://cdn.example.com/lib.js"></script><script src="/app.js"></script></head></html>' }],
  ['Express with a CSP and referrer policy in meta tags', startExpress, {
    rootHtml: `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'"><meta name="referrer" content="no-referrer"></head><body></body></html>`,
  }],
  ['Express with only frame-ancestors in a meta tag', startExpress, {
    rootHtml: `<html><head><meta http-equiv='content-security-policy' content="frame-ancestors 'none'"></head></html>`,
  }],
  ['bare Fastify page', startFastify, {}],
  ['Fastify behind @fastify/helmet', startFastify, { helmet: true }],
  ['bare Koa page', startKoa, {}],
  ['Koa behind koa-helmet', startKoa, { helmet: true, root: 'json' }],
];

describe('observatory score', () => {
  it('uses the same score modifier as the MDN HTTP Observatory for every result', async () => {
    const table = await observatoryScoreTable();
    expect(Object.keys(SCORE_MODIFIERS).sort()).toEqual([...table.keys()].sort());
    expect(SCORE_MODIFIERS).toEqual(Object.fromEntries([...table].map(([result, { modifier }]) => [result, modifier])));
  });

  it('scores a reflected Origin with credentials -50 (universal access), which the scanner 1.4.8 never reaches', async () => {
    // The scanner reads the Origin it sent from axios' ClientRequest, which has no `headers`, so its
    // "universal access" branch is dead code and it reports "restricted access". Every other test agrees.
    const app = await startExpress({ cors: 'reflect-credentials' });
    try {
      const oracle = await observatoryOracle(app.url);
      const report = await probeApi({ url: app.url, only: ['headers', 'cors'] });
      expect(oracle.tests['cross-origin-resource-sharing']?.result).toBe('cross-origin-resource-sharing-implemented-with-restricted-access');
      expect(report.observatory?.tests['cross-origin-resource-sharing']).toEqual({ result: 'cross-origin-resource-sharing-implemented-with-universal-access', pass: false, scoreModifier: -50 });
      const others = (tests: Readonly<Record<string, { result: string }>>): Record<string, string> =>
        Object.fromEntries(Object.entries(tests).filter(([name]) => name !== 'cross-origin-resource-sharing').map(([name, t]) => [name, t.result]));
      expect(others(report.observatory?.tests ?? {})).toEqual(others(oracle.tests));
      expect(report.observatory?.score).toBe(Math.max(0, oracle.scan.score - 50));
    } finally {
      await app.close();
    }
  });

  it.each(CASES)('gives the same score and per-test results as the Observatory scanner: %s', async (_name, start, variant) => {
    const app = await start(variant);
    try {
      const oracle = await observatoryOracle(app.url);
      const report = await probeApi({ url: app.url, only: ['headers', 'cors'] });
      const theirs = Object.fromEntries(Object.entries(oracle.tests).map(([name, t]) => [name, [t.result, t.scoreModifier, t.pass]]));
      const ours = Object.fromEntries(Object.entries(report.observatory?.tests ?? {}).map(([name, t]) => [name, [t.result, t.scoreModifier, t.pass]]));
      expect(ours).toEqual(theirs);
      expect([report.observatory?.score, report.observatory?.grade]).toEqual([oracle.scan.score, oracle.scan.grade]);
    } finally {
      await app.close();
    }
  });
});
