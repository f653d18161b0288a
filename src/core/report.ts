// Text for people: the plan, one node's reasons, and the graph as mermaid, dot or JSON.
import type { ChangedFile } from './changes.js'
import { inputsOf } from './graph/model.js'
import type { Graph, GraphNode } from './graph/model.js'
import { formatProblem } from './errors.js'
import { explainKeyDifference, treeChangeKey, treeChanges } from './explain.js'
import type { KeyDifference } from './explain.js'
import { nodeLabel, stableStringify } from './keys.js'
import type { KeyBreakdown } from './keys.js'
import { affectedImages } from './plan.js'
import type { NodePlan, Plan } from './plan.js'
import { renderChain } from './reasons.js'
import { counted, shortId } from './render/text.js'
import type { ContextReads } from './image-reach.js'

export function changeLine(c: ChangedFile): string {
  const status = c.status.padEnd(12)
  return c.oldPath ? `${status} ${c.oldPath} -> ${c.path}` : `${status} ${c.path}`
}

/** A node's chains, elided in the middle when long; in full (`why` of one node) when `full`. */
function reasonLines(n: NodePlan, indent: string, full = false): string[] {
  const lines = full
    ? n.chains.map(c => `${indent}${renderChain(c, Infinity)}`)
    : n.reasons.map(r => `${indent}${r}`)
  if (n.reasonCount > n.reasons.length)
    lines.push(`${indent}... and ${n.reasonCount - n.reasons.length} more`)
  return lines
}

export function planText(p: Plan): string {
  const all = p.order.map(name => p.nodes.get(name)!)
  const images = all.filter(n => n.kind === 'image')
  const processes = all.filter(n => n.kind === 'process')
  const configs = all.filter(n => n.kind === 'config')
  const affected = affectedImages(p)
  const out: string[] = []
  out.push(
    `imagegraph plan ${shortId(p.base)}..${shortId(p.head)}: ${counted(p.changedFiles.length, 'changed file')}, ${affected.length} of ${counted(images.length, 'image')} affected`
  )
  if (p.everythingBecause) out.push(`Every node is affected: ${p.everythingBecause}`)
  for (const w of p.warnings) out.push(formatProblem(w))
  out.push('')
  out.push(`Changed files (${p.changedFiles.length}):`)
  for (const c of p.changedFiles.slice(0, 200)) out.push(`  ${changeLine(c)}`)
  if (p.changedFiles.length > 200) out.push(`  ... and ${p.changedFiles.length - 200} more`)
  const changedConfigs = configs.filter(c => c.affected)
  out.push('')
  out.push(
    `Configs changed (${changedConfigs.length} of ${configs.length}): ${changedConfigs.map(c => c.name).join(', ') || 'none'}`
  )
  const section = (title: string, nodes: NodePlan[], total: number) => {
    out.push('')
    out.push(`${title} (${nodes.length} of ${total})${nodes.length ? ':' : ''}`)
    for (const n of nodes) {
      out.push(`  ${n.name}  key ${shortId(n.key)}`)
      out.push(...reasonLines(n, '    '))
    }
  }
  section(
    'Processes affected',
    processes.filter(n => n.affected),
    processes.length
  )
  section('Images affected, in build order', affected, images.length)
  const unaffected = images.filter(n => !n.affected)
  if (unaffected.length > 0) {
    out.push('')
    out.push(
      `Images not affected (${unaffected.length}): ${unaffected.map(n => `${n.name} (${shortId(n.key)})`).join(', ')}`
    )
  }
  return `${out.join('\n')}\n`
}

/** One difference of a key from its value at base, in words. */
export function keyDifferenceText(difference: KeyDifference): string {
  switch (difference.kind) {
    case 'new-node':
      return `${nodeLabel(difference.node)} did not exist before`
    case 'schema':
      return `key schema: ${difference.before} -> ${difference.after}`
    case 'node-kind':
      return `kind: ${difference.before} -> ${difference.after}`
    case 'definition':
      return `definition.${difference.field}: ${stableStringify(difference.before)} -> ${stableStringify(difference.after)}`
    case 'file-added':
      return `file added: ${difference.path} (${difference.entry})`
    case 'file-changed':
      return `file changed: ${difference.path} (${difference.before} -> ${difference.after})`
    case 'file-removed':
      return `file removed: ${difference.path}`
    case 'input-added':
      return `input added: ${difference.input} (${shortId(difference.key)})`
    case 'input-changed':
      return `input key changed: ${difference.input} (${shortId(difference.before)} -> ${shortId(difference.after)})`
    case 'input-removed':
      return `input removed: ${difference.input}`
  }
}

/**
 * Why a key differs from its value at base, followed down the inputs whose keys changed, so a miss
 * ends at the file or definition that caused it.
 */
export function explainLines(
  p: Plan,
  name: string,
  base: Map<string, KeyBreakdown>,
  indent = '  ',
  seen = new Set<string>(),
  treeFiles: Map<string, string[]> = new Map()
): string[] {
  const node = p.nodes.get(name)!
  seen.add(name)
  const before = base.get(name)
  if (before && before.kind !== node.kind)
    return [`${indent}${nodeLabel(node)} was a ${before.kind} at base`]
  // Upstream keys name their node by label (`process render`).
  const byLabel = new Map(node.inputs.map(input => [nodeLabel(p.nodes.get(input)!), input]))
  const out: string[] = []
  for (const difference of explainKeyDifference(before, node.breakdown)) {
    out.push(`${indent}${keyDifferenceText(difference)}`)
    for (const change of treeChanges([difference]))
      for (const file of treeFiles.get(treeChangeKey(change)) ?? []) out.push(`${indent}  ${file}`)
    const input = difference.kind === 'input-changed' ? byLabel.get(difference.input) : undefined
    if (input !== undefined && !seen.has(input))
      out.push(...explainLines(p, input, base, `${indent}  `, seen, treeFiles))
  }
  return out
}

