// Use case: the plan of a repository between two revisions, git in, core plan out; the one way the
// CLI (`plan`, `run`, `why`) and the action (every mode but `comment`) plan.
import type { GraphLocation } from '../adapters/working-tree.js'
import { symlinkedGraph, workingFile } from '../adapters/working-tree.js'
import type { Git } from '../adapters/ports.js'
import { everythingReason } from '../core/base.js'
import type { ResolvedBase } from '../core/base.js'
import { parseGraph, readGraph } from '../core/graph/read.js'
import type { Graph } from '../core/graph/model.js'
import { GraphError, UserError, sortProblems } from '../core/errors.js'
import { computeKeys } from '../core/keys.js'
import type { KeyBreakdown } from '../core/keys.js'
import { SYMLINK_MODE } from '../core/links.js'
import { TREE_MODE } from '../core/git-tree.js'
import { plan } from '../core/plan.js'
import { explainKeyDifference, treeChangeKey, treeChanges } from '../core/explain.js'
import type { Plan } from '../core/plan.js'
import { shortId } from '../core/render/text.js'
import { graphRoot, scopeChangedFiles, scopeTrackedFiles, underRoot } from '../core/scope.js'
import { decodeGraphText } from '../core/utf8.js'
import { commitFiles } from './commit-files.js'
import { readSymlinks } from './files.js'
import { CommitTree } from './tree-lookup.js'
import { argChangesSince } from './image-inputs.js'
import { problemsWithFiles } from './validate.js'

export interface PlanRequest {
  /**
   * The graph file, relative to the repository's top. Its directory is the graph's root: the
   * plan sees only the files under it, by paths relative to it (so are keys, reasons and the
   * plan's file lists); the graph file keeps its repository path in messages.
   */
  graphFile: string
  /** What to compare: base and head (revisions git resolves), or head alone with every node affected. */
  base: ResolvedBase
  /**
   * The graph file as the working tree has it, if it can be read: parsed while git resolves and
   * lists, and used when it is the head commit's text (as in any clean checkout of head).
   */
  workingGraphText?: () => string | null
}

/** The revisions a person named (`--base`, `--head`); no base: every node is affected. */
export function namedRange(base: string | null, head: string): ResolvedBase {
  return base === null
    ? { kind: 'everything', head, reason: 'no base revision' }
    : { kind: 'range', base, head, why: `${base}..${head}` }
}

/** The plan of the located graph file: the working tree's copy of it is the head start. */
export function planLocatedGraph(location: GraphLocation, base: ResolvedBase): Promise<Plan> {
  return planRepository(location.git, {
    graphFile: location.graphFile,
    base,
    workingGraphText: workingFile(location.repo, location.graphFile)
  })
}

/** A parse of the working tree's graph file, or nothing when there is none or it has problems. */
function parseWorkingGraph(request: PlanRequest): { text: string; graph: Graph } | undefined {
  const text = request.workingGraphText?.()
  if (text === undefined || text === null) return undefined
  const read = readGraph(text, request.graphFile)
  return read.graph && read.problems.length === 0 ? { text, graph: read.graph } : undefined
}

