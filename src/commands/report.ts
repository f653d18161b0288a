// Use case: the report of a run fanned out across matrix legs (mode `report`). Each leg uploaded
// its results as a JSON file; the report job downloaded them all into one directory. Read every
// `*.json` there, merge them into one result per image, and render the table for the job summary
// and the PR comment.
import { readFile, readdir } from 'node:fs/promises'
import * as path from 'node:path'
import { mergeLegResults, resultsMarkdown } from '../core/leg-results.js'
import type { LegFile, Results } from '../core/leg-results.js'
import { COMMENT_BUDGET, SUMMARY_BUDGET } from '../core/summary.js'

export interface ReportInput {
  /** The directory holding the legs' results files. */
  resultsDir: string
  /** The plan's `comment-body`, to which the results are added for the PR comment. */
  planComment?: string
}

export interface LegReport {
  /** The files merged, relative to resultsDir, sorted. */
  files: string[]
  /** Set when resultsDir does not exist (no leg uploaded anything, so nothing was downloaded). */
  missingDir: boolean
  results: Results
  summary: string
  /** The plan's comment with the results under it; undefined without planComment. */
  comment?: string
}

async function legFiles(dir: string): Promise<LegFile[] | undefined> {
  let names: string[]
  try {
    names = (await readdir(dir, { recursive: true })).filter(n => n.endsWith('.json')).sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  return Promise.all(
    names.map(async name => ({ name, text: await readFile(path.join(dir, name), 'utf8') }))
  )
}

export async function reportLegs(input: ReportInput): Promise<LegReport> {
  const files = await legFiles(input.resultsDir)
  const results = mergeLegResults(files ?? [])
  const summary = resultsMarkdown(results, SUMMARY_BUDGET)
  let comment: string | undefined
  if (input.planComment !== undefined && input.planComment.trim() !== '') {
    // The plan's marker line stays first: it names the sticky comment to update.
    const room = COMMENT_BUDGET - input.planComment.length - 2
    comment = `${input.planComment}\n\n${resultsMarkdown(results, room)}`
  }
  return {
    files: (files ?? []).map(f => f.name),
    missingDir: files === undefined,
    results,
    summary,
    ...(comment !== undefined ? { comment } : {})
  }
}
