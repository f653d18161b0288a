// The action's outputs as pure functions of the plan: what a workflow reads with fromJSON().
import type { PlanJson } from './plan.js'

/** GitHub caps a matrix at 256 jobs. */
export const MAX_MATRIX_JOBS = 256
/** An output larger than this is trimmed (GitHub takes about 1 MB per output). */
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

/** The plan as one line of JSON; trimmed to one reason per node when it would be too large. */
export function planOutput(plan: PlanJson): string {
  const full = JSON.stringify(plan)
  if (full.length <= MAX_PLAN_OUTPUT) return full
  const trim = <T extends { reasons: string[] }>(nodes: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(nodes).map(([k, v]) => [k, { ...v, reasons: v.reasons.slice(0, 1) }])
    )
  return JSON.stringify({
    ...plan,
    truncated: 'reasons trimmed to the first chain per node to fit the output size limit',
    configs: trim(plan.configs),
    processes: trim(plan.processes),
    images: trim(plan.images)
  })
}
