// Two commits -> an explained plan: what changed, what is affected and why, every content key.
import { touchedPaths } from './changes.js'
import { isTree } from './git-tree.js'
import { contextReads } from './image-reach.js'
import type { ContextReads } from './image-reach.js'
import type { ChangedFile, TrackedFile } from './changes.js'
import { GraphError, UserError } from './errors.js'
import type { Problem } from './errors.js'
import { inputsOf } from './graph/model.js'
import type { Graph, NodeKind } from './graph/model.js'
import { parseGraph } from './graph/read.js'
import { computeKeys, nodeLabel, writtenDefinition } from './keys.js'
import type { ContentKey, KeyBreakdown } from './keys.js'
import { checkGraphAgainstFiles } from './file-checks.js'
import { GraphFiles } from './ownership.js'
import type { FileMembership } from './ownership.js'
import type { Symlinks } from './links.js'
import { reasonChains, renderChain } from './reasons.js'
import type { Cause, ReasonChain } from './reasons.js'

export { MAX_CHAINS } from './reasons.js'

export interface PlanInput {
  graphText: string
  /** graphText already parsed, when the caller had the time to do it while git was busy. */
  graph?: Graph
  graphFile: string
  /** The graph file at base; null when base has none. */
  baseGraphText: string | null
  base: string
  head: string
  changedFiles: ChangedFile[]
  /**
   * What the graph's nodes hold at head, read from git's trees (commands/commit-files.ts); or,
   * without it, every tracked file at head with its object id (trackedFiles) and the symlinks
   * among them. Both give the same keys.
   */
  files?: NodeFiles
  trackedFiles?: TrackedFile[]
  symlinks?: Symlinks
  /** Set when the base could not be used at all: every node is affected for this reason. */
  everythingBecause?: string
  /**
   * The build-args-file values each image takes that differ from the base's, one origin each
   * (`.env: AGENT_VERSION changed`); commands/plan.ts reads the base's file for them.
   */
  argChanges?: Map<string, string[]>
}

/** The graph's files at a commit, as read from its trees, and the index that found them. */
export interface NodeFiles {
  membership: FileMembership
  graphFiles: GraphFiles
}

export interface NodePlan {
  kind: NodeKind
  name: string
  affected: boolean
  key: string
  /**
   * Readable chains, e.g. `config/app/db.yaml -> config app -> process render -> image api`; a long
   * one elided in the middle (`a -> b -> … 7 more … -> y -> z`).
   */
  reasons: string[]
  /** The same chains as links, to render in full for one node (`why`). */
  chains: ReasonChain[]
  /** How many chains there are in all (reasons lists at most MAX_CHAINS). */
  reasonCount: number
  /** Changed files that belong to this node directly (a config's globs, an image's context). */
  changedFiles: string[]
  inputs: string[]
  breakdown: KeyBreakdown
  /** An image's values from its build-args-file, passed to the builder with build-args. */
  fileArgs?: Record<string, string>
  /**
   * An image's instructions that read its context and what each reaches (`why --explain`), made
   * when asked: a plan has every image's, and only `why` shows them.
   */
  contextReads?: () => ContextReads
}

export interface Plan {
  base: string
  head: string
  graphFile: string
  /** Why every node is affected, when that is the case. */
  everythingBecause?: string
  changedFiles: ChangedFile[]
  nodes: Map<string, NodePlan>
  /** Node names, inputs before consumers. */
  order: string[]
  warnings: Problem[]
  graph: Graph
}

/** Parse the base's graph for comparison only; tell why it cannot be used when it cannot. */
function readBaseGraph(input: PlanInput, head: Graph): { graph?: Graph; unusable?: string } {
  // An unchanged graph file needs no second parse: no definition can differ.
  if (input.baseGraphText === input.graphText) return { graph: head }
  if (input.baseGraphText === null)
    return { unusable: `no ${input.graphFile} at base ${input.base.slice(0, 12)}` }
  try {
    return { graph: parseGraph(input.baseGraphText, input.graphFile) }
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    const first = e.message.split('\n')[0]
    return {
      unusable: `${input.graphFile} at base ${input.base.slice(0, 12)} is not valid (${first})`
    }
  }
}

