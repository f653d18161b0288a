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

/**
 * The plan as one line of JSON. When it would be too large, it is cut in stages until it fits: one
 * reason per node, then no reasons (reasonCount keeps their number) and at most 1,000 changed
 * files, then only the affected nodes. `truncated` says which; the keys of affected nodes stay.
 */
export function planOutput(plan: PlanJson, limit = MAX_PLAN_OUTPUT): string {
  const full = JSON.stringify(plan)
  if (full.length <= limit) return full
  const files =
    plan.changedFiles.length > 1000
      ? ` and changedFiles cut to the first 1000 of ${plan.changedFiles.length}`
      : ''
  const cut = <T extends { reasons: string[] }>(
    nodes: Record<string, T>,
    reasons: number,
    keep: (node: T) => boolean
  ) =>
    Object.fromEntries(
      Object.entries(nodes)
        .filter(([, v]) => keep(v))
        .map(([k, v]) => [k, { ...v, reasons: v.reasons.slice(0, reasons) }])
    )
  const stages = [
    {
      reasons: 1,
      files: Infinity,
      onlyAffected: false,
      truncated: 'reasons trimmed to the first chain per node to fit the output size limit'
    },
    {
      reasons: 0,
      files: 1000,
      onlyAffected: false,
      truncated: `reasons left out (reasonCount counts them)${files} to fit the output size limit`
    },
    {
      reasons: 0,
      files: 1000,
      onlyAffected: true,
      truncated: `only affected nodes listed, without reasons${files}, to fit the output size limit`
    }
  ]
  let text = full
  for (const stage of stages) {
    text = JSON.stringify({
      ...plan,
      truncated: stage.truncated,
      changedFiles: plan.changedFiles.slice(0, stage.files),
      configs: cut(plan.configs, stage.reasons, n => !stage.onlyAffected || n.changed),
      processes: cut(plan.processes, stage.reasons, n => !stage.onlyAffected || n.affected),
      images: cut(plan.images, stage.reasons, n => !stage.onlyAffected || n.affected)
    })
    if (text.length <= limit) return text
  }
  return text
}
