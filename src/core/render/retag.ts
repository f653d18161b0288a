// A retag's result for people: a text table for the CLI, a markdown section for the job summary.
// Each tag shows what it named before, so a rollback can itself be rolled back by hand.
import { inert } from '../markdown.js'
import { MAX_PLAN_OUTPUT, fittedOutput } from '../outputs.js'
import { moved, revisionWords, unusableWords } from '../retag.js'
import type { MissingImage, RetagResult, RetaggedImage, TagMove } from '../retag.js'

/** `sha256:0123456789ab`: enough to tell digests apart in a table. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':')
  return colon < 0 ? digest : digest.slice(0, colon + 13)
}

function retaggedOf(result: RetagResult): RetaggedImage[] {
  return result.images.filter((i): i is RetaggedImage => i.status === 'retagged')
}

function missingOf(result: RetagResult): MissingImage[] {
  return result.images.filter((i): i is MissingImage => i.status === 'missing')
}

/** "3 images retagged · 5 tags moved · 1 already in place · 1 missing" (zero counts left out). */
export function retagCounts(result: RetagResult): string {
  const images = retaggedOf(result)
  const moves = images.flatMap(i => i.tags.map(t => moved(i, t)))
  const parts = [
    `${images.length} image${images.length === 1 ? '' : 's'} retagged`,
    `${moves.filter(Boolean).length} tag${moves.filter(Boolean).length === 1 ? '' : 's'} moved`
  ]
  const inPlace = moves.filter(m => !m).length
  if (inPlace > 0) parts.push(`${inPlace} already in place`)
  const missing = missingOf(result).length
  if (missing > 0) parts.push(`${missing} missing`)
  return parts.join(' · ')
}

function headline(result: RetagResult): string {
  return `retag${revisionWords(result.revision)} on ${result.registry}: ${result.tags.join(', ')}`
}

/** `production (was sha256:0123456789ab)`, `v1 (new)`, `latest (already there)`. */
function moveWords(image: RetaggedImage, move: TagMove): string {
  if (!moved(image, move)) return `${move.tag} (already there)`
  return move.before === null
    ? `${move.tag} (new)`
    : `${move.tag} (was ${shortDigest(move.before)})`
}

/** The CLI's table: one row per image, then the missing ones (a partial retag). */
export function retagText(result: RetagResult): string {
  const rows = [
    ['IMAGE', 'DIGEST', 'TAGS'],
    ...retaggedOf(result).map(i => [
      i.image,
      shortDigest(i.digest),
      i.tags.map(t => moveWords(i, t)).join(', ')
    ])
  ]
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
  const lines = [`${headline(result)}: ${retagCounts(result)}`]
  for (const r of rows)
    lines.push(
      r
        .map((cellText, c) => cellText.padEnd(widths[c]))
        .join('  ')
        .trimEnd()
    )
  for (const m of missingOf(result))
    lines.push(`not retagged: ${m.image}: ${m.repository}:${m.from} ${unusableWords(m.reason)}`)
  return `${lines.join('\n')}\n`
}

const code = (text: string) => `<code>${inert(text)}</code>`

/** The job summary's section: counts, a table of every image, then the missing ones. */
export function retagMarkdown(result: RetagResult): string {
  const out = [
    '### Retag',
    '',
    `${inert(headline(result))}: ${retagCounts(result)}`,
    '',
    '| image | digest | tags | before |',
    '| --- | --- | --- | --- |'
  ]
  for (const i of retaggedOf(result)) {
    const before = i.tags.map(t =>
      !moved(i, t) ? 'same' : t.before === null ? 'new' : code(shortDigest(t.before))
    )
    out.push(
      `| ${code(i.image)} | ${code(shortDigest(i.digest))} | ${i.tags.map(t => code(t.tag)).join(', ')} | ${before.join(', ')} |`
    )
  }
  const missing = missingOf(result)
  if (missing.length > 0) {
    out.push('', `Not retagged (partial retag): ${missing.length}`, '')
    for (const m of missing)
      out.push(
        `- ${code(m.image)}: ${code(`${m.repository}:${m.from}`)} ${inert(unusableWords(m.reason))}`
      )
  }
  return `${out.join('\n')}\n`
}

/** One image of the `results` output (and `retag --json`). */
export interface RetagImageJson {
  status: 'retagged' | 'missing'
  repository: string
  /** The content tag, or the tag or digest the user named. */
  from: string
  key?: string
  /** Retagged: the digest every tag now names. */
  digest?: string
  /** Retagged: the tags set, in order. */
  tags: string[]
  /** Retagged: what each tag named before (null: it was new), to roll the rollback back. */
  before?: Record<string, string | null>
  /** Missing: why the image could not be retagged. */
  reason?: string
}

/** The retag keyed by image, for the action's `results` output and `retag --json`. */
export function retagToJson(result: RetagResult): Record<string, RetagImageJson> {
  return Object.fromEntries(
    result.images.map(i => {
      const common = {
        status: i.status,
        repository: i.repository,
        from: i.from,
        ...(i.key !== undefined ? { key: i.key } : {})
      }
      return [
        i.image,
        i.status === 'retagged'
          ? {
              ...common,
              digest: i.digest,
              tags: i.tags.map(t => t.tag),
              before: Object.fromEntries(i.tags.map(t => [t.tag, t.before]))
            }
          : { ...common, tags: [], reason: unusableWords(i.reason) }
      ]
    })
  )
}

/**
 * The retag's `results` output within GitHub's output limit: whole when it fits, else without what
 * each tag named before, else without the tags too (status, repository, from, key, digest and
 * reason stay). `results-file` always has all of it.
 */
export function retagResultsOutput(
  json: Record<string, RetagImageJson>,
  limit = MAX_PLAN_OUTPUT
): string {
  return fittedOutput<RetagImageJson>(
    'results',
    json,
    [r => r, ({ before: _before, ...r }) => r, ({ before: _before, tags: _tags, ...r }) => r],
    limit,
    ' even without tags; read results-file'
  )
}

/** `{"api": "registry/repository@sha256:..."}` for every retagged image, as a build's `digests`. */
export function retagDigests(result: RetagResult): Record<string, string> {
  return Object.fromEntries(
    retaggedOf(result).map(i => [i.image, `${result.registry}/${i.repository}@${i.digest}`])
  )
}
