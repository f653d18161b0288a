// The action's outputs as pure functions of the plan: what a workflow reads with fromJSON().
import { UserError } from './errors.js'
import type { PlanJson } from './plan.js'

/** GitHub caps a matrix at 256 jobs. */
export const MAX_MATRIX_JOBS = 256
/** An output larger than this many bytes is trimmed (GitHub takes 1 MB per output). */
export const MAX_PLAN_OUTPUT = 900_000

export interface MatrixEntry {
  image: string
  key: string
  /** Every image of this job, when images had to share jobs (more than max-jobs affected). */
  images?: string[]
}

/**
 * `{"include":[{"image":"api","key":"<hex>"}]}` for strategy.matrix. With more affected images than
 * maxJobs, consecutive images in build order share a job: `image` lists them comma-separated and
 * `images` as an array; `key` is then the first image's.
 */
export function matrixOf(plan: PlanJson, maxJobs = MAX_MATRIX_JOBS): { include: MatrixEntry[] } {
  const names = plan.affectedImages
  if (names.length <= maxJobs)
    return { include: names.map(image => ({ image, key: plan.images[image].key })) }
  const perJob = Math.ceil(names.length / maxJobs)
  const include: MatrixEntry[] = []
  for (let i = 0; i < names.length; i += perJob) {
    const images = names.slice(i, i + perJob)
    include.push({ image: images.join(','), key: plan.images[images[0]].key, images })
  }
  return { include }
}

/** How many of each there are, when a trimmed plan no longer lists them all. */
export interface PlanCounts {
  configs: number
  changedConfigs: number
  processes: number
  affectedProcesses: number
  images: number
  affectedImages: number
  changedFiles: number
  warnings: number
}

/** The `plan` output when it had to be trimmed: `truncated` says how, `counts` what was there. */
export type PlanOutputJson = PlanJson & { truncated?: string; counts?: PlanCounts }

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

type Nodes<T> = Record<string, T>

function pick<T extends { reasons: string[] }>(
  nodes: Nodes<T>,
  reasons: number,
  keep: (node: T) => boolean
): Nodes<T> {
  const out: Nodes<T> = {}
  for (const [name, node] of Object.entries(nodes))
    if (keep(node)) out[name] = { ...node, reasons: node.reasons.slice(0, reasons) }
  return out
}

/**
 * The plan as one line of JSON, at most `limit` bytes of UTF-8. When it would be larger it is cut
 * in stages until it fits: one reason per node; then no reasons (reasonCount keeps their number),
 * at most 1,000 changed files and 100 warnings; then only the affected nodes; then no nodes, only
 * the names of the affected ones; at last those names cut too. `truncated` says which stage,
 * `counts` how many of each the whole plan has; the plan file holds all of it.
 */
export function planOutput(plan: PlanJson, limit = MAX_PLAN_OUTPUT): string {
  const full = JSON.stringify(plan)
  if (bytes(full) <= limit) return full
  const counts: PlanCounts = {
    configs: Object.keys(plan.configs).length,
    changedConfigs: plan.changedConfigs.length,
    processes: Object.keys(plan.processes).length,
    affectedProcesses: plan.affectedProcesses.length,
    images: Object.keys(plan.images).length,
    affectedImages: plan.affectedImages.length,
    changedFiles: plan.changedFiles.length,
    warnings: plan.warnings.length
  }
  const cuts: string[] = []
  if (plan.changedFiles.length > 1000)
    cuts.push(`changedFiles cut to the first 1000 of ${plan.changedFiles.length}`)
  if (plan.warnings.length > 100)
    cuts.push(`warnings cut to the first 100 of ${plan.warnings.length}`)
  const also = cuts.length > 0 ? `; ${cuts.join(', ')}` : ''
  const fit = 'to fit the output size limit'
  const lean = {
    changedFiles: plan.changedFiles.slice(0, 1000),
    warnings: plan.warnings.slice(0, 100)
  }
  const stages: Array<() => PlanOutputJson> = [
    () => ({
      ...plan,
      truncated: `reasons trimmed to the first chain per node ${fit}`,
      counts,
      configs: pick(plan.configs, 1, () => true),
      processes: pick(plan.processes, 1, () => true),
      images: pick(plan.images, 1, () => true)
    }),
    () => ({
      ...plan,
      ...lean,
      truncated: `reasons left out (reasonCount counts them)${also} ${fit}`,
      counts,
      configs: pick(plan.configs, 0, () => true),
      processes: pick(plan.processes, 0, () => true),
      images: pick(plan.images, 0, () => true)
    }),
    () => ({
      ...plan,
      ...lean,
      truncated: `only affected nodes listed, without reasons${also} ${fit}`,
      counts,
      configs: pick(plan.configs, 0, n => n.changed),
      processes: pick(plan.processes, 0, n => n.affected),
      images: pick(plan.images, 0, n => n.affected)
    }),
    () => ({
      ...plan,
      changedFiles: [],
      warnings: [],
      truncated: `no nodes listed: only the names of the affected ones and counts ${fit}`,
      counts,
      configs: {},
      processes: {},
      images: {}
    })
  ]
  for (const stage of stages) {
    const text = JSON.stringify(stage())
    if (bytes(text) <= limit) return text
  }
  // Even the names are too many: keep the first of each list that fit, in build order.
  const names = (keep: number): PlanOutputJson => ({
    ...stages[stages.length - 1](),
    truncated: `no nodes listed, and only the first ${keep} names of each list of affected nodes (counts has how many) ${fit}`,
    affectedImages: plan.affectedImages.slice(0, keep),
    affectedProcesses: plan.affectedProcesses.slice(0, keep),
    changedConfigs: plan.changedConfigs.slice(0, keep)
  })
  let low = 0
  let high = Math.max(counts.affectedImages, counts.affectedProcesses, counts.changedConfigs)
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (bytes(JSON.stringify(names(mid))) <= limit) low = mid
    else high = mid - 1
  }
  return JSON.stringify(names(low))
}

/**
 * An output keyed by image within `limit` bytes of UTF-8: the first of the stages (each a way to
 * shorten one image's record, the first usually whole) whose JSON fits. When none fits, a user
 * error that says so (unfit: what follows "do not fit GitHub's output limit (N bytes)"); the
 * caller has written the whole of it to a file already (`results-file`).
 */
export function fittedOutput<T>(
  what: string,
  records: Record<string, T>,
  stages: ReadonlyArray<(record: T) => unknown>,
  limit: number,
  unfit: string
): string {
  for (const stage of stages) {
    const out: Record<string, unknown> = {}
    for (const [image, r] of Object.entries(records)) out[image] = stage(r)
    const text = JSON.stringify(out)
    if (Buffer.byteLength(text, 'utf8') <= limit) return text
  }
  throw new UserError(
    `The ${what} of ${Object.keys(records).length} images do not fit GitHub's output limit (${limit} bytes)${unfit}`
  )
}

/**
 * The `digests` output (`{"image": "registry/repository@sha256:..."}`) when it fits GitHub's
 * output limit; a map cut short would leave images out silently, so one that does not fit is a
 * user error that says where every digest is (`results-file`, written before).
 */
export function digestsOutput(digests: Record<string, string>, limit = MAX_PLAN_OUTPUT): string {
  return fittedOutput(
    'digests',
    digests,
    [d => d],
    limit,
    "; read results-file, which has each image's ref and digest"
  )
}
