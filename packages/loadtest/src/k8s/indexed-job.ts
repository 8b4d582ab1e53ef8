import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { LoadtestError } from '../errors.js';
import { shellLine, shellQuote } from './shell.js';

/** What `sb load k8s` turns into an Indexed Job. */
export interface KubernetesJobOptions {
  /** The `sb load` arguments every pod runs (URL and flags), without `--segment`, `--start-at` or `--save`. */
  args: readonly string[];
  /** Pods, one shard each (the Job's `completions` and `parallelism`). */
  parallelism: number;
  /** A container image with `sb` on its PATH. */
  image: string;
  namespace?: string;
  /** Job name (default `sb-load-` and a hash of the arguments). */
  name?: string;
  /** The shared start time, ISO (all pods start sending then). */
  startAt: string;
  /** A PersistentVolumeClaim to write the shards to (`/results/shard-i-of-N.json`) instead of the pods' logs. */
  pvc?: string;
  /** Seconds a pod may run before Kubernetes stops it (default: none). */
  activeDeadlineSeconds?: number;
}

/** The manifest and the one-line commands around it. */
export interface KubernetesJob {
  name: string;
  namespace: string;
  /** The Job object (batch/v1, completionMode Indexed). */
  job: Record<string, unknown>;
  /** The manifest as YAML, for `kubectl apply -f -`. */
  yaml: string;
  /** Collect the shards and merge them. */
  merge: string;
  /** Wait for the pods to finish. */
  wait: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RESERVED = new Set(['--segment', '--start-at', '--save', '--json']);

function invalid(message: string): never {
  throw new LoadtestError('LOADTEST_INVALID_OPTION', message);
}

/**
 * An Indexed Job that runs one `sb load` shard per pod: completion index i runs `--segment i+1/N`, all pods start at
 * `startAt`, and each prints its shard as one JSON line (`--save -`) for `kubectl logs`, or writes it to a volume.
 * A pod exits 0 when its own checks fail (exit 1): checks are evaluated once, on the merged result.
 *
 * @example
 * ```ts
 * const job = kubernetesJob({ args: ['http://api:3000/', '--rate', '8000', '-d', '60'], parallelism: 8, image: 'ghcr.io/acme/sb:1', startAt: '2026-12-04T16:00:00Z' });
 * process.stdout.write(job.yaml);
 * ```
 */
export function kubernetesJob(options: KubernetesJobOptions): KubernetesJob {
  const n = options.parallelism;
  if (!Number.isInteger(n) || n < 1 || n > 1000) invalid(`parallelism must be an integer from 1 to 1000, got ${String(n)}`);
  if (!options.image || /\s/.test(options.image)) invalid(`invalid image ${JSON.stringify(options.image)}`);
  const namespace = options.namespace ?? 'default';
  if (!DNS_LABEL.test(namespace) || namespace.length > 63) invalid(`invalid namespace ${JSON.stringify(namespace)}: expected a DNS label (lower case, digits, -)`);
  const used = options.args.find((arg) => RESERVED.has(arg.split('=')[0] ?? ''));
  if (used) invalid(`${used.split('=')[0]} is set per pod by sb load k8s: leave it out`);
  const hash = createHash('sha256').update(JSON.stringify([options.args, n, options.startAt])).digest('hex').slice(0, 8);
  const name = options.name ?? `sb-load-${hash}`;
  if (!DNS_LABEL.test(name) || name.length > 52) invalid(`invalid job name ${JSON.stringify(name)}: a DNS label of at most 52 characters`);
  const save = options.pvc ? `/results/shard-$((JOB_COMPLETION_INDEX + 1))-of-${n}.json` : '-';
  // Exit 1 means "a check failed" for this shard alone: the merged result decides. Usage errors (2) and crashes fail the pod.
  const script =
    `sb ${shellLine(['load', ...options.args])} --segment "$((JOB_COMPLETION_INDEX + 1))/${n}" --start-at "$SB_START_AT" --save ${save === '-' ? '-' : `"${save}"`}; ` +
    'code=$?; if [ "$code" -le 1 ]; then exit 0; else exit "$code"; fi';
  const labels = { 'app.kubernetes.io/name': 'sb-load', 'app.kubernetes.io/instance': name };
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, labels },
    spec: {
      completionMode: 'Indexed',
      completions: n,
      parallelism: n,
      // A retried shard would send its load at the wrong time: never retry.
      backoffLimit: 0,
      ...(options.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: options.activeDeadlineSeconds }),
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'sb-load',
              image: options.image,
              command: ['sh', '-c', script],
              env: [{ name: 'SB_START_AT', value: options.startAt }],
              ...(options.pvc ? { volumeMounts: [{ name: 'results', mountPath: '/results' }] } : {}),
            },
          ],
          ...(options.pvc ? { volumes: [{ name: 'results', persistentVolumeClaim: { claimName: options.pvc } }] } : {}),
        },
      },
    },
  };
  const ns = `-n ${shellQuote(namespace)}`;
  const wait = `kubectl wait ${ns} --for=condition=complete job/${name} --timeout=1h`;
  const merge = options.pvc
    ? `kubectl run ${name}-merge ${ns} --rm -i --restart=Never --image=${shellQuote(options.image)} --overrides=${shellQuote(
        JSON.stringify({
          spec: {
            volumes: [{ name: 'results', persistentVolumeClaim: { claimName: options.pvc } }],
            containers: [{ name: 'merge', image: options.image, command: ['sh', '-c', 'sb load merge /results/shard-*.json'], volumeMounts: [{ name: 'results', mountPath: '/results' }] }],
          },
        }),
      )}`
    : `kubectl logs ${ns} -l app.kubernetes.io/instance=${name} --tail=-1 --max-log-requests=${Math.max(5, n)} > ${name}.jsonl && sb load merge ${name}.jsonl`;
  return { name, namespace, job, yaml: stringify(job, { lineWidth: 0, aliasDuplicateObjects: false }), merge, wait };
}
