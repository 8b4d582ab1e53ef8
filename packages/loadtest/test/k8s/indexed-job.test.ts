import { execFileSync } from 'node:child_process';
import { Job } from 'kubernetes-models/batch/v1';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kubernetesJob } from '../../src/index.js';

const base = { args: ['http://api.staging:3000/users', '--rate', '8000', '-d', '60', '-H', "X-Note: it's"], parallelism: 8, image: 'ghcr.io/acme/sb:1.2', startAt: '2026-12-04T16:00:00.000Z' };

describe('kubernetesJob', () => {
  it('writes an Indexed Job that the Kubernetes API types accept', () => {
    const job = kubernetesJob({ ...base, namespace: 'load' });
    const model = new Job(parse(job.yaml) as ConstructorParameters<typeof Job>[0]);
    expect(() => model.validate()).not.toThrow();
    expect(model.spec?.completionMode).toBe('Indexed');
    expect(model.spec?.completions).toBe(8);
    expect(model.spec?.parallelism).toBe(8);
    expect(model.spec?.backoffLimit).toBe(0);
    expect(model.metadata?.namespace).toBe('load');
    expect(model.spec?.template.spec?.containers[0]?.env).toEqual([{ name: 'SB_START_AT', value: base.startAt }]);
    // The check has teeth: the same types refuse a broken Job.
    const broken = { ...(parse(job.yaml) as object), spec: { ...(parse(job.yaml) as { spec: object }).spec, completions: '8' } };
    expect(() => new Job(broken as unknown as ConstructorParameters<typeof Job>[0]).validate()).toThrow('data/spec/completions must be integer');
  });

  it('maps completion index i to segment i+1/N and quotes every argument for sh', () => {
    const job = kubernetesJob(base);
    const container = (parse(job.yaml) as { spec: { template: { spec: { containers: { command: string[] }[] } } } }).spec.template.spec.containers[0]!;
    expect(container.command.slice(0, 2)).toEqual(['sh', '-c']);
    const script = container.command[2]!;
    // Run the script's sb line with a stand-in `sb` that prints its arguments: the quoting must give them back as given.
    const echoed = execFileSync('sh', ['-c', `sb() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ${script}`], {
      env: { PATH: process.env['PATH'] ?? '', JOB_COMPLETION_INDEX: '2', SB_START_AT: base.startAt },
      encoding: 'utf8',
    });
    expect(echoed.trim().split('\n')).toEqual(['load', ...base.args, '--segment', '3/8', '--start-at', base.startAt, '--save', '-']);
  });

  it('lets a pod whose own checks failed (exit 1) succeed, and fails it on a usage error (exit 2)', () => {
    const script = (kubernetesJob(base).job as { spec: { template: { spec: { containers: { command: string[] }[] } } } }).spec.template.spec.containers[0]!.command[2]!;
    const run = (code: number): number => {
      try {
        execFileSync('sh', ['-c', `sb() { return ${code}; }; ${script}`], { env: { JOB_COMPLETION_INDEX: '0' } });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    };
    expect([run(0), run(1), run(2)]).toEqual([0, 0, 2]);
  });

  it('writes the shards to a volume when asked, and prints how to merge them', () => {
    const job = kubernetesJob({ ...base, pvc: 'sb-results', name: 'checkout-load' });
    const model = new Job(job.job as ConstructorParameters<typeof Job>[0]);
    expect(() => model.validate()).not.toThrow();
    expect(model.spec?.template.spec?.volumes).toEqual([{ name: 'results', persistentVolumeClaim: { claimName: 'sb-results' } }]);
    expect(job.merge).toContain('sb load merge /results/shard-*.json');
    expect(kubernetesJob(base).merge).toMatch(/^kubectl logs -n default -l app\.kubernetes\.io\/instance=sb-load-[0-9a-f]{8} --tail=-1 --max-log-requests=8 > sb-load-[0-9a-f]{8}\.jsonl && sb load merge sb-load-[0-9a-f]{8}\.jsonl$/);
  });

  it('refuses flags it sets per pod, and names that are not DNS labels', () => {
    expect(() => kubernetesJob({ ...base, args: [...base.args, '--segment', '1/2'] })).toThrow('--segment is set per pod by sb load k8s: leave it out');
    expect(() => kubernetesJob({ ...base, namespace: 'Load Test' })).toThrow('invalid namespace "Load Test"');
    expect(() => kubernetesJob({ ...base, parallelism: 0 })).toThrow('parallelism must be an integer from 1 to 1000, got 0');
  });
});