/**
 * `why NODE` as text; with base, why its key differs from its key there, each changed directory's
 * files named from treeFiles (treeChangeKey -> the files that differ, e.g. `a/b.yaml (modified)`).
 */
export function whyText(
  p: Plan,
  n: NodePlan,
  base?: Map<string, KeyBreakdown> | null,
  treeFiles: Map<string, string[]> = new Map()
): string {
  const out: string[] = []
  out.push(
    `${nodeLabel(n)}: ${n.affected ? 'affected' : 'not affected'} between ${shortId(p.base)} and ${shortId(p.head)}`
  )
  out.push(`key ${n.key}`)
  if (n.affected) out.push(...reasonLines(n, '  ', true))
  if (base !== undefined) {
    out.push('')
    const before = base?.get(n.name)
    if (!base) out.push('Key at base: the graph file at base is missing or not valid')
    else if (
      before?.schema === n.breakdown.schema &&
      before.kind === n.kind &&
      explainKeyDifference(before, n.breakdown).length === 0
    ) {
      out.push('Key at base: the same')
    } else {
      out.push('Key at base differs:')
      out.push(...explainLines(p, n.name, base, '  ', new Set(), treeFiles))
    }
    if (n.contextReads) {
      out.push('')
      out.push(...contextReadLines(n.contextReads()))
    }
    out.push('')
    out.push('Key breakdown at head:')
    out.push(`  schema      ${n.breakdown.schema}`)
    out.push(`  definition  ${JSON.stringify(n.breakdown.definition)}`)
    out.push(
      `  files       ${n.breakdown.files.length} (digest ${shortId(n.breakdown.filesDigest)})`
    )
    for (const f of n.breakdown.files.slice(0, 50)) out.push(`    ${f}`)
    if (n.breakdown.files.length > 50) out.push(`    ... and ${n.breakdown.files.length - 50} more`)
    out.push(`  upstream    ${n.breakdown.upstream.length}`)
    for (const u of n.breakdown.upstream) out.push(`    ${u.node} ${u.key}`)
  }
  return `${out.join('\n')}\n`
}

/** What an image reads of its context: each instruction and the paths it reaches. */
function contextReadLines(reads: ContextReads): string[] {
  if ('whole' in reads) return [`Context inputs: the whole context (${reads.whole})`]
  const out = ['Context inputs: what the Dockerfile reads']
  if (reads.instructions.length === 0) out.push('  no instruction reads the context')
  for (const { step, paths } of reads.instructions) {
    out.push(`  ${step}`)
    for (const path of paths.slice(0, 50)) out.push(`    ${path}`)
    if (paths.length > 50) out.push(`    ... and ${paths.length - 50} more`)
    if (paths.length === 0) out.push('    nothing in the commit')
  }
  return out
}

const MERMAID_SHAPES: Record<GraphNode['kind'], [string, string]> = {
  config: ['[/', '/]'],
  process: ['([', '])'],
  image: ['[', ']']
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;')
}

/** The graph as a mermaid flowchart; nodes in `affected` are highlighted, `hidden` ones left out. */
export function graphMermaid(graph: Graph, affected?: Set<string>, hidden?: Set<string>): string {
  const ids = new Map<string, string>()
  graph.order.forEach((n, i) => ids.set(n.name, `n${i}`))
  const out = ['flowchart LR']
  for (const n of graph.order) {
    if (hidden?.has(n.name)) continue
    const [open, close] = MERMAID_SHAPES[n.kind]
    out.push(`  ${ids.get(n.name)}${open}"${mermaidText(nodeLabel(n))}"${close}`)
  }
  for (const n of graph.order) {
    if (hidden?.has(n.name)) continue
    for (const input of inputsOf(n))
      if (!hidden?.has(input)) out.push(`  ${ids.get(input)} --> ${ids.get(n.name)}`)
  }
  if (affected && affected.size > 0) {
    out.push('  classDef affected fill:#ffd8a8,stroke:#e8590c,stroke-width:2px')
    const marked = graph.order
      .filter(n => affected.has(n.name) && !hidden?.has(n.name))
      .map(n => ids.get(n.name))
    if (marked.length > 0) out.push(`  class ${marked.join(',')} affected`)
  }
  return `${out.join('\n')}\n`
}

export function graphDot(graph: Graph, affected?: Set<string>): string {
  const shape = { config: 'note', process: 'ellipse', image: 'box' }
  const q = (s: string) => JSON.stringify(s)
  const out = ['digraph imagegraph {', '  rankdir=LR;']
  for (const n of graph.order) {
    const style = affected?.has(n.name) ? ', style=filled, fillcolor="#ffd8a8"' : ''
    out.push(`  ${q(n.name)} [label=${q(nodeLabel(n))}, shape=${shape[n.kind]}${style}];`)
  }
  for (const n of graph.order)
    for (const input of inputsOf(n)) out.push(`  ${q(input)} -> ${q(n.name)};`)
  out.push('}')
  return `${out.join('\n')}\n`
}

export function graphJson(graph: Graph): unknown {
  return {
    nodes: graph.order.map(n => ({ name: n.name, kind: n.kind, inputs: inputsOf(n) })),
    edges: graph.order.flatMap(n => inputsOf(n).map(input => ({ from: input, to: n.name })))
  }
}
