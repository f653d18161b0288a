// The job summary and the PR comment: what a developer wants to see at a glance, within a size
// budget (GitHub takes 1 MiB of step summary, 65,536 characters of comment). A large graph still
// gets a useful summary: unaffected nodes collapse, rows truncate with a note, never nothing.
import { affectedImages } from './plan.js'
import type { NodePlan, Plan } from './plan.js'
import { inert } from './markdown.js'
import { cell, counted, shortId } from './render/text.js'
import { graphMermaid } from './report.js'

export const SUMMARY_BUDGET = 1_000_000
export const COMMENT_BUDGET = 60_000
/** GitHub renders mermaid up to about this much text; past it a diagram is an error box. */
const MERMAID_MAX_CHARS = 40_000
const MERMAID_MAX_NODES = 300
const CHAINS_PER_ROW = 3

export interface SummaryContext {
  /** Why this base was chosen, in one line. */
  baseWhy: string
}

export function commentMarker(graphFile: string): string {
  // inert: a graph file named `x -->` must not close the comment.
  return `<!-- imagegraph-plan:${inert(graphFile)} -->`
}

function chainsCell(n: NodePlan): string {
  const shown = n.reasons.slice(0, CHAINS_PER_ROW).map(r => `<code>${cell(r)}</code>`)
  const more = n.reasonCount - shown.length
  if (more > 0) shown.push(`+${more} more`)
  return shown.join('<br>')
}

/** Lines appended while they fit; the rest is counted in a note instead of dropped silently. */
class Budget {
  private readonly parts: string[] = []
  private used = 0
  constructor(private readonly limit: number) {}

  get left(): number {
    return this.limit - this.used
  }

  /** Adds text if it fits within the budget minus `reserve`; says whether it did. */
  add(text: string, reserve = 0): boolean {
    const size = Buffer.byteLength(text, 'utf8') + 1
    if (this.used + size > this.limit - reserve) return false
    this.parts.push(text)
    this.used += size
    return true
  }

  /** Adds rows until the budget runs low, then a note with how many were left out. */
  addRows(rows: string[], note: (left: number) => string, reserve: number): void {
    for (let i = 0; i < rows.length; i++) {
      if (!this.add(rows[i], reserve)) {
        this.add(note(rows.length - i))
        return
      }
    }
  }

  text(): string {
    return `${this.parts.join('\n')}\n`
  }
}

/** The nodes to draw: all of a small graph; of a large one, the affected nodes and their inputs. */
function diagram(p: Plan): { text?: string; note?: string } {
  const affected = new Set([...p.nodes.values()].filter(n => n.affected).map(n => n.name))
  let hidden: Set<string> | undefined
  let note: string | undefined
  if (p.graph.nodes.size > MERMAID_MAX_NODES) {
    const shown = new Set(affected)
    for (const name of affected) for (const input of p.nodes.get(name)!.inputs) shown.add(input)
    hidden = new Set([...p.graph.nodes.keys()].filter(n => !shown.has(n)))
    note = `${hidden.size} unaffected nodes are collapsed out of the diagram.`
    if (shown.size > MERMAID_MAX_NODES)
      return {
        note: `The diagram is left out: ${shown.size} affected nodes and inputs are more than a diagram can show.`
      }
    if (shown.size === 0)
      return { note: 'Nothing is affected; the graph has too many nodes to draw.' }
  }
  const text = graphMermaid(p.graph, affected, hidden)
  if (text.length > MERMAID_MAX_CHARS)
    return {
      note: `The diagram is left out: ${text.length} characters of mermaid is more than GitHub renders.`
    }
  return { text, ...(note ? { note } : {}) }
}