export async function planRepository(git: Git, request: PlanRequest): Promise<Plan> {
  const root = graphRoot(request.graphFile)
  const wanted = request.base
  const [head, base = null] = await git.resolveCommits(
    wanted.kind === 'range' ? [wanted.head, wanted.base] : [wanted.head]
  )
  const graphTexts = git.fileBytesAt([
    { rev: head, path: request.graphFile },
    ...(base ? [{ rev: base, path: request.graphFile }] : [])
  ])
  const changes =
    base === null
      ? Promise.resolve([])
      : git.changedFiles(base, head).then(c => scopeChangedFiles(c, root))
  // Nothing is left unhandled if the graph turns out invalid and we throw before awaiting it.
  changes.catch(() => undefined)
  // Every git call is under way: the working tree's graph file is parsed while git works.
  const working = parseWorkingGraph(request)
  const [graphBytes, baseGraphBytes = null] = await graphTexts
  const graphName = underRoot(request.graphFile, root)!
  const tree = new CommitTree(git, head, root)
  if (graphBytes === null) {
    const entry = await tree.entryAt(graphName)
    if (entry?.mode === TREE_MODE)
      throw new UserError(
        `${request.graphFile} is a directory in commit ${shortId(head)}; name the graph file in it (${request.graphFile}/imagegraph.yml)`
      )
    throw new UserError(
      `${request.graphFile} is not in commit ${shortId(head)} of ${git.dir}; commit it, or name the graph file that is`
    )
  }
  const graphText = decodeGraphText(graphBytes, request.graphFile)
  let baseGraphText: string | null = null
  let baseUnreadable: string | undefined
  try {
    baseGraphText = baseGraphBytes && decodeGraphText(baseGraphBytes, request.graphFile)
  } catch (e) {
    if (!(e instanceof GraphError)) throw e
    baseUnreadable = `${request.graphFile} at base ${shortId(base!)} is not valid (${e.message.split('\n')[0]}): every node is affected`
  }
  // A symlink's blob is its target's name: it never equals a working tree's valid graph file.
  if (working?.text !== graphText && (await tree.entryAt(graphName))?.mode === SYMLINK_MODE)
    throw symlinkedGraph(request.graphFile, graphText, head)
  let graph: Graph
  if (working?.text === graphText) graph = working.graph
  else {
    const read = readGraph(graphText, request.graphFile)
    if (!read.graph) throw new GraphError(read.problems)
    if (read.problems.length > 0) {
      // Report the problems that need the files too, so that one run lists every mistake.
      const tracked = scopeTrackedFiles(await git.trackedFiles(head), root)
      throw new GraphError(
        sortProblems(
          problemsWithFiles(read.graph, read.problems, tracked, await readSymlinks(git, tracked))
        )
      )
    }
    graph = read.graph
  }
  const files = await commitFiles(git, tree, graph)
  const everythingBecause = everythingReason(wanted) ?? baseUnreadable
  const changedFiles = await changes
  const argChanges =
    base === null || everythingBecause
      ? undefined
      : await argChangesSince(
          git,
          graph,
          files.membership.reach ?? new Map(),
          changedFiles,
          base,
          root
        )
  return plan({
    graph,
    graphText,
    graphFile: request.graphFile,
    baseGraphText,
    base: base ?? '',
    head,
    changedFiles,
    files,
    ...(argChanges ? { argChanges } : {}),
    ...(everythingBecause ? { everythingBecause } : {})
  })
}

/** Every node's key breakdown at another revision (null when the graph is not there or not valid). */
export async function keyBreakdownsAt(
  git: Git,
  rev: string,
  graphFile: string
): Promise<Map<string, KeyBreakdown> | null> {
  const root = graphRoot(graphFile)
  const text = await git.fileAt(rev, graphFile)
  if (text === null) return null
  const tree = new CommitTree(git, await git.resolveCommit(rev), root)
  if ((await tree.entryAt(underRoot(graphFile, root)!))?.mode === SYMLINK_MODE) return null
  let graph
  try {
    graph = parseGraph(text, graphFile)
  } catch (e) {
    if (e instanceof UserError) return null
    throw e
  }
  const files = await commitFiles(git, tree, graph)
  const keys = computeKeys(graph, files.membership)
  return new Map([...keys].map(([name, k]) => [name, k.breakdown]))
}

/**
 * The files behind each directory whose tree id differs between a node's key at base and at head,
 * for every node: `why --explain` names them (whyText's treeFiles).
 */
export async function changedTreeFiles(
  git: Git,
  p: Plan,
  base: Map<string, KeyBreakdown> | null
): Promise<Map<string, string[]>> {
  const changes = new Map<string, { path: string; before: string; after: string }>()
  for (const node of p.nodes.values())
    for (const change of treeChanges(explainKeyDifference(base?.get(node.name), node.breakdown)))
      changes.set(treeChangeKey(change), change)
  const out = new Map<string, string[]>()
  await Promise.all(
    [...changes].map(async ([key, change]) => {
      const prefix = change.path === '.' ? '' : `${change.path}/`
      const files = await git.changedFiles(change.before, change.after)
      out.set(
        key,
        files.map(f =>
          f.oldPath === undefined
            ? `${prefix}${f.path} (${f.status})`
            : `${prefix}${f.path} (${f.status} from ${prefix}${f.oldPath})`
        )
      )
    })
  )
  return out
}
