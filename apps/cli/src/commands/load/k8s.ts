import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import type { KubernetesJob } from '@sb/loadtest';
import { SbCommand } from '../../base/sb-command.js';
import { numberFlag } from '../../options/number-flag.js';

/** What `sb load k8s --json` prints: the Job and the commands around it. */
export type LoadK8sResult = Omit<KubernetesJob, 'yaml'> & { run: string; startAt: string };

export default class LoadK8s extends SbCommand {
  static override summary = 'Print (or write) a Kubernetes Indexed Job that runs `sb load` as N shards with a shared start time, and the commands to run and merge it.';
  static override description = 'Everything after the flags is passed to `sb load` in every pod (put it after --). Each pod runs --segment i/N and prints its shard as one JSON line.';
  static override examples = [
    '<%= config.bin %> load k8s --parallelism 8 --image ghcr.io/acme/sb:1 -- http://api.staging:3000/users --rate 8000 -d 60 | kubectl apply -f -',
    '<%= config.bin %> load k8s --parallelism 4 --image ghcr.io/acme/sb:1 --namespace load --output job.yaml -- http://api:3000/ -c 200 -d 120',
  ];
  static override strict = false;
  static override flags = {
    parallelism: numberFlag({ description: 'Pods, one shard each.', required: true }),
    image: Flags.string({ description: 'Container image with `sb` on its PATH.', required: true }),
    namespace: Flags.string({ description: 'Namespace of the Job (default "default").' }),
    name: Flags.string({ description: 'Job name (default sb-load-<hash of the arguments>).' }),
    'start-at': Flags.string({ description: 'Shared start time, ISO (default: now + --start-in).' }),
    'start-in': numberFlag({ description: 'Seconds from now to the shared start, leaving time to pull images and schedule pods (default 60).' }),
    pvc: Flags.string({ description: 'Write the shards to this PersistentVolumeClaim instead of the pod logs.' }),
    output: Flags.string({ char: 'o', description: 'Write the manifest to this file instead of stdout.' }),
  };

  async run(): Promise<LoadK8sResult> {
    const { argv, flags } = await this.parse(LoadK8s);
    const args = argv as string[];
    if (args.length === 0) this.error('no sb load arguments: sb load k8s --parallelism 8 --image IMAGE -- URL [flags]', { exit: 2 });
    if (flags.output && !existsSync(dirname(resolve(flags.output)))) this.error(`cannot write ${flags.output}: directory ${dirname(flags.output)} does not exist`, { exit: 2 });
    const lib = await import('@sb/loadtest');
    const startAt = flags['start-at'] ? lib.parseStartAt(flags['start-at']) : new Date(Date.now() + (flags['start-in'] ?? 60) * 1000);
    const job = lib.kubernetesJob({
      args,
      parallelism: flags.parallelism,
      image: flags.image,
      startAt: startAt.toISOString(),
      ...(flags.namespace ? { namespace: flags.namespace } : {}),
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.pvc ? { pvc: flags.pvc } : {}),
    });
    // Re-running the command gives a fresh start time, so the one-line run regenerates the manifest.
    const own = ['load', 'k8s', '--parallelism', String(flags.parallelism), '--image', flags.image, ...(flags.namespace ? ['--namespace', flags.namespace] : []), ...(flags.pvc ? ['--pvc', flags.pvc] : []), '--name', job.name, '--', ...args];
    const run = `kubectl delete job -n ${lib.shellLine([job.namespace])} ${job.name} --ignore-not-found && sb ${lib.shellLine(own)} | kubectl apply -f -`;
    const notes = [`# run:   ${run}`, `# wait:  ${job.wait}`, `# merge: ${job.merge}`, `# start: ${startAt.toISOString()} (all pods start sending then)`].join('\n');
    if (flags.output) {
      await writeFile(flags.output, `${notes}\n${job.yaml}`);
      if (!this.jsonEnabled()) this.log(`Indexed Job ${job.name} written to ${flags.output} (starts at ${startAt.toISOString()})\n${notes.replace(/^# /gm, '')}`);
    } else if (!this.jsonEnabled()) {
      process.stdout.write(`${notes}\n${job.yaml}`);
    }
    const { yaml: _yaml, ...rest } = job;
    return { ...rest, run, startAt: startAt.toISOString() };
  }
}