export function summaryMarkdown(p: Plan, ctx: SummaryContext, limit = SUMMARY_BUDGET): string {
  const b = new Budget(limit)
  const all = p.order.map(n => p.nodes.get(n)!)
  const images = all.filter(n => n.kind === 'image')
  const processes = all.filter(n => n.kind === 'process')
  const configs = all.filter(n => n.kind === 'config')
  const affected = affectedImages(p)
  const reserve = 2_000 // room kept for the sections after a truncated one

  b.add(commentMarker(p.graphFile))
  b.add(`## imagegraph: ${affected.length} of ${counted(images.length, 'image')} affected`)
  b.add('')
  const base = p.base ? `\`${shortId(p.base)}\`` : '*none*'
  b.add(`**Base** ${base} → **head** \`${shortId(p.head)}\`: ${cell(ctx.baseWhy)}  `)
  const changedConfigs = configs.filter(c => c.affected)
  b.add(
    `${counted(p.changedFiles.length, 'changed file')} · ${changedConfigs.length} of ${configs.length} configs changed · ${processes.filter(n => n.affected).length} of ${processes.length} processes affected`
  )
  if (p.everythingBecause)
    b.add(`\n> [!WARNING]\n> Every node is affected: ${cell(p.everythingBecause)}`)
  // Warnings take at most half the budget: the images come next and matter more.
  b.addRows(
    p.warnings.map(
      w => `\n> [!NOTE]\n> ${cell(`${w.file}:${w.line}:${w.col} ${w.path}: ${w.message}`)}`
    ),
    left =>
      `\n> [!NOTE]\n> ${left} more warnings are not shown here (size limit); the \`plan\` output has them all.`,
    Math.floor(limit / 2)
  )

  b.add('')
  b.add('### Images')
  if (affected.length > 0) {
    b.add('| Image | Why | Key |')
    b.add('|---|---|---|')
    const rows = affected.map(
      n => `| **${cell(n.name)}** | ${chainsCell(n)} | \`${shortId(n.key)}\` |`
    )
    b.addRows(
      rows,
      left =>
        `\n*${left} more affected images are not listed here (size limit); the \`plan\` output has them all.*`,
      reserve
    )
  } else b.add('No image is affected.')
  const unaffected = images.filter(n => !n.affected)
  if (unaffected.length > 0) {
    b.add('')
    b.add(`<details><summary>${counted(unaffected.length, 'image')} not affected</summary>`)
    b.add('')
    b.addRows(
      unaffected.map(n => `- ${cell(n.name)} \`${shortId(n.key)}\``),
      left => `- … and ${left} more`,
      reserve
    )
    b.add('\n</details>')
  }

  if (processes.length > 0) {
    b.add('')
    b.add('### Processes')
    const affectedProcesses = processes.filter(n => n.affected)
    if (affectedProcesses.length > 0) {
      b.add('| Process | Why | Key |')
      b.add('|---|---|---|')
      b.addRows(
        affectedProcesses.map(
          n => `| **${cell(n.name)}** | ${chainsCell(n)} | \`${shortId(n.key)}\` |`
        ),
        left => `\n*${left} more affected processes are not listed here (size limit).*`,
        reserve
      )
    }
    const idle = processes.length - affectedProcesses.length
    if (idle > 0) b.add(`\n${counted(idle, 'process', 'processes')} not affected.`)
  }

  const d = diagram(p)
  b.add('')
  b.add('### Graph')
  if (d.text && !b.add(`\`\`\`mermaid\n${d.text}\`\`\``, 500))
    b.add('*The diagram is left out to stay within the size limit.*')
  if (d.note) b.add(`*${d.note}*`)

  if (p.changedFiles.length > 0) {
    b.add('')
    b.add(`<details><summary>${counted(p.changedFiles.length, 'changed file')}</summary>`)
    b.add('')
    b.addRows(
      p.changedFiles.map(
        c => `- ${c.status}: <code>${cell(c.oldPath ? `${c.oldPath} → ${c.path}` : c.path)}</code>`
      ),
      left => `- … and ${left} more`,
      100
    )
    b.add('\n</details>')
  }
  return b.text()
}
