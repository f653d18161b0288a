// Process outputs by path, for the questions a graph asks of them many times: which output holds a
// path, which outputs lie under a directory. Each answer costs a lookup per directory level, so a
// graph of 10,000 processes is checked in linear time, not by comparing every pair.
import type { Graph } from './graph/model.js'
import { anchorOf, compilePattern } from './match.js'
import { isUnder } from './paths.js'

export interface OutputOwner {
  path: string
  process: string
  /** Its index in the process's outputs. */
  index: number
}

export class OutputIndex {
  /** Each output path, by the first process that lists it. */
  private readonly exact = new Map<string, OutputOwner>()
  /** Each directory above an output, by the first output under it. */
  private readonly above = new Map<string, OutputOwner>()
  private sorted?: string[]

  /** Registers an output; what it overlaps that is already registered, if anything. */
  add(owner: OutputOwner): OutputOwner | undefined {
    const clash = this.producerOf(owner.path) ?? this.above.get(owner.path)
    if (!this.exact.has(owner.path)) this.exact.set(owner.path, owner)
    for (
      let slash = owner.path.indexOf('/');
      slash !== -1;
      slash = owner.path.indexOf('/', slash + 1)
    ) {
      const dir = owner.path.slice(0, slash)
      if (!this.above.has(dir)) this.above.set(dir, owner)
    }
    if (!this.above.has('')) this.above.set('', owner)
    this.sorted = undefined
    return clash
  }

  isEmpty(): boolean {
    return this.exact.size === 0
  }

  /** The output that is path or holds it. */
  producerOf(path: string): OutputOwner | undefined {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const owner = this.exact.get(path.slice(0, slash))
      if (owner) return owner
    }
    return this.exact.get(path)
  }

  /** Every output at or under dir ('' is everywhere), in path order. */
  outputsUnder(dir: string): OutputOwner[] {
    if (!this.above.has(dir) && !this.exact.has(dir)) return []
    this.sorted ??= [...this.exact.keys()].sort()
    const out: OutputOwner[] = []
    // Binary search to the first path not before dir; what is under dir follows it.
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.sorted[mid] < dir) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(dir); i++)
      if (isUnder(this.sorted[i], dir)) out.push(this.exact.get(this.sorted[i])!)
    return out
  }

  /**
   * The outputs a pattern names: those it matches, and the one its fixed directory lies in (a
   * pattern inside an output names what the process writes).
   */
  namedBy(pattern: string): OutputOwner[] {
    const anchor = anchorOf(pattern)
    const holder = this.producerOf(anchor)
    if (holder) return [holder]
    const matches = compilePattern(pattern)
    return this.outputsUnder(anchor).filter(o => matches(o.path))
  }
}

const indexes = new WeakMap<Graph, OutputIndex>()

/** The outputs of a graph's processes, indexed once per graph. */
export function outputIndexOf(graph: Graph): OutputIndex {
  let index = indexes.get(graph)
  if (!index) {
    index = new OutputIndex()
    for (const node of graph.nodes.values())
      if (node.kind === 'process')
        node.outputs.forEach((path, i) => index!.add({ path, process: node.name, index: i }))
    indexes.set(graph, index)
  }
  return index
}
