// The small words every renderer shares: short ids, counted nouns and table cells, so the CLI, the
// log and the job summary write them one way.
import { inert } from '../markdown.js'

/** A commit id or content key cut to 12 characters; anything else (a branch, `HEAD~1`) as it is. */
export function shortId(id: string): string {
  return /^[0-9a-f]{40,64}$/.test(id) ? id.slice(0, 12) : id
}

/** `1 image`, `2 images`; `plural` is the plural where adding `s` is wrong (`processes`). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}

/** Repository text in a markdown table cell, list item, quote or HTML: inert, on one line. */
export const cell = inert

/** Rows of text in columns two spaces apart, each as wide as its widest cell; no trailing blanks. */
export function textTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)))
  return rows.map(r =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  )
}
