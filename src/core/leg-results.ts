// The results of the matrix legs of one run, merged into one: each leg writes its results (an object
// keyed by image name, the build's `results` output) to a file; the report job merges the files.
import { UserError } from './errors.js'
import { inert } from './markdown.js'
import { MAX_PLAN_OUTPUT, fittedOutput } from './outputs.js'

/** One image's result as `mode: build` reports it (issue 10); fields a leg may leave out are optional. */
export interface ImageResult {
  status: string
  ref?: string
  digest?: string
  tags?: string[]
  key?: string
  reasons?: string[]
  seconds?: number
  [field: string]: unknown
}

export type Results = Record<string, ImageResult>

/** One leg's file: its name (for errors) and its text. */
export interface LegFile {
  name: string
  text: string
}

/**
 * When two legs report the same image, the row kept is the most telling: a failure is never hidden
 * by another leg's success; a build beats a reuse; an image a leg did not need says least.
 */
const STATUS_RANK = ['failed', 'pushed', 'built', 'reused', 'skipped', 'unchanged']
const rank = (status: string) => {
  const i = STATUS_RANK.indexOf(status)
  return i < 0 ? STATUS_RANK.length : i
}

function parseLeg(file: LegFile): Results {
  let value: unknown
  try {
    value = JSON.parse(file.text)
  } catch (e) {
    throw new UserError(`${file.name}: not JSON (${(e as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UserError(`${file.name}: must be a JSON object of results keyed by image name`)
  for (const [image, result] of Object.entries(value)) {
    const r = result as ImageResult | null
    if (typeof r !== 'object' || r === null || Array.isArray(r) || typeof r.status !== 'string')
      throw new UserError(`${file.name}: image '${image}' has no result with a status`)
    if (r.digest !== undefined && typeof r.digest !== 'string')
      throw new UserError(`${file.name}: image '${image}' has a digest that is not a string`)
  }
  return value as Results
}

/**
 * Every leg's results as one object keyed by image name, names sorted. An image in several files is
 * kept once, by STATUS_RANK; two different digests for one image are an error (two legs built the
 * same image and pushed different bytes: which one its tags name depends on who pushed last).
 */
export function mergeLegResults(files: readonly LegFile[]): Results {
  const merged = new Map<string, { result: ImageResult; from: string }>()
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const [image, result] of Object.entries(parseLeg(file))) {
      const before = merged.get(image)
      if (!before) {
        merged.set(image, { result, from: file.name })
        continue
      }
      const [a, b] = [before.result.digest, result.digest]
      if (a && b && a !== b)
        throw new UserError(
          `image '${image}' has two digests: ${a} in ${before.from} and ${b} in ${file.name}; two legs built it and pushed different bytes`
        )
      const keep = rank(result.status) < rank(before.result.status)
      const winner = keep ? { result, from: file.name } : before
      // A digest one leg saw is kept, whichever row is shown.
      const digest = a ?? b
      merged.set(image, {
        ...winner,
        result: digest ? { ...winner.result, digest } : winner.result
      })
    }
  }
  const out: Results = {}
  for (const image of [...merged.keys()].sort()) out[image] = merged.get(image)!.result
  return out
}

/**
 * The `results` output within GitHub's output limit: whole when it fits, else with one reason per
 * image, else without reasons and tags (status, ref, digest and key stay: they are what later steps
 * use). `results-file` always has all of it.
 */
export function resultsOutput(results: Results, limit = MAX_PLAN_OUTPUT): string {
  return fittedOutput<ImageResult>(
    'results',
    results,
    [
      r => r,
      r => (r.reasons ? { ...r, reasons: r.reasons.slice(0, 1) } : r),
      ({ reasons: _reasons, tags: _tags, ...r }) => r
    ],
    limit,
    ' even without reasons and tags; read results-file'
  )
}

/**
 * A simple table of the merged results (the build's own renderer replaces it): counts by status,
 * then one row per image while the text stays within `limit` characters, then how many were left
 * out.
 */
export function resultsMarkdown(results: Results, limit = Infinity): string {
  const rows = Object.entries(results)
  if (rows.length === 0) return '## imagegraph: results\n\nNo leg reported a result.\n'
  const counts = new Map<string, number>()
  for (const [, r] of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  const line = [...counts].map(([status, n]) => `${inert(status)} ${n}`).join(' · ')
  const cell = (v: unknown) =>
    v === undefined || v === '' ? '' : `<code>${inert(String(v))}</code>`
  const head = [
    '## imagegraph: results',
    '',
    line,
    '',
    '| image | status | digest | tags |',
    '| --- | --- | --- | --- |'
  ]
  const lines = [...head]
  // Room for the note on rows left out.
  let size = head.join('\n').length + 200
  let shown = 0
  for (const [image, r] of rows) {
    const row = `| ${inert(image)} | ${inert(r.status)} | ${cell(r.digest)} | ${(r.tags ?? []).map(cell).join(' ')} |`
    if (size + row.length + 1 > limit) break
    lines.push(row)
    size += row.length + 1
    shown++
  }
  if (shown < rows.length)
    lines.push('', `… ${rows.length - shown} more images: the output \`results\` lists them all.`)
  return `${lines.join('\n')}\n`
}