export function plan(input: PlanInput): Plan {
  const graph = input.graph ?? parseGraph(input.graphText, input.graphFile)
  const graphFiles = input.files?.graphFiles ?? new GraphFiles(graph, input.symlinks)
  const membership = input.files?.membership ?? graphFiles.membership(input.trackedFiles ?? [])
  const problems = checkGraphAgainstFiles(graph, membership)
  const errors = problems.filter(p => p.severity === 'error')
  if (errors.length > 0) throw new GraphError(errors)
  const keys = computeKeys(graph, membership)

  // Direct causes: the origin of each chain that starts at this node, with the steps from it to
  // the node (the instructions that read a changed file).
  const direct = new Map<string, Cause[]>()
  /** Each node's causes as `origin\0step`, so that one is added once (a lookup, not a scan). */
  const seen = new Map<string, Set<string>>()
  const changedFilesOf = new Map<string, Set<string>>()
  const addDirect = (name: string, origin: string, steps: string[] = []) => {
    let list = direct.get(name)
    if (!list) direct.set(name, (list = []))
    let keys = seen.get(name)
    if (!keys) seen.set(name, (keys = new Set()))
    for (const step of steps.length === 0 ? [undefined] : steps) {
      const key = step === undefined ? origin : `${origin}\0${step}`
      if (keys.has(key)) continue
      keys.add(key)
      list.push(step === undefined ? origin : [origin, step])
    }
  }

  let everythingBecause = input.everythingBecause
  let baseGraph: Graph | undefined
  if (!everythingBecause) {
    const base = readBaseGraph(input, graph)
    baseGraph = base.graph
    if (base.unusable) everythingBecause = `${base.unusable}: every node is affected`
  }

  if (everythingBecause) {
    for (const node of graph.nodes.values()) addDirect(node.name, everythingBecause)
  } else {
    for (const change of input.changedFiles) {
      for (const { path, origin } of touchedPaths(change)) {
        graphFiles.owners(
          path,
          (node, _dockerfile, steps) => {
            addDirect(node.name, origin, steps)
            const files = changedFilesOf.get(node.name)
            if (!files) changedFilesOf.set(node.name, new Set([path]))
            else files.add(path)
          },
          change.symlink === true,
          change.status === 'modified'
        )
      }
    }
    for (const [name, origins] of input.argChanges ?? [])
      for (const origin of origins) addDirect(name, origin)
    for (const node of baseGraph === graph ? [] : graph.nodes.values()) {
      const before = baseGraph!.nodes.get(node.name)
      if (!before || before.kind !== node.kind)
        addDirect(node.name, `${input.graphFile}: ${nodeLabel(node)} is new`)
      else if (
        JSON.stringify(writtenDefinition(before)) !== JSON.stringify(writtenDefinition(node))
      ) {
        addDirect(node.name, `${input.graphFile}: ${nodeLabel(node)} changed`)
      }
    }
  }

  const reasons = reasonChains(graph, direct)

  const nodes = new Map<string, NodePlan>()
  for (const node of graph.order) {
    const key = keys.get(node.name) as ContentKey
    const { chains, count } = reasons.get(node.name)!
    nodes.set(node.name, {
      kind: node.kind,
      name: node.name,
      affected: chains.length > 0,
      key: key.key,
      reasons: chains.map(c => renderChain(c)),
      chains,
      reasonCount: count,
      changedFiles: [...(changedFilesOf.get(node.name) ?? [])],
      inputs: inputsOf(node),
      breakdown: key.breakdown,
      ...(fileArgsOf(membership, node.name) ?? {}),
      ...readsOf(membership, node.name)
    })
  }
  return {
    base: input.base,
    head: input.head,
    graphFile: input.graphFile,
    ...(everythingBecause ? { everythingBecause } : {}),
    changedFiles: input.changedFiles,
    nodes,
    order: graph.order.map(n => n.name),
    warnings: problems.filter(p => p.severity === 'warning'),
    graph
  }
}

/** What an image reads of its context, once its Dockerfile was read. */
function readsOf(membership: FileMembership, name: string): { contextReads?: () => ContextReads } {
  const reach = membership.reach?.get(name)
  if (!reach) return {}
  const files = membership.keyFiles?.get(name) ?? []
  return {
    contextReads: () =>
      contextReads(
        reach,
        files.map(f => ({ path: f.path, directory: isTree(f) }))
      )
  }
}

/** An image's build-args-file values, when it takes any. */
function fileArgsOf(
  membership: FileMembership,
  name: string
): { fileArgs: Record<string, string> } | undefined {
  const fileArgs = membership.reach?.get(name)?.fileArgs
  return fileArgs && Object.keys(fileArgs).length > 0 ? { fileArgs } : undefined
}

/** Affected images, inputs before consumers: the order to build them in. */
export function affectedImages(p: Plan): NodePlan[] {
  return p.order.map(n => p.nodes.get(n)!).filter(n => n.kind === 'image' && n.affected)
}

/** What every node of the plan JSON says of itself. */
interface NodeJson {
  key: string
  reasons: string[]
  reasonCount: number
}

export interface PlanJson {
  schema: 'imagegraph-plan/v1'
  base: string
  head: string
  graphFile: string
  everythingBecause?: string
  changedFiles: ChangedFile[]
  configs: Record<string, NodeJson & { changed: boolean; changedFiles: string[] }>
  processes: Record<string, NodeJson & { affected: boolean; inputs: string[]; outputs: string[] }>
  images: Record<
    string,
    NodeJson & {
      affected: boolean
      inputs: string[]
      context: string
      dockerfile: string
      changedFiles: string[]
    }
  >
  affectedImages: string[]
  affectedProcesses: string[]
  changedConfigs: string[]
  warnings: string[]
}

export function planToJson(p: Plan, formatWarning: (w: Problem) => string): PlanJson {
  const out: PlanJson = {
    schema: 'imagegraph-plan/v1',
    base: p.base,
    head: p.head,
    graphFile: p.graphFile,
    ...(p.everythingBecause ? { everythingBecause: p.everythingBecause } : {}),
    changedFiles: p.changedFiles,
    configs: {},
    processes: {},
    images: {},
    affectedImages: [],
    affectedProcesses: [],
    changedConfigs: [],
    warnings: p.warnings.map(formatWarning)
  }
  for (const name of p.order) {
    const n = p.nodes.get(name)!
    const node = p.graph.nodes.get(name)!
    const common = { key: n.key, reasons: n.reasons, reasonCount: n.reasonCount }
    if (node.kind === 'config') {
      out.configs[name] = { changed: n.affected, ...common, changedFiles: n.changedFiles }
      if (n.affected) out.changedConfigs.push(name)
    } else if (node.kind === 'process') {
      out.processes[name] = {
        affected: n.affected,
        ...common,
        inputs: node.inputs,
        outputs: node.outputs
      }
      if (n.affected) out.affectedProcesses.push(name)
    } else {
      out.images[name] = {
        affected: n.affected,
        ...common,
        inputs: node.inputs,
        context: node.context || '.',
        dockerfile: node.dockerfile,
        changedFiles: n.changedFiles
      }
      if (n.affected) out.affectedImages.push(name)
    }
  }
  return out
}
