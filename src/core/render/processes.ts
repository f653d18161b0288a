// The results of a processes run for people: a text table for the CLI, a markdown section for the
// job summary. Process names, messages and output come from the repository: escaped for markdown.
import type { ProcessOutcome, ProcessResult, ProcessesRun } from '../process-results.js'
import { cell, counted, textTable } from './text.js'

/** Each output line of a failure is cut to this many characters in the job summary. */
const SUMMARY_LINE_CHARS = 300

const OUTCOME_WORDS: Record<ProcessOutcome, string> = {
  ran: 'ran',
  hit: 'restored',
  failed: 'failed',
  skipped: 'skipped',
  'not-needed': 'not needed'
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

/** "2 ran, 3 restored, 1 failed, 1 skipped, 4 not needed" (outcomes with none left out). */
export function processCounts(run: ProcessesRun): string {
  const parts: string[] = []
  for (const outcome of Object.keys(OUTCOME_WORDS) as ProcessOutcome[]) {
    const n = run.processes.filter(p => p.outcome === outcome).length
    if (n > 0) parts.push(`${n} ${OUTCOME_WORDS[outcome]}`)
  }
  return parts.length > 0 ? parts.join(', ') : 'no processes'
}

function bytesCell(p: ProcessResult): string {
  if (p.bytesRestored > 0) return `${formatBytes(p.bytesRestored)} restored`
  if (p.bytesSaved > 0) return `${formatBytes(p.bytesSaved)} saved`
  return ''
}

function note(p: ProcessResult): string {
  const parts: string[] = []
  if (p.message) parts.push(p.message)
  if (p.outcome === 'ran' || p.outcome === 'hit') {
    if (p.affected) parts.push('affected')
    else if (p.neededBy.length > 0) parts.push(`needed by ${p.neededBy.join(', ')}`)
  }
  if (p.cacheWarnings.length > 0) parts.push(`cache: ${counted(p.cacheWarnings.length, 'warning')}`)
  return parts.join('; ')
}

/** The CLI's table: handled processes one per row, then the output tail of each failure. */
export function processesText(run: ProcessesRun): string {
  const handled = run.processes.filter(p => p.outcome !== 'not-needed')
  const rows = [
    ['PROCESS', 'RESULT', 'TIME', 'CACHE', 'NOTE'],
    ...handled.map(p => [p.name, OUTCOME_WORDS[p.outcome], `${p.seconds}s`, bytesCell(p), note(p)])
  ]
  const lines = [`processes: ${processCounts(run)} (cache ${run.cache})`]
  if (handled.length > 0) lines.push(...textTable(rows))
  for (const p of run.processes) {
    if (p.outcome !== 'failed') continue
    lines.push('', `${p.name} failed: ${p.message ?? ''}`)
    for (const l of p.outputTail ?? []) lines.push(`  | ${l}`)
  }
  for (const p of run.processes)
    for (const w of p.cacheWarnings) lines.push(`warning: ${p.name}: ${w}`)
  return `${lines.join('\n')}\n`
}

/** Text safe inside <pre>: HTML escaped, so that output cannot close the block or add markup. */
function preText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The job summary's section: a table, then each failure's last lines folded. */
export function processesMarkdown(run: ProcessesRun): string {
  const out = [
    '### Processes',
    '',
    `${processCounts(run)} (cache <code>${cell(run.cache)}</code>${run.saveCache ? '' : ', not saved'})`
  ]
  const handled = run.processes.filter(p => p.outcome !== 'not-needed')
  if (handled.length > 0) {
    out.push('', '| process | result | time | cache | note |', '| --- | --- | --- | --- | --- |')
    for (const p of handled)
      out.push(
        `| <code>${cell(p.name)}</code> | ${p.outcome === 'failed' ? '**failed**' : OUTCOME_WORDS[p.outcome]} | ${p.seconds}s | ${bytesCell(p)} | ${cell(note(p))} |`
      )
  }
  const notNeeded = run.processes.filter(p => p.outcome === 'not-needed')
  if (notNeeded.length > 0 && handled.length > 0)
    out.push(
      '',
      `Not needed by this run: ${notNeeded.map(p => `<code>${cell(p.name)}</code>`).join(', ')}`
    )
  for (const p of run.processes) {
    if (p.outcome !== 'failed') continue
    const tail = (p.outputTail ?? []).map(l =>
      l.length > SUMMARY_LINE_CHARS ? `${l.slice(0, SUMMARY_LINE_CHARS)}…` : l
    )
    out.push(
      '',
      `<details><summary><code>${cell(p.name)}</code> failed: ${cell(p.message ?? '')}</summary>`,
      '',
      `<pre>${preText(tail.length > 0 ? tail.join('\n') : '(no output)')}</pre>`,
      '',
      '</details>'
    )
  }
  const warnings = run.processes.flatMap(p =>
    p.cacheWarnings.map(w => `- <code>${cell(p.name)}</code>: ${cell(w)}`)
  )
  if (warnings.length > 0)
    out.push('', 'Cache warnings (they cost time, they fail nothing):', '', ...warnings)
  return `${out.join('\n')}\n`
}
