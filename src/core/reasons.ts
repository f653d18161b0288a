// Why each node is affected: reason chains (file -> config -> process -> image) kept as shared
// links. A node's chain points at its input's chain instead of copying it, so a graph of any depth
// costs one link per chain kept; a long chain is rendered elided, a full one only when asked.
import { inputsOf } from './graph/model.js'
import type { Graph } from './graph/model.js'
import { impliedNote } from './generated.js'
import { nodeLabel } from './keys.js'

/** At most this many reason chains are kept per node; the count has the total. */
export const MAX_CHAINS = 20
/** A chain of more steps than this is rendered as its first two and last two. */
export const MAX_SHOWN_STEPS = 6

/** One step of a chain: the origin (a changed file, a definition change) or a node's label. */
export interface ReasonChain {
  readonly step: string
  /** The chain this one continues (the input's); absent at the origin. */
  readonly upstream?: ReasonChain
  /** Steps from the origin to here, inclusive. */
  readonly length: number
  /** The chain's first two steps, kept at every link so an elided rendering costs O(1). */
  readonly first: ReasonChain
  readonly second?: ReasonChain
}

type Link = { -readonly [K in keyof ReasonChain]: ReasonChain[K] }

function origin(step: string): ReasonChain {
  const chain = { step, length: 1 } as Link
  chain.first = chain
  return chain
}

function extend(upstream: ReasonChain, step: string): ReasonChain {
  const chain: Link = { step, upstream, length: upstream.length + 1, first: upstream.first }
  chain.second = upstream.length === 1 ? chain : upstream.second
  return chain
}

/** The same chain with a note on its last step (one new link; the rest is shared). */
function annotated(chain: ReasonChain, note: string): ReasonChain {
  const copy = { ...chain, step: `${chain.step}${note}` } as Link
  if (chain.length === 1) copy.first = copy
  if (chain.length === 2) copy.second = copy
  return copy
}

/** Every step of a chain, origin first (as long as the chain: for one node, not for every node). */
export function chainSteps(chain: ReasonChain): string[] {
  const steps: string[] = []
  for (let c: ReasonChain | undefined = chain; c; c = c.upstream) steps.push(c.step)
  return steps.reverse()
}

/** `a -> b -> c`; past MAX_SHOWN_STEPS steps, `a -> b -> … N more … -> y -> z`. */
export function renderChain(chain: ReasonChain, maxSteps = MAX_SHOWN_STEPS): string {
  if (chain.length <= maxSteps) return chainSteps(chain).join(' -> ')
  const last = chain.upstream!
  const hidden = chain.length - 4
  return [chain.first.step, chain.second!.step, `… ${hidden} more …`, last.step, chain.step].join(
    ' -> '
  )
}

/**
 * A node's direct cause: its origin (a changed file, a definition change), or the origin and the
 * steps that lead from it to the node (`src/api/main.go`, `COPY src/ ./ (src/api/Dockerfile:4)`).
 */
export type Cause = string | readonly string[]

function causeChain(cause: Cause): ReasonChain {
  if (typeof cause === 'string') return origin(cause)
  let chain = origin(cause[0])
  for (let i = 1; i < cause.length; i++) chain = extend(chain, cause[i])
  return chain
}

export interface NodeReasons {
  /** At most MAX_CHAINS chains, direct causes first, then by input in the node's order. */
  chains: ReasonChain[]
  /** How many chains there are in all (capped at Number.MAX_SAFE_INTEGER). */
  count: number
}

/**
 * The reasons of every node, inputs before consumers: a node's chains are its direct causes
 * (`origins`, by node name) and each of its inputs' chains extended by the node's label.
 */
export function reasonChains(
  graph: Graph,
  origins: Map<string, Cause[]>
): Map<string, NodeReasons> {
  const out = new Map<string, NodeReasons>()
  for (const node of graph.order) {
    const label = nodeLabel(node)
    const chains: ReasonChain[] = []
    let count = 0
    for (const cause of origins.get(node.name) ?? []) {
      if (chains.length < MAX_CHAINS) chains.push(extend(causeChain(cause), label))
      count++
    }
    for (const name of inputsOf(node)) {
      const upstream = out.get(name)
      if (!upstream) continue
      // An implied input (a process that writes the image's context) says so on its step.
      const note = impliedNote(node, name)
      for (const chain of upstream.chains) {
        if (chains.length >= MAX_CHAINS) break
        chains.push(extend(note ? annotated(chain, note) : chain, label))
      }
      count = Math.min(Number.MAX_SAFE_INTEGER, count + upstream.count)
    }
    out.set(node.name, { chains, count })
  }
  return out
}
