// The results of the images of a run for people and for later steps: a headline, a markdown section
// for the job summary and PR comment, a short text for the CLI, and the `results` output's JSON.
// Names, tags, reasons and build output come from the repository: inert text (markdown.ts).
import { IMAGE_STATUSES } from '../image-results.js'
import type { ImageResult, ImageStatus, ImagesRun } from '../image-results.js'
import { inert } from '../markdown.js'

/** Each output line of a failure is cut to this many characters in the job summary. */
const SUMMARY_LINE_CHARS = 300

/** The section's default size: the rest of the summary (plan, processes) needs room too. */
export const IMAGES_SECTION_BUDGET = 300_000

function count(run: ImagesRun, ...statuses: ImageStatus[]): number {
  return run.images.filter(i => statuses.includes(i.status)).length
}

/**
 * `built 3 · pushed 3 · reused 1 · unchanged 35 · failed 0`: built counts every image this run built,
 * pushed or not; skipped is shown when there are any.
 */
export function imagesHeadline(run: ImagesRun): string {
  const parts = [
    `built ${count(run, 'built', 'pushed')}`,
    `pushed ${count(run, 'pushed')}`,
    `reused ${count(run, 'reused')}`,
    `unchanged ${count(run, 'unchanged')}`,
    `failed ${count(run, 'failed')}`
  ]
  const skipped = count(run, 'skipped')
  if (skipped > 0) parts.push(`skipped ${skipped}`)
  return parts.join(' · ')
}

function shortDigest(digest: string | undefined): string {
  return digest ? `${digest.slice(0, 'sha256:'.length + 12)}` : ''
}

/** The tags shown: the version tags, and the content tag only when there is nothing else. */
function shownTags(image: ImageResult): string[] {
  const version = image.tags.filter(t => !t.startsWith('key-'))
  return version.length > 0 ? version : image.tags.slice(0, 1)
}

/** Why, in one line: the first reason (and how many more), where it came from, what went wrong. */
function why(image: ImageResult): string {
  const parts: string[] = []
  if (image.error) parts.push(image.error)
  if (image.reasons.length > 0)
    parts.push(
      image.reasons.length > 1
        ? `${image.reasons[0]} (+${image.reasons.length - 1} more)`
        : image.reasons[0]
    )
  if (image.builtFrom) parts.push(`built from ${image.builtFrom.slice(0, 12)}`)
  for (const notice of image.notices ?? []) parts.push(notice)
  return parts.join('; ')
}

/** A fence longer than any backtick run in the text, so nothing in it can close the block. */
function fence(lines: string[]): string {
  const longest = Math.max(
    0,
    ...lines.map(l => Math.max(0, ...(l.match(/`+/g) ?? []).map(r => r.length)))
  )
  return '`'.repeat(Math.max(3, longest + 1))
}

/** The job summary's section (and the PR comment's): headline, a table, failures' last lines. */
export function imagesMarkdown(run: ImagesRun, limit = IMAGES_SECTION_BUDGET): string {
  const out = ['### Images built', '', imagesHeadline(run)]
  const where = run.registry ? `<code>${inert(run.registry)}</code>` : 'no registry'
  out.push(
    '',
    `${where}${run.push ? '' : ', not pushed'}${run.builder ? ` · builder ${inert(run.builder)}` : ''}`
  )
  const listed = run.images.filter(i => i.status !== 'unchanged' || i.tags.length > 1)
  const unchanged = run.images.filter(i => !listed.includes(i))
  let size = out.join('\n').length
  if (listed.length > 0) {
    out.push('', '| image | status | tags | digest | why |', '| --- | --- | --- | --- | --- |')
    let shown = 0
    for (const image of listed) {
      const status = image.status === 'failed' ? '**failed**' : image.status
      const tags = shownTags(image)
        .map(t => `<code>${inert(t)}</code>`)
        .join(' ')
      const digest = image.digest ? `<code>${inert(shortDigest(image.digest))}</code>` : ''
      const row = `| <code>${inert(image.name)}</code> | ${status} | ${tags} | ${digest} | ${inert(why(image))} |`
      if (size + row.length > limit) break
      out.push(row)
      size += row.length + 1
      shown++
    }
    if (shown < listed.length)
      out.push(
        '',
        `*${listed.length - shown} more images are not listed here (size limit); the \`results\` output has them all.*`
      )
  }
  if (unchanged.length > 0) {
    const names = unchanged.map(i => `<code>${inert(i.name)}</code>`).join(', ')
    const text =
      size + names.length < limit
        ? names
        : `${unchanged.length} images (see the \`results\` output)`
    out.push(
      '',
      `<details><summary>${unchanged.length} unchanged (not needed by this run)</summary>`,
      '',
      text,
      '',
      '</details>'
    )
  }
  for (const image of run.images) {
    if (image.status !== 'failed') continue
    const tail = (image.logTail ?? []).map(l =>
      l.length > SUMMARY_LINE_CHARS ? `${l.slice(0, SUMMARY_LINE_CHARS)}…` : l
    )
    const lines = tail.length > 0 ? tail : ['(no output)']
    const f = fence(lines)
    out.push(
      '',
      `<details><summary><code>${inert(image.name)}</code> failed: ${inert(image.error ?? '')}</summary>`,
      '',
      `${f}text`,
      ...lines,
      f,
      '',
      '</details>'
    )
  }
  return `${out.join('\n')}\n`
}

/** The CLI's text: the headline, one row per image the run did something with, failures' tails. */
export function imagesText(run: ImagesRun): string {
  const lines = [
    `images: ${imagesHeadline(run)} (${run.registry ?? 'no registry'}${run.push ? '' : ', not pushed'})`
  ]
  const listed = run.images.filter(i => i.status !== 'unchanged' || i.tags.length > 1)
  if (listed.length > 0) {
    const rows = [
      ['IMAGE', 'STATUS', 'DIGEST', 'TAGS', 'WHY'],
      ...listed.map(i => [
        i.name,
        i.status,
        shortDigest(i.digest) || (i.imageId ? `local ${i.imageId.slice(7, 19)}` : ''),
        shownTags(i).join(','),
        why(i)
      ])
    ]
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
    for (const r of rows)
      lines.push(
        r
          .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
          .join('  ')
          .trimEnd()
      )
  }
  for (const image of run.images) {
    if (image.status !== 'failed') continue
    lines.push('', `${image.name} failed: ${image.error ?? ''}`)
    for (const l of image.logTail ?? []) lines.push(`  | ${l}`)
  }
  return `${lines.join('\n')}\n`
}

export type ImageResultJson = Omit<ImageResult, 'name'>

/** The action's `results` output (and `imagegraph run --json`'s images part): keyed by image name. */
export function imagesToJson(run: ImagesRun): Record<string, ImageResultJson> {
  return Object.fromEntries(run.images.map(({ name, ...rest }) => [name, rest]))
}

/** Every status with its images, for a caller that wants lists (`failed`, `pushed`, ...). */
export function imagesByStatus(run: ImagesRun): Record<ImageStatus, string[]> {
  const by = Object.fromEntries(IMAGE_STATUSES.map(s => [s, [] as string[]])) as Record<
    ImageStatus,
    string[]
  >
  for (const image of run.images) by[image.status].push(image.name)
  return by
}
