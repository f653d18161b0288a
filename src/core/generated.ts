// Images built from what a process writes: an image whose context is, lies inside or holds a
// process's output, or whose Dockerfile (or that Dockerfile's own ignore file) is one, consumes that
// process as surely as if it listed it, so the process is an input of the image (in its key, in
// what is affected, in the reasons) whether the graph file lists it or not.
import type { Graph, GraphNode, ImageNode } from './graph/model.js'
import { reachAnchors } from './image-reach.js'
import type { ImageReach } from './image-reach.js'
import { outputIndexOf } from './output-paths.js'
import { overlaps } from './paths.js'

/** A process an image consumes without listing it, and the path of the image's that it writes. */
export interface ImpliedInput {
  process: string
  what: 'context' | 'Dockerfile' | 'Dockerfile ignore file'
  path: string
}

/** BuildKit reads `<Dockerfile>.dockerignore` before `<context>/.dockerignore`, when it exists. */
export function dockerfileIgnoreFile(dockerfile: string): string {
  return `${dockerfile}.dockerignore`
}

/** Every process output, sorted, with its process: the outputs under a directory are one run. */
class OutputIndex {
  private readonly byPath = new Map<string, string>()
  private readonly sorted: string[]

  constructor(nodes: Iterable<GraphNode>) {
    for (const node of nodes)
      if (node.kind === 'process') for (const o of node.outputs) this.byPath.set(o, node.name)
    this.sorted = [...this.byPath.keys()].sort()
  }

  /** The output that holds path (path itself or an ancestor), if any. */
  holding(path: string): { output: string; process: string } | undefined {
    for (let p = path; ;) {
      const process = this.byPath.get(p)
      if (process !== undefined) return { output: p, process }
      const cut = p.lastIndexOf('/')
      if (cut === -1) return undefined
      p = p.slice(0, cut)
    }
  }

  /** The outputs strictly under dir ('' is the repository root): a binary search, then a run. */
  under(dir: string): Array<{ output: string; process: string }> {
    const prefix = dir === '' ? '' : `${dir}/`
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.sorted[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    const out: Array<{ output: string; process: string }> = []
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++)
      out.push({ output: this.sorted[i], process: this.byPath.get(this.sorted[i])! })
    return out
  }
}

/** The processes each image consumes through its context and Dockerfile, by image name. */
export function findImpliedInputs(nodes: Map<string, GraphNode>): Map<string, ImpliedInput[]> {
  const outputs = new OutputIndex(nodes.values())
  const implied = new Map<string, ImpliedInput[]>()
  for (const node of nodes.values()) {
    if (node.kind !== 'image') continue
    const found: ImpliedInput[] = []
    const add = (process: string, what: ImpliedInput['what'], path: string) => {
      if (!found.some(f => f.process === process && f.what === what))
        found.push({ process, what, path })
    }
    const holder = outputs.holding(node.context)
    if (holder) add(holder.process, 'context', node.context || '.')
    for (const o of outputs.under(node.context)) add(o.process, 'context', node.context || '.')
    for (const [path, what] of [
      [node.dockerfile, 'Dockerfile'],
      [dockerfileIgnoreFile(node.dockerfile), 'Dockerfile ignore file']
    ] as const) {
      const h = outputs.holding(path)
      if (h) add(h.process, what, path)
    }
    if (found.length > 0) implied.set(node.name, found)
  }
  return implied
}

/** Record the implied inputs on the images (their `inputs` stay as the file spells them). */
export function addImpliedInputs(nodes: Map<string, GraphNode>): void {
  for (const [name, because] of findImpliedInputs(nodes)) {
    const image = nodes.get(name) as ImageNode
    const extra = [...new Set(because.map(b => b.process))].filter(p => !image.inputs.includes(p))
    image.implied = {
      inputs: extra.length > 0 ? [...image.inputs, ...extra] : image.inputs,
      because
    }
  }
}

/** How a reason chain says why an input it passes through was not listed: '' when it was. */
export function impliedNote(node: GraphNode, input: string): string {
  if (node.kind !== 'image' || !node.implied || node.inputs.includes(input)) return ''
  const b = node.implied.because.find(i => i.process === input)
  if (b) return ` (produces its ${b.what} ${b.path})`
  const arg = Object.keys(node.imageArgs).find(a => node.imageArgs[a] === input)
  return arg !== undefined ? ` (image-args ${arg})` : ''
}

/**
 * Once an image's Dockerfile is read (issue 13), a process that writes into its context is its
 * input only when an instruction reaches what it writes: an output under the context that no COPY
 * names leaves the image's inputs (its `because` stays, for the checks). A process the graph file
 * lists, or that writes the Dockerfile or an ignore file, stays.
 */
export function narrowImpliedInputs(graph: Graph, reach: ReadonlyMap<string, ImageReach>): void {
  const outputs = outputIndexOf(graph)
  for (const node of graph.nodes.values()) {
    const r = reach.get(node.name)
    if (node.kind !== 'image' || !node.implied || r?.kind !== 'narrowed') continue
    const unread = new Set<string>()
    const anchors = reachAnchors(r)
    for (const b of node.implied.because) {
      if (b.what !== 'context' || node.inputs.includes(b.process)) continue
      const written = [
        ...outputs.outputsUnder(r.context),
        ...[outputs.producerOf(r.context)].filter(o => o !== undefined)
      ].filter(o => o.process === b.process)
      if (!written.some(o => anchors.some(anchor => overlaps(o.path, anchor))))
        unread.add(b.process)
    }
    // A process also implied for its Dockerfile or ignore file, or named by image-args, stays.
    for (const b of node.implied.because) if (b.what !== 'context') unread.delete(b.process)
    for (const image of Object.values(node.imageArgs)) unread.delete(image)
    if (unread.size > 0)
      node.implied = {
        inputs: node.implied.inputs.filter(i => !unread.has(i)),
        because: node.implied.because
      }
  }
}
